/// When reminders go out (docs/config.md, `[reminders]`), as the config's `[reminders]` sets it.
public struct ReminderPolicy: Hashable, Sendable {
    /// How stage distances and lateness are counted.
    public enum DayCount: String, Hashable, Sendable, CaseIterable {
        case workingDays = "working_days"
        case calendarDays = "calendar_days"
    }

    /// Where a deadline on a day off goes (Civil Code 2015 art. 148 says the next working day).
    public enum DayOffRule: String, Hashable, Sendable, CaseIterable {
        case next, previous, keep
    }

    public var sendHour = 7
    public var sendMinute = 30
    /// Days before the deadline a reminder goes out.
    public var before = [7, 3, 1]
    /// The same for focus tasks.
    public var focusBefore = [14, 7, 3, 1]
    public var onDeadline = true
    /// Overdue reminders every this many days after the deadline.
    public var overdueEvery = 2
    /// Days late from which the lead official is copied.
    public var escalateAfter = 3
    /// Days late from which the top official is copied too.
    public var escalateTopAfter = 10
    public var count = DayCount.workingDays
    public var deadlineOnDayOff = DayOffRule.next
    /// Where a deadline written "Trước …" goes when its day is off: the work is to be done before it.
    public var beforeOnDayOff = DayOffRule.previous
    /// After downtime, reminders whose time passed less than this long ago still go out (seconds).
    public var catchUpWithin = 2 * 86_400
    public var carryOver = CarryOver()

    public init() {}
}

/// Per-task changes to the reminder stages.
public struct ReminderOverride: Hashable, Sendable {
    public var before: [Int]?
    public var onDeadline: Bool?
    public var overdueEvery: Int?

    public init(before: [Int]? = nil, onDeadline: Bool? = nil, overdueEvery: Int? = nil) {
        self.before = before
        self.onDeadline = onDeadline
        self.overdueEvery = overdueEvery
    }
}

/// What happens to unfinished tasks at the end of their plan year (chuyển tiếp).
public struct CarryOver: Hashable, Sendable {
    public enum Scope: String, Hashable, Sendable, CaseIterable {
        /// Only focus tasks carry over, as the seed plan does for 2023.
        case focus
        case all
        case none
    }

    public var scope = Scope.focus
    /// The period of the next year by whose end a carried task is due: its first quarter by default.
    public var dueQuarter = 1

    public init() {}
}
