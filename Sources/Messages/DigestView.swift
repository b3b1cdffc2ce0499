import Catalogue
import Model
import Planner
import WorkingCalendar

/// What a digest template sees: the recipient, the date, and the reminders grouped as the digest
/// lists them, with the words for "3 working days late" in the message's language.
struct DigestView {
    let digest: Digest
    let directory: Directory
    let language: Language
    let count: ReminderPolicy.DayCount

    var values: [String: Any] {
        let person = directory.official(digest.recipient)
        let overdue = digest.overdue.map(item)
        let due = digest.dueToday.map(item)
        let soon = digest.dueSoon.map(item)
        return [
            "recipient": [
                "id": digest.recipient, "name": person?.name ?? digest.recipient, "title": person?.title ?? "",
            ],
            "date": digest.sendDay.vietnamese, "count": digest.reminders.count, "summary": summary,
            "overdue": overdue, "due": due, "soon": soon,
            "hasOverdue": !overdue.isEmpty, "hasDue": !due.isEmpty, "hasSoon": !soon.isEmpty,
        ]
    }

    /// "2 quá hạn, 1 đến hạn hôm nay, 3 sắp đến hạn".
    var summary: String {
        let parts: [(Int, String, String)] = [
            (digest.overdue.count, "quá hạn", "overdue"), (digest.dueToday.count, "đến hạn hôm nay", "due today"),
            (digest.dueSoon.count, "sắp đến hạn", "due soon"),
        ]
        return parts.filter { $0.0 > 0 }.map { "\($0.0) \(language == .en ? $0.2 : $0.1)" }.joined(separator: ", ")
    }

    private func item(_ reminder: Reminder) -> [String: Any] {
        let occurrence = reminder.occurrence
        let task = occurrence.task
        var item: [String: Any] = [
            "task": task.id, "title": task.title, "deadline": occurrence.deadline?.vietnamese ?? "",
            "nominal": occurrence.nominalDeadline?.vietnamese ?? "",
            "moved": occurrence.deadline != occurrence.nominalDeadline,
            "when": when(reminder.stage), "copy": reminder.role == .cc,
            "responsible": task.responsible.map(directory.displayName).joined(separator: ", "),
            "escalation": reminder.stage.escalation,
        ]
        if let period = occurrence.dataPeriod {
            item["dataPeriod"] = "\(period.lowerBound.vietnamese) – \(period.upperBound.vietnamese)"
        }
        if let target = task.target { item["target"] = target }
        return item
    }

    private func when(_ stage: StageDay) -> String {
        let unit: String
        switch (language, count) {
        case (.en, .workingDays): unit = stage.days == 1 ? "working day" : "working days"
        case (.en, .calendarDays): unit = stage.days == 1 ? "day" : "days"
        case (_, .workingDays): unit = "ngày làm việc"
        case (_, .calendarDays): unit = "ngày"
        }
        switch (stage.stage, language) {
        case (.overdue, .en): return "\(stage.days) \(unit) overdue"
        case (.due, .en): return "due today"
        case (.before, .en): return "\(stage.days) \(unit) left"
        case (.overdue, _): return "quá hạn \(stage.days) \(unit)"
        case (.due, _): return "đến hạn hôm nay"
        case (.before, _): return "còn \(stage.days) \(unit)"
        }
    }
}
