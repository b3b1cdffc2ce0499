import Model
import WorkingCalendar

/// Everything due for one recipient at one send time on one channel: one message.
public struct Digest: Sendable {
    /// Stable, readable and the same on every run: `2024-03-25/lam/email`.
    public let id: DigestID
    public let sendDay: CivilDate
    public let recipient: OfficialID
    public let channel: Channel
    /// Overdue first (the latest first), then due today, then due soon (the nearest first); alike ones in
    /// the plans' order.
    public let reminders: [Reminder]
    /// The recipient's other open overdue tasks, with no reminder of their own in this digest, so that the
    /// latest message always tells the whole situation; filled by ``Planner/withOtherOverdue(_:)``.
    public internal(set) var otherOverdue: [StillOverdue] = []

    init(sendDay: CivilDate, recipient: OfficialID, channel: Channel, reminders: [Reminder]) {
        id = .reminders(sendDay: sendDay, recipient: recipient, channel: channel)
        self.sendDay = sendDay
        self.recipient = recipient
        self.channel = channel
        guard reminders.count > 1 else {
            self.reminders = reminders
            return
        }
        // Sorted by integer keys, by index: comparing the reminders themselves copies them in and out.
        let keys = reminders.map { reminder in
            let stage = reminder.stage
            return (stage.stage.urgency, stage.stage == .overdue ? stage.days : -stage.days, -reminder.planOrder)
        }
        self.reminders = reminders.indices.sorted { keys[$0] > keys[$1] }.map { reminders[$0] }
    }

    public var overdue: [Reminder] { reminders.filter { $0.stage.stage == .overdue } }
    public var dueToday: [Reminder] { reminders.filter { $0.stage.stage == .due } }
    public var dueSoon: [Reminder] { reminders.filter { $0.stage.stage == .before } }
}
