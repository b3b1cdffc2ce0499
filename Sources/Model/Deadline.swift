import WorkingCalendar

/// When a task is due (phân kỳ, thời hạn), as the plan states it: before any day-off adjustment.
public enum Deadline: Hashable, Sendable {
    /// A day: "30/06/2024", "Trước 30/6/2024".
    case date(CivilDate)
    /// The end of a period: "Quý I/2024" is due 31/03/2024.
    case periodEnd(Period)
    case recurring(Recurrence)
    /// "Trước Tết Nguyên đán": the last working day before the Tết break of that year, from the calendar.
    case beforeTet(year: Int)
    /// Thường xuyên: no deadline, never overdue, still listed in reports.
    case ongoing
    /// Chưa có thời hạn cụ thể: a condition rather than a day ("Khi có phát sinh", "Sau khi có Quy chế của
    /// TW", "Theo kế hoạch riêng"). Kept and listed for the clerk, never reminded by date.
    case noFixedDeadline
}

/// A completion (ngày hoàn thành) as recorded: the day the work was done and what was said of it.
public struct Completion: Hashable, Sendable {
    public let date: CivilDate
    public let note: String?

    public init(date: CivilDate, note: String? = nil) {
        self.date = date
        self.note = note
    }
}

/// Which completion a record is for: a task, and for a recurring task the nominal deadline of the
/// occurrence.
public struct CompletionKey: Hashable, Sendable {
    public let task: TaskID
    public let occurrence: CivilDate?

    public init(task: TaskID, occurrence: CivilDate? = nil) {
        self.task = task
        self.occurrence = occurrence
    }
}
