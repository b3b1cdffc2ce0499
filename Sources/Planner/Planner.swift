import Foundation
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
        for index in occurrences.indices {
            for stage in stages.stages(of: occurrences[index], in: window) {
                forEachReminder(of: index, at: stage) { reminders.append($0) }
            }
        }
        return reminders
    }

    /// The reminders of one stage of one occurrence: one per recipient and channel.
    private func forEachReminder(of index: Int, at stage: StageDay, _ body: (Reminder) -> Void) {
        let occurrence = occurrences[index]
        recipients.forEachRecipient(of: occurrence.task, escalation: stage.escalation) { recipient, role in
            for channel in schedule.directory.channels[recipient] ?? [] {
                body(
                    Reminder(
                        occurrence: occurrence, stage: stage, recipient: recipient, role: role, channel: channel,
                        planOrder: index))
            }
        }
    }

    /// The digests without the reminders of the occurrences in `paused` (an official reported them done,
    /// and the clerk has not decided yet); a digest left with nothing to say is dropped.
    public func without(_ paused: Set<CompletionKey>, in digests: [Digest]) -> [Digest] {
        guard !paused.isEmpty else { return digests }
        func isPaused(_ occurrence: Occurrence) -> Bool { paused.contains(occurrence.completionKey) }
        return digests.compactMap { digest in
            let kept = digest.reminders.filter { !isPaused($0.occurrence) }
            guard !kept.isEmpty else { return nil }
            var left = Digest(
                sendDay: digest.sendDay, recipient: digest.recipient, channel: digest.channel, reminders: kept)
            left.otherOverdue = digest.otherOverdue.filter { !isPaused($0.occurrence) }
            return left
        }
    }

    /// The reminders of one task's occurrences whose send day is in `window`, in send order: what a task's
    /// page lists as sent (with the digest each went out in).
    public func reminders(ofTask id: TaskID, in window: ClosedRange<CivilDate>) -> [Reminder] {
        var found: [Reminder] = []
        for index in occurrences.indices where occurrences[index].task.id == id {
            for stage in stages.stages(of: occurrences[index], in: window) {
                forEachReminder(of: index, at: stage) { found.append($0) }
            }
        }
        return found.sorted { ($0.stage.sendDay, $0.recipient) < ($1.stage.sendDay, $1.recipient) }
    }

    /// The reminders of `window` grouped into one digest per recipient, send day and channel, in send
    /// order. Nothing is produced for a recipient with nothing to say.
    public func digests(in window: ClosedRange<CivilDate>) -> [Digest] {
        var digests: [Digest] = []
        forEachDigest(in: window) { digests.append($0) }
        return digests
    }

    /// The digests of ``digests(in:)`` handed over one send day at a time: a year of a large plan is a
    /// million reminders, and only one day's are held at once.
    public func forEachDigest(in window: ClosedRange<CivilDate>, _ body: (Digest) throws -> Void) rethrows {
        for day in sendDays(in: window) {
            for digest in digests(of: day) { try body(digest) }
        }
    }

    /// The stages of one send day, not yet grouped into digests: what ``digests(of:)`` takes. A caller
    /// that wants the days' digests on several cores hands one day to each.
    public struct SendDay: Sendable {
        fileprivate let stages: [(occurrence: Int, stage: StageDay)]
    }

    /// The send days of `window` that have something to send, in order.
    public func sendDays(in window: ClosedRange<CivilDate>) -> [SendDay] {
        stagesBySendDay(in: window).filter { !$0.isEmpty }.map(SendDay.init)
    }

    /// One send day's digests, as ``digests(in:)`` gives them for that day.
    public func digests(of day: SendDay) -> [Digest] { digests(ofOneDay: day.stages) }

    /// Every stage whose send day is in `window`, as (occurrence index, stage), grouped by send day; within
    /// a day in the plans' order. Large plans are cut into pieces worked out side by side.
    private func stagesBySendDay(in window: ClosedRange<CivilDate>) -> [[(occurrence: Int, stage: StageDay)]] {
        let first = window.lowerBound
        let dayCount = first.days(to: window.upperBound) + 1
        let pieces = occurrences.count < 5_000 ? 1 : concurrentPieces
        let size = (occurrences.count + pieces - 1) / pieces
        var byPiece = concurrentMap(pieces) { piece in
            var byDay = [[(occurrence: Int, stage: StageDay)]](repeating: [], count: dayCount)
            for index in (piece * size)..<min(occurrences.count, (piece + 1) * size) {
                for stage in stages.stages(of: occurrences[index], in: window) {
                    byDay[first.days(to: stage.sendDay)].append((index, stage))
                }
            }
            return byDay
        }
        // Each piece is let go once merged, so that the stages are not held twice.
        var byDay = byPiece[0]
        byPiece[0] = []
        for piece in byPiece.indices.dropFirst() {
            for day in byPiece[piece].indices where !byPiece[piece][day].isEmpty { byDay[day] += byPiece[piece][day] }
            byPiece[piece] = []
        }
        return byDay
    }

    /// The digests of the stages sent on one day, by recipient and channel.
    private func digests(ofOneDay dayStages: [(occurrence: Int, stage: StageDay)]) -> [Digest] {
        struct Key: Hashable {
            let recipient: OfficialID
            let channel: Channel
        }
        var grouped: [Key: [Reminder]] = [:]
        grouped.reserveCapacity(min(dayStages.count, schedule.directory.officials.count))
        for (index, stage) in dayStages {
            forEachReminder(of: index, at: stage) { reminder in
                grouped[Key(recipient: reminder.recipient, channel: reminder.channel), default: []].append(reminder)
            }
        }
        let day = dayStages[0].stage.sendDay
        // The keys sorted, not the digests: sorting digests copies them in and out.
        return grouped.keys.sorted { ($0.recipient, $0.channel) < ($1.recipient, $1.channel) }.map { key in
            Digest(sendDay: day, recipient: key.recipient, channel: key.channel, reminders: grouped[key]!)
        }
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
        for (key, reminder) in newest where reminder.stage.sendDay != latest {
            newest[key] = Reminder(
                occurrence: reminder.occurrence,
                stage: stages.standing(of: reminder.occurrence, on: latest, escalation: reminder.stage.escalation),
                recipient: reminder.recipient, role: reminder.role, channel: reminder.channel,
                planOrder: reminder.planOrder)
        }
        let grouped = Dictionary(grouping: newest.values) { "\($0.recipient)|\($0.channel)" }
        return grouped.values.map {
            Digest(sendDay: latest, recipient: $0[0].recipient, channel: $0[0].channel, reminders: $0)
        }
        .sorted { ($0.recipient, $0.channel) < ($1.recipient, $1.channel) }
    }

    /// The digests of one send day, each with the recipient's other open overdue tasks: those overdue on
    /// that day, not completed, that would reach the recipient at their present lateness, and that have no
    /// reminder in the digest. Worked out for the messages that go out, not for `plan`.
    public func withOtherOverdue(_ digests: [Digest]) -> [Digest] {
        guard let day = digests.first?.sendDay else { return digests }
        var byRecipient: [OfficialID: [StillOverdue]] = [:]
        for occurrence in occurrences where occurrence.exists(on: day) && occurrence.status(at: day) == .overdue {
            if let until = occurrence.remindUntil, day >= until { continue }
            let late = stages.lateness(of: day, after: occurrence.deadline!)
            let still = StillOverdue(occurrence: occurrence, daysLate: late)
            recipients.forEachRecipient(of: occurrence.task, escalation: stages.escalation(.overdue, late)) { id, _ in
                byRecipient[id, default: []].append(still)
            }
        }
        return digests.map { digest in
            guard let open = byRecipient[digest.recipient] else { return digest }
            let listed = Set(digest.reminders.map { ObjectIdentifier($0.occurrence) })
            var complete = digest
            complete.otherOverdue = open.filter { !listed.contains(ObjectIdentifier($0.occurrence)) }
            return complete
        }
    }
}
