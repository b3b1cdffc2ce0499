import App
import Catalogue
import Foundation
import Model
import Planner
import ScheduleSources
import WorkingCalendar

/// *Kế hoạch*: the values of its pages. The plans in use with their versions and switches; an upload's
/// errors, each at its place with what was written there; a version's preview beside the one in use.
enum PlanPages {
    /// The list of plans, each with its version in use, its earlier versions and its switches.
    static func list(
        _ entries: [PlanShelf.Entry], office: Office, viewer: Viewer, csrf: String, words: [String: String]
    ) -> [String: Any] {
        let directory = office.schedule.directory
        func who(_ id: String) -> String { directory.official(id)?.name ?? id }
        func when(_ at: Double) -> String { office.sendTime.moment(Date(timeIntervalSince1970: at)) }
        let plans: [[String: Any]] = entries.map { entry in
            let editable = viewer.canEdit && entry.replaceable
            let versions: [[String: Any]] = entry.versions.map { version in
                [
                    "id": version.id, "file": version.fileName, "by": who(version.uploadedBy),
                    "at": when(version.uploadedAt), "inUse": version.id == entry.current?.id,
                    "restorable": editable && version.id != entry.current?.id
                        && entry.changes.contains { $0.version == version.id },
                    "previewable": editable && !entry.changes.contains { $0.version == version.id },
                ]
            }
            let changes: [[String: Any]] = entry.changes.map { change in
                [
                    "at": when(change.at), "by": who(change.user), "client": change.client,
                    "action": words[change.action == .restore ? WebWord.restored : .applied],
                    "version": change.version.map { "#\($0)" } ?? words[WebWord.configFile],
                ]
            }
            var values: [String: Any] = [
                "key": entry.key, "name": entry.name, "title": entry.plan?.title ?? "",
                "tasks": entry.plan?.tasks.count ?? 0, "listed": !entry.isNew,
                "configFileNewer": entry.configFileNewer, "editable": editable,
                "restoreConfigFile": editable && entry.current != nil && !entry.isNew,
                "base": entry.lastChange.map { String($0.id) } ?? "", "versions": versions,
                "hasVersions": !versions.isEmpty, "changes": changes, "hasChanges": !changes.isEmpty,
                "download": "/ke-hoach/tai-ve?" + query(["ke-hoach": entry.key]), "csrf": csrf,
            ]
            if let current = entry.current { values["current"] = ["id": current.id, "file": current.fileName] }
            return values
        }
        return [
            "plans": plans, "canEdit": viewer.canEdit,
            "newPlans": viewer.canEdit && office.configuration.web?.newPlans == true,
            "csrf": csrf, "limit": PlanShelf.sizeLimit >> 20,
        ]
    }

    /// Every error of an upload: file, sheet, row, column, what was written there, the message and what
    /// to do, in the office's language.
    static func errors(_ errors: [PlanShelf.WrittenError], fileName: String, language: Language) -> [String: Any] {
        let rows: [[String: Any]] = errors.map { error in
            let location = error.diagnostic.location
            return [
                "file": (location.file as NSString).lastPathComponent, "sheet": location.sheet ?? "",
                "row": location.line.map(String.init) ?? "", "column": location.column ?? "",
                "written": error.written ?? "", "message": error.diagnostic.message.text(language),
                "hint": error.diagnostic.hint?.text(language) ?? "",
            ]
        }
        return ["fileName": fileName, "errors": rows, "count": rows.count]
    }

    /// A version's preview: what it changes, and the reminders of the next working days under it beside
    /// those under the version in use.
    static func preview(
        _ preview: PlanPreview, version: Workspace.PlanVersion, entry: PlanShelf.Entry, office: Office,
        viewer: Viewer, csrf: String, words: [String: String]
    ) -> [String: Any] {
        let directory = office.schedule.directory
        func deadline(_ task: PlanTask) -> String {
            let text = DeadlinePhrase.written(task)
            return (try? CivilDate.parse(text))?.vietnamese ?? text
        }
        func people(_ task: PlanTask) -> String { task.responsible.map(directory.displayName).joined(separator: ", ") }
        func row(_ task: PlanTask) -> [String: Any] {
            ["id": task.id, "title": task.title, "deadline": deadline(task), "responsible": people(task)]
        }
        func value(_ field: PlanPreview.Field, _ task: PlanTask) -> String {
            switch field {
            case .title: task.title
            case .deadline: deadline(task)
            case .responsible: people(task)
            case .lead: task.lead.flatMap { directory.official($0)?.name } ?? "—"
            case .focus: task.isFocus ? (words[WebWord.yes]) : (words[WebWord.no])
            }
        }
        let changed: [[String: Any]] = preview.changed.map { change in
            [
                "id": change.after.id, "title": change.after.title,
                "fields": change.fields.map { field in
                    [
                        "field": field.rawValue, "label": words[Self.word(field)],
                        "before": value(field, change.before), "after": value(field, change.after),
                    ]
                },
            ]
        }
        func line(_ reminder: Reminder) -> String {
            let name = directory.official(reminder.recipient)?.name ?? reminder.recipient
            return "\(name): \(reminder.occurrence.task.id) (\(words[Self.word(reminder.stage.stage)]))"
        }
        let days: [[String: Any]] = preview.days.map { day in
            let now = Set(day.current.map(line))
            let next = Set(day.candidate.map(line))
            return [
                "day": "\(day.day.weekday.vietnamese) \(day.day.vietnamese)",
                "current": now.sorted().map { ["line": $0, "gone": !next.contains($0)] },
                "candidate": next.sorted().map { ["line": $0, "new": !now.contains($0)] },
            ]
        }
        let inUse = entry.current?.id == version.id
        return [
            "version": version.id, "file": version.fileName, "plan": entry.name, "key": entry.key,
            "by": directory.official(version.uploadedBy)?.name ?? version.uploadedBy,
            "at": office.sendTime.moment(Date(timeIntervalSince1970: version.uploadedAt)),
            "unchanged": preview.isEmpty, "inUse": inUse,
            "canApply": viewer.canEdit && entry.replaceable && !inUse && !preview.isEmpty,
            "base": entry.lastChange.map { String($0.id) } ?? "", "csrf": csrf,
            "added": preview.added.map(row), "addedCount": preview.added.count, "hasAdded": !preview.added.isEmpty,
            "removed": preview.removed.map(row), "removedCount": preview.removed.count,
            "hasRemoved": !preview.removed.isEmpty,
            "changed": changed, "changedCount": changed.count, "hasChanged": !changed.isEmpty,
            "completionsChanged": preview.completionsChanged,
            "days": days, "workingDays": PlanPreview.workingDays,
        ]
    }

    /// A changed field's name on the preview.
    static func word(_ field: PlanPreview.Field) -> WebWord {
        switch field {
        case .title: .fieldTitle
        case .deadline: .fieldDeadline
        case .responsible: .fieldResponsible
        case .lead: .fieldLead
        case .focus: .fieldFocus
        }
    }

    /// A reminder's stage on the preview.
    static func word(_ stage: Stage) -> WebWord {
        switch stage {
        case .before: .stageBefore
        case .due: .stageDue
        case .overdue: .stageOverdue
        }
    }

    /// `a=1&b=2`, each value percent-encoded for a query.
    static func query(_ items: [String: String]) -> String {
        var parts = URLComponents()
        parts.queryItems = items.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        return parts.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B") ?? ""
    }
}
