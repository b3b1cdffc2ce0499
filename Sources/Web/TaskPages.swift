import App
import Catalogue
import Foundation
import Model
import Planner
import ScheduleSources
import WorkingCalendar

/// *Nhiệm vụ*: the occurrences the viewer may see, filtered, and one task's page: its occurrences, every
/// reminder sent for it, and its completion history.
enum TaskPages {
    /// The filters of the list, as the form sends them; empty means any.
    struct Filter {
        var section = ""
        var lead = ""
        var responsible = ""
        var status = ""
        var text = ""
        /// From 1.
        var page = 1

        /// The query of the same filter on another page.
        func query(page: Int) -> String {
            var parts = URLComponents()
            parts.queryItems =
                [
                    ("section", section), ("lead", lead), ("responsible", responsible), ("status", status), ("q", text),
                ].filter { !$0.1.isEmpty }.map { URLQueryItem(name: $0.0, value: $0.1) } + [
                    URLQueryItem(name: "page", value: String(page))
                ]
            return parts.percentEncodedQuery ?? ""
        }

        init(_ query: [String: String]) {
            page = max(1, query["page"].flatMap { Int($0) } ?? 1)
            section = query["section"] ?? ""
            lead = query["lead"] ?? ""
            responsible = query["responsible"] ?? ""
            status = query["status"] ?? ""
            text = query["q"] ?? ""
        }
    }

    static let statuses: [(TaskStatus, WebWord)] = [
        (.doneOnTime, .doneOnTime), (.doneLate, .doneLate), (.overdue, .overdue), (.inProgress, .inProgress),
        (.ongoing, .ongoing), (.noFixedDeadline, .noFixedDeadline),
    ]

    /// A status's word, whose name is also the status in the pages' queries (`?status=overdue`).
    static func word(_ status: TaskStatus) -> WebWord { statuses.first { $0.0 == status }!.1 }

