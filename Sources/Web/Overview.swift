import App
import Catalogue
import Foundation
import Model
import Planner
import WorkingCalendar

/// *Tổng quan*: what the viewer may see of today: counts by status, the overdue tasks with how many working
/// days late and who is responsible, what goes out at the next send time and to whom, and for editors the
/// desk — failed deliveries, the last reload, the reports waiting and a rejected version's errors.
struct Overview: PageModel {
    struct Count {
        let status: String
        let label: String
        let count: Int
    }
    struct Late {
        let id: String
        let path: String
        let title: String
        let deadline: String
        let late: Int
        let responsible: String
    }
    struct Next {
        let recipient: String
        let items: Int
    }
    struct Failure {
        let digest: String
        let destination: String
        let answer: String
    }
    struct Reload {
        let at: String
        let outcome: String
        let message: String
    }
    struct Waiting {
        let id: Int64
        let task: String
        let path: String
        let occurrence: String
        let title: String
        let official: String
        let date: String
        let note: String
        let csrf: String
    }
    struct Rejected {
        let since: String
        let errors: [String]
    }

    let today: String
    let counts: [Count]
    let overdue: [Late]
    let hasOverdue: Bool
    let nextSend: String
    let next: [Next]
    let hasNext: Bool
    let failures: [Failure]?
    let reload: Reload?
    let waiting: [Waiting]?
    let hasWaiting: Bool
    let canEdit: Bool
    let rejected: Rejected?

    init(
        office: Office, viewer: Viewer, visible: [Occurrence], desk: Workspace.Desk?, paused: Set<CompletionKey>,
        csrf: String, words: [String: String]
    ) {
        let now = office.clock.now()
        let today = office.today()
        let directory = office.schedule.directory
        var counts: [TaskStatus: Int] = [:]
        for occurrence in visible { counts[occurrence.status(at: today), default: 0] += 1 }
        overdue = visible.filter { $0.status(at: today) == .overdue }.compactMap { occurrence in
            guard let deadline = occurrence.deadline else { return nil }
            return Late(
                id: occurrence.task.id, path: TaskPages.path(occurrence.task.id), title: occurrence.task.title,
                deadline: deadline.vietnamese, late: office.calendar.workingDays(from: deadline, to: today),
                responsible: occurrence.task.responsible.map(directory.displayName).joined(separator: ", "))
        }
        let nextSend = office.nextSend(after: now)
        let day = office.sendTime.day(of: nextSend)
        next = office.planner.without(paused, in: office.planner.digests(in: day...day)).compactMap { digest in
            guard viewer.seesAll || digest.recipient == viewer.official else { return nil }
            return Next(
                recipient: directory.official(digest.recipient)?.name ?? digest.recipient,
                items: digest.reminders.count)
        }
        self.today = today.vietnamese
        self.counts = TaskPages.statuses.map { status, word in
            Count(status: word.rawValue, label: words[word], count: counts[status] ?? 0)
        }
        hasOverdue = !overdue.isEmpty
        self.nextSend = Self.time(nextSend, office)
        hasNext = !next.isEmpty
        failures = desk?.failures.map {
            Failure(digest: $0.digest.description, destination: $0.destination, answer: $0.lastAnswer ?? "")
        }
        reload = desk?.lastReload.map { reload in
            Reload(
                at: Self.time(Date(timeIntervalSince1970: reload.at), office),
                outcome: words[reload.ok ? WebWord.accepted : .refused], message: reload.message)
        }
        waiting = desk?.waiting.map { report in
            Waiting(
                id: report.id, task: report.task, path: TaskPages.path(report.task),
                occurrence: report.occurrenceDay?.vietnamese ?? "",
                title: office.schedule.tasks.first { $0.id == report.task }?.title ?? "",
                official: directory.official(report.official)?.name ?? report.official,
                date: report.completedDay?.vietnamese ?? report.completedOn, note: report.note ?? "", csrf: csrf)
        }
        hasWaiting = !(waiting ?? []).isEmpty
        canEdit = desk != nil
        rejected = desk?.rejected.map { rejected in
            Rejected(
                since: rejected.servingSince.map { Self.time($0, office) } ?? "?",
                errors: rejected.errors.items.map { $0.text(rejected.language) })
        }
    }

    /// "14/03/2024 07:30" in the office's time zone.
    static func time(_ date: Date, _ office: Office) -> String { office.sendTime.moment(date) }
}
