import Foundation
import Outbox
import WorkingCalendar

/// What the dispatcher did, as it happens: the service writes each to the journal, tests read them.
public enum DispatchEvent: Sendable {
    /// Notifications written to the outbox, to be sent, for a send day.
    case queued(count: Int, day: CivilDate)
    /// Notifications of send days that passed while the service was down, beyond the catch-up window:
    /// recorded as missed, never sent late. Only the days that had something to send.
    case missed(count: Int, days: [CivilDate])
    /// Several send days caught up in one digest per recipient.
    case caughtUp(days: Int)
    case delivered(OutboxItem, answer: String)
    /// A temporary failure; the item is tried again later.
    case willRetry(OutboxItem, reason: String)
    /// Kept queued, uncounted, until `until`: the channel's quota is used up for the day.
    case postponed(OutboxItem, until: Date, reason: String)
    /// A permanent failure, or the last retry: the clerk is told.
    case failed(OutboxItem, reason: String)
    /// The clock is earlier than the last evaluation: what was recorded for the time in between and not
    /// delivered is given back to the plan.
    case clockWentBack(from: Date, to: Date, givenBack: Int)
}
