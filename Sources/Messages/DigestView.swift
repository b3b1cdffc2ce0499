import Catalogue
import Model
import Planner
import WorkingCalendar

/// What a digest template sees: the recipient, the date, and the reminders grouped as the digest
/// lists them, with the words for "3 working days late" in the message's language.
///
/// The overdue periods of one recurring task are one line with their count and periods, not ten; those
/// of them with no reminder today join that line rather than the list of other overdue tasks.
struct DigestView {
    let digest: Digest
    let directory: Directory
    let language: Language
    let count: ReminderPolicy.DayCount
    /// The "Báo cáo hoàn thành" link of an occurrence for the recipient, when the web workspace is on.
    var reportLink: @Sendable (Occurrence) -> String? = { _ in nil }

    /// One period of a task in a line: how late or near it is, and whether the recipient is copied.
    private struct Entry {
        let occurrence: Occurrence
        let stage: Stage
        let days: Int
        let escalation: Int
        let copy: Bool

        init(_ reminder: Reminder) {
            occurrence = reminder.occurrence
            stage = reminder.stage.stage
            days = reminder.stage.days
            escalation = reminder.stage.escalation
            copy = reminder.role == .cc
        }

        init(_ still: StillOverdue) {
            occurrence = still.occurrence
            stage = .overdue
            days = still.daysLate
            escalation = 0
            copy = false
        }
    }

    var values: [String: Any] {
        let person = directory.official(digest.recipient)
        var others = Self.byTask(digest.otherOverdue.map(Entry.init))
        var overdue = Self.byTask(digest.overdue.map(Entry.init))
        for index in overdue.indices {
            let task = overdue[index][0].occurrence.task.id
            if let at = others.firstIndex(where: { $0[0].occurrence.task.id == task }) {
                overdue[index] += others.remove(at: at)
            }
        }
        let overdueItems = overdue.map(item)
        let due = digest.dueToday.map { item([Entry($0)]) }
        let soon = digest.dueSoon.map { item([Entry($0)]) }
        let otherItems = others.map(item)
        return [
            "recipient": [
                "id": digest.recipient, "name": person?.name ?? digest.recipient, "title": person?.title ?? "",
            ],
            "date": digest.sendDay.vietnamese, "count": overdueItems.count + due.count + soon.count,
            "summary": summary(overdue: overdueItems.count, due: due.count, soon: soon.count),
            "overdue": overdueItems, "due": due, "soon": soon,
            "hasOverdue": !overdueItems.isEmpty, "hasDue": !due.isEmpty, "hasSoon": !soon.isEmpty,
            "others": otherItems, "hasOthers": !otherItems.isEmpty,
        ]
    }

    /// "2 quá hạn, 1 đến hạn hôm nay, 3 sắp đến hạn": the lines, a recurring task's periods one line.
    private func summary(overdue: Int, due: Int, soon: Int) -> String {
        let parts: [(Int, MailText)] = [
            (overdue, .overdueCount(overdue)), (due, .dueTodayCount(due)), (soon, .dueSoonCount(soon)),
        ]
        return parts.filter { $0.0 > 0 }.map { $0.1.text(language) }.joined(separator: ", ")
    }

    /// The entries of one task side by side as one group, in the order of each task's first.
    private static func byTask(_ entries: [Entry]) -> [[Entry]] {
        var groups: [[Entry]] = []
        var index: [TaskID: Int] = [:]
        for entry in entries {
            if let at = index[entry.occurrence.task.id] {
                groups[at].append(entry)
            } else {
                index[entry.occurrence.task.id] = groups.count
                groups.append([entry])
            }
        }
        return groups
    }

    /// One line: one period of a task, or the overdue periods of one recurring task, named by the
    /// oldest's deadline and lateness.
    private func item(_ group: [Entry]) -> [String: Any] {
        // The oldest period first: the latest overdue.
        let entries = group.sorted { $0.days > $1.days }
        let oldest = entries[0]
        let occurrence = oldest.occurrence
        let task = occurrence.task
        let periods = entries.compactMap { PeriodLabel.of($0.occurrence, language: language) }
        let when = when(oldest.stage, days: oldest.days)
        var item: [String: Any] = [
            "task": task.id, "title": task.title, "deadline": occurrence.deadline?.vietnamese ?? "",
            "nominal": occurrence.nominalDeadline?.vietnamese ?? "",
            "moved": occurrence.deadline != occurrence.nominalDeadline,
            "when": entries.count == 1 ? when : periodsLate(entries.count, periods) + "; " + when,
            "copy": group.contains { $0.copy }, "count": entries.count,
            "responsible": task.responsible.map(directory.displayName).joined(separator: ", "),
            "escalation": group.map(\.escalation).max() ?? 0,
        ]
        if entries.count == 1, let period = periods.first { item["period"] = period }
        if let link = reportLink(occurrence) { item["reportLink"] = link }
        if let period = occurrence.dataPeriod {
            item["dataPeriod"] = "\(period.lowerBound.vietnamese) – \(period.upperBound.vietnamese)"
        }
        if let target = task.target { item["target"] = target }
        return item
    }

    /// "3 kỳ quá hạn: tháng 1/2025, tháng 2/2025, tháng 3/2025".
    private func periodsLate(_ count: Int, _ periods: [String]) -> String {
        MailText.periodsLate(count: count, periods: periods).text(language)
    }

    private func when(_ stage: Stage, days: Int) -> String {
        let working = count == .workingDays
        let text: MailText =
            switch stage {
            case .overdue: .daysOverdue(days, working: working)
            case .due: .dueToday
            case .before: .daysLeft(days, working: working)
            }
        return text.text(language)
    }
}
