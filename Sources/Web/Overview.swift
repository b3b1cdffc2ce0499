import App
import Catalogue
import Foundation
import Model
import Planner
import WorkingCalendar

/// *Tổng quan*: what the viewer may see of today, as the page's values: counts by status, the overdue
/// tasks with how many working days late and who is responsible, what goes out at the next send time
/// and to whom, failed deliveries, the last reload and a rejected version's errors.
enum Overview {
    static func values(
        office: Office, viewer: Viewer, desk: Workspace.Desk?, paused: Set<CompletionKey>, csrf: String,
        words: [String: String]
    ) -> [String: Any] {
        let now = office.clock.now()
        let today = office.today()
        let directory = office.schedule.directory
        let visible = office.planner.occurrences.filter { $0.exists(on: today) && viewer.sees($0.task) }
        var counts: [TaskStatus: Int] = [:]
        for occurrence in visible { counts[occurrence.status(at: today), default: 0] += 1 }
        let overdue: [[String: Any]] = visible.filter { $0.status(at: today) == .overdue }.compactMap { occurrence in
            guard let deadline = occurrence.deadline else { return nil }
            return [
                "id": occurrence.task.id, "path": TaskPages.path(occurrence.task.id), "title": occurrence.task.title,
                "deadline": deadline.vietnamese,
                "late": office.calendar.workingDays(from: deadline, to: today),
                "responsible": occurrence.task.responsible.map(directory.displayName).joined(separator: ", "),
            ]
        }
        let nextSend = office.nextSend(after: now)
        let day = office.sendTime.day(of: nextSend)
        let next: [[String: Any]] = office.planner.without(paused, in: office.planner.digests(in: day...day)).compactMap
        {
            digest in
            guard viewer.seesAll || digest.recipient == viewer.official else { return nil }
            return [
                "recipient": directory.official(digest.recipient)?.name ?? digest.recipient,
                "items": digest.reminders.count,
            ]
        }
        var values: [String: Any] = [
            "today": today.vietnamese,
            "counts": TaskPages.statuses.map { status, word in
                ["status": word.rawValue, "label": words[word], "count": counts[status] ?? 0] as [String: Any]
            },
            "overdue": overdue, "hasOverdue": !overdue.isEmpty,
            "nextSend": Self.time(nextSend, office), "next": next, "hasNext": !next.isEmpty,
        ]
        if let desk {
            values["failures"] = desk.failures.map {
                ["digest": $0.digest.description, "destination": $0.destination, "answer": $0.lastAnswer ?? ""]
            }
            if let reload = desk.lastReload {
                values["reload"] = [
                    "at": Self.time(Date(timeIntervalSince1970: reload.at), office),
                    "outcome": words[reload.ok ? WebWord.accepted : .refused], "message": reload.message,
                ]
            }
            let waiting = desk.waiting.map { report -> [String: Any] in
                [
                    "id": report.id, "task": report.task, "path": TaskPages.path(report.task),
                    "occurrence": report.occurrenceDay?.vietnamese ?? "",
                    "title": office.schedule.tasks.first { $0.id == report.task }?.title ?? "",
                    "official": directory.official(report.official)?.name ?? report.official,
                    "date": (try? CivilDate.parse(report.completedOn).vietnamese) ?? report.completedOn,
                    "note": report.note ?? "", "csrf": csrf,
                ]
            }
            values["waiting"] = waiting
            values["hasWaiting"] = !waiting.isEmpty
            values["canEdit"] = true
            if let rejected = desk.rejected {
                values["rejected"] = [
                    "since": rejected.servingSince.map { Self.time($0, office) } ?? "?",
                    "errors": rejected.errors.items.map { $0.text(rejected.language) },
                ]
            }
        }
        return values
    }

    /// "14/03/2024 07:30" in the office's time zone.
    static func time(_ date: Date, _ office: Office) -> String { office.sendTime.moment(date) }
}
