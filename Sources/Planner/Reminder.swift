import Model
import WorkingCalendar

/// Where a reminder stands against its deadline.
public enum Stage: String, Sendable, Comparable {
    case before, due, overdue

    /// Overdue first, then due today, then due soon: the order a digest lists them in.
    public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.urgency > rhs.urgency }

    var urgency: Int {
        switch self {
        case .before: 0
        case .due: 1
        case .overdue: 2
        }
    }
}

/// Whether a recipient is addressed or copied.
public enum Role: String, Sendable {
    case to, cc
}

/// A reminder stage of one occurrence, on the day it goes out.
public struct StageDay: Sendable, Hashable {
    public let sendDay: CivilDate
    public let stage: Stage
    /// Days before (stage before) or after (stage overdue) the deadline, in the configured count; 0 when due.
    public let days: Int
    /// 0 none, 1 the lead copied, 2 the top official copied too.
    public let escalation: Int
}

/// One reminder to one recipient on one channel.
public struct Reminder: Sendable {
    public let occurrence: Occurrence
    public let stage: StageDay
    public let recipient: OfficialID
    public let role: Role
    public let channel: Channel
    /// The occurrence's place in the plans (the order of the plans, then of their tasks): a digest lists
    /// reminders of the same urgency in the order the plan document does.
    let planOrder: Int
}

/// An occurrence still overdue on a send day, listed briefly in a digest that has no stage for it.
public struct StillOverdue: Sendable {
    public let occurrence: Occurrence
    /// How late it is on the send day, in the configured count.
    public let daysLate: Int
}
