import Model
import WorkingCalendar

/// From the schedule to what must happen: every occurrence with its status, and every reminder that
/// goes out in a window, as digests. Pure: the schedule, the calendar and the completions are given,
/// the clock is not read, so every rule can be checked at any date.
public struct Planner: Sendable {
    public let schedule: Schedule
    public let calendar: WorkingCalendar
    /// Every occurrence of every task, in the plans' order.
    public let occurrences: [Occurrence]
    private let stages: StageRules
    private let recipients: RecipientRules

    /// - Parameter recorded: completions recorded beyond the plans (by `done`, or nil by `reopen`); they win
    ///   over the plans'.
    public init(schedule: Schedule, calendar: WorkingCalendar, recorded: [CompletionKey: Completion?] = [:]) {
        self.schedule = schedule
        self.calendar = calendar
        var merged = schedule.completions
        for (key, completion) in recorded { merged[key] = completion }
        let expander = OccurrenceExpander(calendar: calendar, policy: schedule.policy)
        occurrences = schedule.tasks.flatMap { expander.occurrences(of: $0, completions: merged) }
        stages = StageRules(calendar: calendar, policy: schedule.policy)
        recipients = RecipientRules(directory: schedule.directory)
    }

    /// Every reminder whose send day is in `window`, one per recipient and channel.
    public func reminders(in window: ClosedRange<CivilDate>) -> [Reminder] {
        var reminders: [Reminder] = []
        for occurrence in occurrences {
            for stage in stages.stages(of: occurrence, in: window) {
                for (recipient, role) in recipients.recipients(of: occurrence.task, escalation: stage.escalation) {
                    for channel in schedule.directory.channels[recipient] ?? [] {
                        reminders.append(
                            Reminder(
                                occurrence: occurrence, stage: stage, recipient: recipient, role: role, channel: channel
                            ))
                    }
                }
            }
        }
        return reminders
    }

    /// The reminders of `window` grouped into one digest per recipient, send day and channel, in send
    /// order. Nothing is produced for a recipient with nothing to say.
    public func digests(in window: ClosedRange<CivilDate>) -> [Digest] {
        struct Key: Hashable {
            let day: CivilDate
            let recipient: OfficialID
            let channel: Channel
        }
        let grouped = Dictionary(grouping: reminders(in: window)) {
            Key(day: $0.stage.sendDay, recipient: $0.recipient, channel: $0.channel)
        }
        return grouped.map {
            Digest(sendDay: $0.key.day, recipient: $0.key.recipient, channel: $0.key.channel, reminders: $0.value)
        }
        .sorted { ($0.sendDay, $0.recipient, $0.channel) < ($1.sendDay, $1.recipient, $1.channel) }
    }

    /// After downtime: the reminders of several send days as one digest per recipient and channel,
    /// each occurrence at its latest stage, dated the last day, so the message states the situation now.
    public func digests(foldedOver days: [CivilDate]) -> [Digest] {
        guard let latest = days.max() else { return [] }
        struct Key: Hashable {
            let recipient: OfficialID
            let channel: Channel
            let task: TaskID
            let occurrence: CivilDate?
        }
        var newest: [Key: Reminder] = [:]
        for day in days.sorted() {
            for reminder in reminders(in: day...day) {
                let key = Key(
                    recipient: reminder.recipient, channel: reminder.channel, task: reminder.occurrence.task.id,
                    occurrence: reminder.occurrence.key)
                newest[key] = reminder
            }
        }
        let grouped = Dictionary(grouping: newest.values) { "\($0.recipient)|\($0.channel)" }
        return grouped.values.map {
            Digest(sendDay: latest, recipient: $0[0].recipient, channel: $0[0].channel, reminders: $0)
        }
        .sorted { ($0.recipient, $0.channel) < ($1.recipient, $1.channel) }
    }
}
