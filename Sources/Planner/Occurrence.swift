import Model
import WorkingCalendar

/// One deadline of a task: the task itself for a one-off task, each period of a recurring one, and
/// the carried-over deadline of a task unfinished at the end of its plan year. A class, shared by the
/// reminders that refer to it.
public final class Occurrence: Sendable {
    public let task: PlanTask
    /// Nil for the task's own deadline; the nominal deadline for an occurrence of a recurrence or a
    /// carry-over, which is how `done --occurrence` names it.
    public let key: CivilDate?
    /// The deadline as the plan states it; nil for an ongoing task (thường xuyên).
    public let nominalDeadline: CivilDate?
    /// The deadline after the day-off rule: what status and reminders are judged against.
    public let deadline: CivilDate?
    /// The plan year this occurrence was carried over from, when it was.
    public let carriedOverFrom: Int?
    public let completion: Completion?
    /// The first day the occurrence exists: a carry-over begins on 1 January of the next year.
    public let activeFrom: CivilDate?
    /// Reminders stop on this day (exclusive): a deadline superseded by its carry-over stops at the year's end.
    public let remindUntil: CivilDate?
    /// The period a Decree 09 report covers.
    public let dataPeriod: ClosedRange<CivilDate>?

    init(
        task: PlanTask, key: CivilDate?, nominalDeadline: CivilDate?, deadline: CivilDate?, carriedOverFrom: Int?,
        completion: Completion?, activeFrom: CivilDate?, remindUntil: CivilDate?, dataPeriod: ClosedRange<CivilDate>?
    ) {
        self.task = task
        self.key = key
        self.nominalDeadline = nominalDeadline
        self.deadline = deadline
        self.carriedOverFrom = carriedOverFrom
        self.completion = completion
        self.activeFrom = activeFrom
        self.remindUntil = remindUntil
        self.dataPeriod = dataPeriod
    }

    /// Whether the occurrence exists on `day`: a carry-over does not before its year.
    public func exists(on day: CivilDate) -> Bool { activeFrom.map { day >= $0 } ?? true }

    /// What its completion is recorded under: a recurring task's occurrence by its nominal deadline, a
    /// one-off task (its carry-over included) as a whole, as the plans and the audit log key them.
    public var completionKey: CompletionKey {
        if case .recurring = task.deadline { return CompletionKey(task: task.id, occurrence: key) }
        return CompletionKey(task: task.id)
    }

    /// The status at the end of `day`, against the effective deadline; a completion after `day` has
    /// not happened yet.
    public func status(at day: CivilDate) -> TaskStatus {
        guard let deadline else { return task.deadline == .noFixedDeadline ? .noFixedDeadline : .ongoing }
        if let completion, completion.date <= day {
            return completion.date <= deadline ? .doneOnTime : .doneLate
        }
        return day > deadline ? .overdue : .inProgress
    }
}

/// The government's task-tracking classes.
public enum TaskStatus: String, Sendable, CaseIterable {
    case doneOnTime = "done_on_time"
    case doneLate = "done_late"
    /// Not done, deadline not passed.
    case inProgress = "in_progress"
    case overdue
    /// Thường xuyên: no deadline.
    case ongoing
    /// Chưa có thời hạn cụ thể: a condition, no day to be judged against.
    case noFixedDeadline = "no_fixed_deadline"
}