    /// A task id as a segment of a URL path.
    static func path(_ id: TaskID) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/")))
            ?? id
    }

    /// Rows on one page of the list: a phone shows them, and a page of a large plan stays fast.
    static let pageSize = 100

    /// The list's page.
    struct List: PageModel {
        struct Row {
            let id: String
            let path: String
            let title: String
            let deadline: String
            let status: String
            let statusLabel: String
            let responsible: String
        }
        struct Option {
            let value: String
            let label: String
            let selected: Bool
        }

        let rows: [Row]
        let hasRows: Bool
        let count: Int
        let q: String
        let page: Int
        let pages: Int
        let paged: Bool
        /// The query of the page before and after, when there is one.
        let previous: String?
        let next: String?
        let sections: [Option]
        let leads: [Option]
        let responsibles: [Option]
        let statuses: [Option]
    }

    static func list(office: Office, visible: [Occurrence], filter: Filter, words: [String: String]) -> List {
        let today = office.today()
        let directory = office.schedule.directory
        let folded = VietnameseText.folded(filter.text)
        let matching = visible.filter { occurrence in
            let task = occurrence.task
            let recipients = task.responsible.map(directory.recipient)
            return (filter.section.isEmpty || task.section == filter.section)
                && (filter.lead.isEmpty || task.lead == filter.lead)
                && (filter.responsible.isEmpty || recipients.contains(filter.responsible))
                && (filter.status.isEmpty || word(occurrence.status(at: today)).rawValue == filter.status)
                && (folded.isEmpty || VietnameseText.folded(task.id + " " + task.title).contains(folded))
        }
        let pages = max(1, (matching.count + pageSize - 1) / pageSize)
        let page = min(filter.page, pages)
        let rows = matching[((page - 1) * pageSize)..<min(matching.count, page * pageSize)].map { occurrence in
            let status = occurrence.status(at: today)
            return List.Row(
                id: occurrence.task.id, path: path(occurrence.task.id), title: occurrence.task.title,
                deadline: occurrence.deadline?.vietnamese ?? words[word(status)], status: word(status).rawValue,
                statusLabel: words[word(status)],
                responsible: occurrence.task.responsible.map(directory.displayName).joined(separator: ", "))
        }
        let tasks = visible.map(\.task)
        func options(_ values: [String], selected: String, label: (String) -> String) -> [List.Option] {
            var seen: Set<String> = []
            return values.filter { seen.insert($0).inserted }.map {
                List.Option(value: $0, label: label($0), selected: $0 == selected)
            }
        }
        let name = { (id: String) in directory.official(id)?.name ?? id }
        return List(
            rows: Array(rows), hasRows: !rows.isEmpty, count: matching.count, q: filter.text, page: page,
            pages: pages, paged: pages > 1, previous: page > 1 ? filter.query(page: page - 1) : nil,
            next: page < pages ? filter.query(page: page + 1) : nil,
            sections: options(tasks.compactMap(\.section), selected: filter.section) { $0 },
            leads: options(tasks.compactMap(\.lead), selected: filter.lead, label: name),
            responsibles: options(
                tasks.flatMap { $0.responsible.map(directory.recipient) }, selected: filter.responsible, label: name),
            statuses: statuses.map { _, key in
                List.Option(value: key.rawValue, label: words[key], selected: key.rawValue == filter.status)
            })
    }

    /// A task's page: its occurrences, the reminders sent for it, its completion history.
    struct Page: PageModel {
        struct Row {
            struct Completed {
                let date: String
                let note: String
            }
            let occurrence: String
            let nominal: String
            let deadline: String
            let status: String
            let statusLabel: String
            let canEdit: Bool
            let csrf: String
            let today: String
            let completed: Completed?
        }
        struct Sent {
            let day: String
            let recipient: String
            let destination: String
            let state: String
            let answer: String
        }
        struct History {
            let at: String
            let user: String
            let client: String
            let occurrence: String
            let action: String
            let date: String
            let note: String
        }

        let id: String
        let path: String
        let title: String
        let section: String
        let lead: String
        let responsible: String
        let note: String
        let occurrences: [Row]
        let sent: [Sent]
        let hasSent: Bool
        let history: [History]
        let hasHistory: Bool
    }

    static func task(
        _ record: Workspace.TaskRecord, office: Office, viewer: Viewer, csrf: String, words: [String: String]
    ) -> Page {
        let task = record.occurrences[0].task
        let today = office.today()
        let directory = office.schedule.directory
        let rows = record.occurrences.filter { $0.exists(on: today) }.map { occurrence in
            let status = occurrence.status(at: today)
            return Page.Row(
                occurrence: occurrence.key?.iso ?? "",
                nominal: occurrence.nominalDeadline?.vietnamese ?? words[word(status)],
                deadline: occurrence.deadline?.vietnamese ?? "", status: word(status).rawValue,
                statusLabel: words[word(status)], canEdit: viewer.canEdit, csrf: csrf, today: today.vietnamese,
                completed: occurrence.completion.flatMap { completion in
                    completion.date <= today
                        ? Page.Row.Completed(date: completion.date.vietnamese, note: completion.note ?? "") : nil
                })
        }
        let sent = record.sent.map { sent in
            Page.Sent(
                day: sent.reminder.stage.sendDay.vietnamese,
                recipient: directory.official(sent.reminder.recipient)?.name ?? sent.reminder.recipient,
                destination: sent.item.destination, state: sent.item.state.rawValue,
                answer: sent.item.lastAnswer ?? "")
        }
        let history = record.history.map { entry in
            Page.History(
                at: Overview.time(Date(timeIntervalSince1970: entry.at), office), user: entry.user,
                client: entry.client ?? "", occurrence: entry.occurrence,
                action: words[entry.completedOn == nil ? WebWord.reopened : .completed],
                date: entry.completedOn.flatMap { try? CivilDate.parse($0).vietnamese } ?? "", note: entry.note ?? "")
        }
        return Page(
            id: task.id, path: path(task.id), title: task.title, section: task.section ?? "",
            lead: task.lead.flatMap { directory.official($0)?.name } ?? "",
            responsible: task.responsible.map(directory.displayName).joined(separator: ", "), note: task.note ?? "",
            occurrences: rows, sent: sent, hasSent: !sent.isEmpty, history: history, hasHistory: !history.isEmpty)
    }
}
