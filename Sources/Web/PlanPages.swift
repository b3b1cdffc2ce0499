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
    struct List: PageModel {
        struct Version {
            let id: Int64
            let file: String
            let by: String
            let at: String
            let inUse: Bool
            let restorable: Bool
            let previewable: Bool
        }
        struct Change {
            let at: String
            let by: String
            let client: String
            let action: String
            let version: String
        }
        struct Current {
            let id: Int64
            let file: String
        }
        struct Plan {
            let key: String
            let name: String
            let title: String
            let tasks: Int
            let listed: Bool
            let configFileNewer: Bool
            let editable: Bool
            let restoreConfigFile: Bool
            let base: String
            let versions: [Version]
            let hasVersions: Bool
            let changes: [Change]
            let hasChanges: Bool
            let download: String
            let csrf: String
            let current: Current?
        }

        let plans: [Plan]
        let canEdit: Bool
        let newPlans: Bool
        let csrf: String
        let limit: Int
        let applied: Bool
    }

    static func list(
        _ entries: [PlanShelf.Entry], office: Office, viewer: Viewer, csrf: String, words: [String: String],
        applied: Bool
    ) -> List {
        let directory = office.schedule.directory
        func who(_ id: String) -> String { directory.official(id)?.name ?? id }
        func when(_ at: Double) -> String { office.sendTime.moment(Date(timeIntervalSince1970: at)) }
        let plans = entries.map { entry in
            let editable = viewer.canEdit && entry.replaceable
            let versions = entry.versions.map { version in
                List.Version(
                    id: version.id, file: version.fileName, by: who(version.uploadedBy), at: when(version.uploadedAt),
                    inUse: version.id == entry.current?.id,
                    restorable: editable && version.id != entry.current?.id
                        && entry.changes.contains { $0.version == version.id },
                    previewable: editable && !entry.changes.contains { $0.version == version.id })
            }
            let changes = entry.changes.map { change in
                List.Change(
                    at: when(change.at), by: who(change.user), client: change.client,
                    action: words[change.action == .restore ? WebWord.restored : .applied],
                    version: change.version.map { "#\($0)" } ?? words[WebWord.configFile])
            }
            return List.Plan(
                key: entry.key, name: entry.name, title: entry.plan?.title ?? "", tasks: entry.plan?.tasks.count ?? 0,
                listed: !entry.isNew, configFileNewer: entry.configFileNewer, editable: editable,
                restoreConfigFile: editable && entry.current != nil && !entry.isNew,
                base: entry.lastChange.map { String($0.id) } ?? "", versions: versions, hasVersions: !versions.isEmpty,
                changes: changes, hasChanges: !changes.isEmpty,
                download: "/ke-hoach/tai-ve?" + query(["ke-hoach": entry.key]), csrf: csrf,
                current: entry.current.map { List.Current(id: $0.id, file: $0.fileName) })
        }
        return List(
            plans: plans, canEdit: viewer.canEdit,
            newPlans: viewer.canEdit && office.configuration.web?.newPlans == true, csrf: csrf,
            limit: PlanShelf.sizeLimit >> 20, applied: applied)
    }

    /// Every error of an upload: file, sheet, row, column, what was written there, the message and what
    /// to do, in the office's language.
    struct Errors: PageModel {
        struct Row {
            let file: String
            let sheet: String
            let row: String
            let column: String
            let written: String
            let message: String
            let hint: String
        }
        let fileName: String
        let errors: [Row]
        let count: Int
    }

    static func errors(_ errors: [PlanShelf.WrittenError], fileName: String, language: Language) -> Errors {
        let rows = errors.map { error in
            let location = error.diagnostic.location
            return Errors.Row(
                file: (location.file as NSString).lastPathComponent, sheet: location.sheet ?? "",
                row: location.line.map(String.init) ?? "", column: location.column ?? "", written: error.written ?? "",
                message: error.diagnostic.message.text(language), hint: error.diagnostic.hint?.text(language) ?? "")
        }
        return Errors(fileName: fileName, errors: rows, count: rows.count)
    }

    /// A version's preview: what it changes, and the reminders of the next working days under it beside
    /// those under the version in use.
    struct Preview: PageModel {
        struct Task {
            let id: String
            let title: String
            let deadline: String
            let responsible: String
        }
        struct Field {
            let field: String
            let label: String
            let before: String
            let after: String
        }
        struct Changed {
            let id: String
            let title: String
            let fields: [Field]
        }
        struct Line {
            let line: String
            let gone: Bool
            let new: Bool
        }
        struct Day {
            let day: String
            let current: [Line]
            let candidate: [Line]
        }

        let version: Int64
        let file: String
        let plan: String
        let key: String
        let by: String
        let at: String
        let unchanged: Bool
        let inUse: Bool
        let canApply: Bool
        let base: String
        let csrf: String
        let added: [Task]
        let addedCount: Int
        let hasAdded: Bool
        let removed: [Task]
        let removedCount: Int
        let hasRemoved: Bool
        let changed: [Changed]
        let changedCount: Int
        let hasChanged: Bool
        let completionsChanged: Int
        let days: [Day]
        let workingDays: Int
    }

    static func preview(
        _ preview: PlanPreview, version: Workspace.PlanVersion, entry: PlanShelf.Entry, office: Office,
        viewer: Viewer, csrf: String, words: [String: String]
    ) -> Preview {
        let directory = office.schedule.directory
        func deadline(_ task: PlanTask) -> String {
            let text = DeadlinePhrase.written(task)
            return (try? CivilDate.parse(text))?.vietnamese ?? text
        }
        func people(_ task: PlanTask) -> String { task.responsible.map(directory.displayName).joined(separator: ", ") }
        func row(_ task: PlanTask) -> Preview.Task {
            Preview.Task(id: task.id, title: task.title, deadline: deadline(task), responsible: people(task))
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
        let changed = preview.changed.map { change in
            Preview.Changed(
                id: change.after.id, title: change.after.title,
                fields: change.fields.map { field in
                    Preview.Field(
                        field: field.rawValue, label: words[Self.word(field)], before: value(field, change.before),
                        after: value(field, change.after))
                })
        }
        func line(_ reminder: Reminder) -> String {
            let name = directory.official(reminder.recipient)?.name ?? reminder.recipient
            return "\(name): \(reminder.occurrence.task.id) (\(words[Self.word(reminder.stage.stage)]))"
        }
        let days = preview.days.map { day in
            let now = Set(day.current.map(line))
            let next = Set(day.candidate.map(line))
            return Preview.Day(
                day: "\(day.day.weekday.vietnamese) \(day.day.vietnamese)",
                current: now.sorted().map { Preview.Line(line: $0, gone: !next.contains($0), new: false) },
                candidate: next.sorted().map { Preview.Line(line: $0, gone: false, new: !now.contains($0)) })
        }
        let inUse = entry.current?.id == version.id
        return Preview(
            version: version.id, file: version.fileName, plan: entry.name, key: entry.key,
            by: directory.official(version.uploadedBy)?.name ?? version.uploadedBy,
            at: office.sendTime.moment(Date(timeIntervalSince1970: version.uploadedAt)), unchanged: preview.isEmpty,
            inUse: inUse, canApply: viewer.canEdit && entry.replaceable && !inUse && !preview.isEmpty,
            base: entry.lastChange.map { String($0.id) } ?? "", csrf: csrf, added: preview.added.map(row),
            addedCount: preview.added.count, hasAdded: !preview.added.isEmpty, removed: preview.removed.map(row),
            removedCount: preview.removed.count, hasRemoved: !preview.removed.isEmpty, changed: changed,
            changedCount: changed.count, hasChanged: !changed.isEmpty, completionsChanged: preview.completionsChanged,
            days: days, workingDays: PlanPreview.workingDays)
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
