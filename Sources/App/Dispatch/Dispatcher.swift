import Foundation
import Messages
import Model
import Outbox
import Planner
import Transports
import WorkingCalendar

/// The service's work at an instant, as a pipeline of stages over the outbox, in the manner of
/// Alertmanager's notify pipeline:
///
/// 1. **evaluate**: the send days due since the last round (``SendDays``: catch-up and missed days),
///    the planner's digests of those days, rendered with the `[summary]` mails (``OutboxRenderer``),
///    written to the outbox with their idempotency keys before any attempt;
/// 2. **deliver**: what is due, mail in one batch over one connection and webhooks one by one, each
///    result committed before the next message goes;
/// 3. **retry or give up** (``Backoff``), and for an item that failed for good the notice to the clerk,
///    queued through the same outbox.
///
/// `serve` calls it on its clock; the tests call it at any instant. Each step is told as a
/// ``DispatchEvent``.
public final class Dispatcher {
    public private(set) var office: Office
    private var renderer: OutboxRenderer
    /// The "Báo cáo hoàn thành" links, once the web workspace listens (set by `serve`).
    public var reportLinks: ReportLink.Signer? {
        get { renderer.reportLinks }
        set { renderer.reportLinks = newValue }
    }
    public let outbox: Outbox
    private let completions: CompletionLog
    private let backoff: Backoff
    /// The audit log's version the office's planner was built with; -1 to rebuild at the next round.
    private var completionVersion: Int64 = -1
    /// Asked between messages and, at least once a second, by a transfer in progress: a stop request
    /// ends a long batch early and cuts the transfer (what is left stays queued, untried).
    public var shouldStop: @Sendable () -> Bool = { false } {
        didSet { watchTransfers() }
    }
    /// Told at least once a second while a transfer runs, however slow the server.
    public var onAlive: @Sendable () -> Void = {} {
        didSet { watchTransfers() }
    }
    /// Told of every step, as it happens.
    public var onEvent: (DispatchEvent) -> Void = { _ in }

    init(office: Office, delivery: Delivery, state: StateDatabase, backoff: Backoff) {
        self.office = office
        renderer = OutboxRenderer(office: office, delivery: delivery)
        outbox = Outbox(database: state)
        completions = CompletionLog(database: state)
        self.backoff = backoff
    }

    /// The same state with a new office (a reload), loaded whole and checked by the caller.
    public func replace(office: Office) throws(SecretError) {
        renderer = OutboxRenderer(office: office, delivery: try office.delivery(), reportLinks: renderer.reportLinks)
        self.office = office
        completionVersion = -1
        watchTransfers()
    }

    private func watchTransfers() { renderer.delivery.transfers.watch(abort: shouldStop, alive: onAlive) }

    /// What the transports warn of: world-readable secrets, certificate checks switched off.
    public var warnings: [String] { renderer.delivery.warnings }

    // MARK: Evaluation

    /// How far the clock may step back (an NTP correction) before it counts as having run ahead.
    static let clockTolerance: TimeInterval = 300

    /// Queues every digest whose send time is in (last evaluation, now]. Send times older than the
    /// catch-up window are recorded as missed; the others are folded into one digest per recipient
    /// and channel that states the situation at the latest of them.
    @discardableResult
    public func evaluate(now: Date) throws -> Int {
        try refreshCompletions()
        let sendTime = office.sendTime
        let today = sendTime.day(of: now)
        // The first run starts with today: nothing from before the service existed is sent.
        let through =
            try outbox.evaluatedThrough().map(Date.init(timeIntervalSince1970:))
            ?? sendTime.instant(on: today.adding(days: -1))
        if through.timeIntervalSince(now) > Self.clockTolerance {
            let givenBack = try outbox.rewind(to: now.timeIntervalSince1970, at: Date().timeIntervalSince1970)
            onEvent(.clockWentBack(from: through, to: now, givenBack: givenBack))
            if let notice = renderer.clockNotice(from: through, to: now, givenBack: givenBack, now: now) {
                try outbox.enqueue([notice])
            }
            return 0
        }
        guard through < now else { return 0 }
        let days = SendDays(
            after: through, upTo: now, sendTime: sendTime,
            catchUpWithin: TimeInterval(office.configuration.policy.catchUpWithin))
        let planner = office.planner
        var missed: [OutboxItem] = []
        for day in days.missed {
            missed += planner.digests(in: day...day).compactMap { renderer.item($0, state: .missed, now: now) }
        }
        // Recorded first, in a transaction of their own: a crash before the mark moves records them again
        // as the same keys, so nothing is counted twice.
        let recordedMissed = try outbox.enqueue(missed)
        if recordedMissed > 0 {
            let missedDays = Set(missed.map { sendTime.day(of: Date(timeIntervalSince1970: $0.sendAt)) }).sorted()
            onEvent(.missed(count: recordedMissed, days: missedDays))
        }
        var items: [OutboxItem] = []
        if let latest = days.recent.last {
            let digests = planner.without(
                try office.waitingForConfirmation(),
                in: planner.withOtherOverdue(
                    days.recent.count == 1
                        ? planner.digests(in: latest...latest) : planner.digests(foldedOver: days.recent)))
            items += digests.compactMap { renderer.item($0, state: .pending, now: now) }
            for day in days.recent { items += renderer.summaryItems(on: day, now: now) }
            if days.recent.count > 1 { onEvent(.caughtUp(days: days.recent.count)) }
        }
        let queued = try outbox.enqueue(items, evaluatedThrough: now.timeIntervalSince1970)
        if queued > 0 { onEvent(.queued(count: queued, day: days.recent.last ?? today)) }
        try outbox.enqueue(try zaloNotices(now: now))
        return queued
    }

    /// The notices of Zalo refresh tokens that expire unused soon (``ZaloTokens/Standing/expiresUnusedSoon(now:)``;
    /// a refused one says so at every send already).
    private func zaloNotices(now: Date) throws -> [OutboxItem] {
        let configured = Set(office.configuration.webhooks.filter { $0.zalo != nil }.map(\.name))
        guard !configured.isEmpty else { return [] }
        return try ZaloTokens(database: outbox.database).all().flatMap { standing in
            guard configured.contains(standing.webhook), standing.expiresUnusedSoon(now: now) else {
                return [OutboxItem]()
            }
            return renderer.zaloRefreshNotices(
                webhook: standing.webhook, until: Date(timeIntervalSince1970: standing.pair.refreshExpiresAt), now: now)
        }
    }

    /// Rebuilds the planner when `done` or `reopen` has written to the audit log.
    private func refreshCompletions() throws {
        let version = try completions.version()
        guard version != completionVersion else { return }
        completionVersion = version
        office = try office.withRecordedCompletions()
        renderer = OutboxRenderer(office: office, delivery: renderer.delivery, reportLinks: renderer.reportLinks)
    }

    // MARK: Delivery

    /// Sends every due item: mail in one batch over one connection and, beside it on a thread of its own,
    /// webhooks one by one, so that a slow or silent mail server holds no webhook up (nor the other way).
    /// Each result is recorded as it comes; the state database takes writes from both.
    @discardableResult
    public func deliver(now: Date) throws -> (delivered: Int, retrying: Int, failed: Int) {
        let due = try outbox.due(at: now.timeIntervalSince1970)
        guard !due.isEmpty else { return (0, 0, 0) }
        try outbox.setDelivering(since: Date().timeIntervalSince1970)
        defer { try? outbox.setDelivering(since: nil) }
        let delivery = renderer.delivery
        let hooks = due.filter { $0.channel != .email }
        nonisolated(unsafe) let dispatcher = self
        let webhooks = Beside {
            var counts = (delivered: 0, retrying: 0, failed: 0)
            // The webhooks whose quota ran out in this round, and how many of their messages wait.
            var usedUp: [String: (reason: String, waiting: Int)] = [:]
            let resumes = dispatcher.nextSend(after: now)
            for item in hooks {
                guard case .webhook(let name) = item.channel, !dispatcher.shouldStop() else { break }
                if let quota = usedUp[name] {
                    try dispatcher.postpone(item, until: resumes, reason: quota.reason, tried: false, now: now)
                    usedUp[name]?.waiting += 1
                    counts.retrying += 1
                    continue
                }
                let result = delivery.postWebhook(name, body: Array(item.payload), id: item.key, now: now)
                if case .failure(let error) = result, error.isQuotaUsedUp {
                    try dispatcher.postpone(item, until: resumes, reason: error.message, tried: true, now: now)
                    usedUp[name] = (error.message, 1)
                    counts.retrying += 1
                    continue
                }
                try dispatcher.record(item, result, now: now, counts: &counts)
            }
            for (name, quota) in usedUp.sorted(by: { $0.key < $1.key }) {
                if let notice = dispatcher.renderer.zaloQuotaNotice(
                    webhook: name, waiting: quota.waiting, resumes: resumes, now: now)
                {
                    try dispatcher.outbox.enqueue([notice])
                }
            }
            return counts
        }
        var counts = (delivered: 0, retrying: 0, failed: 0)
        let mails = due.filter { $0.channel == .email }
        let envelopes = mails.map {
            MailEnvelope(from: office.composer.sender.address, to: $0.destination, message: Array($0.payload))
        }
        var mailError: Error?
        do {
            try delivery.mail.send(envelopes) { index, result in
                // Cut by a stop: the message was not refused, and stays queued as it was.
                if case .failure = result, shouldStop() { throw Interrupted() }
                try record(mails[index], result, now: now, counts: &counts)
                if shouldStop() { throw Interrupted() }
            }
        } catch is Interrupted {
        } catch {
            mailError = error
        }
        let hooked = try webhooks.wait()
        if let mailError { throw mailError }
        return (counts.delivered + hooked.delivered, counts.retrying + hooked.retrying, counts.failed + hooked.failed)
    }

    /// Keeps an item queued until `until`, uncounted: its channel's quota is used up, no fault of its own.
    private func postpone(_ item: OutboxItem, until: Date, reason: String, tried: Bool, now: Date) throws {
        try outbox.postpone(
            item.id!, until: until.timeIntervalSince1970, answer: reason, at: now.timeIntervalSince1970, tried: tried)
        onEvent(.postponed(item, until: until, reason: reason))
    }

    private func record(
        _ item: OutboxItem, _ result: Result<DeliveryReceipt, DeliveryError>, now: Date,
        counts: inout (delivered: Int, retrying: Int, failed: Int)
    ) throws {
        switch result {
        case .success(let receipt):
            try outbox.recordDelivered(item.id!, answer: receipt.answer, at: now.timeIntervalSince1970)
            onEvent(.delivered(item, answer: receipt.answer))
            counts.delivered += 1
        case .failure(let error):
            let retryAt =
                error.isRetryable
                ? backoff.retryAt(
                    now: now, sendAt: Date(timeIntervalSince1970: item.sendAt), attempts: item.attempts + 1,
                    retryAfter: error.retryAfter, jitter: Double.random(in: 0..<1))
                : nil
            try outbox.recordFailure(
                item.id!, answer: error.message, at: now.timeIntervalSince1970, retryAt: retryAt?.timeIntervalSince1970)
            if retryAt != nil {
                onEvent(.willRetry(item, reason: error.message))
                counts.retrying += 1
            } else {
                onEvent(.failed(item, reason: error.message))
                counts.failed += 1
                if let notice = renderer.failureNotice(about: item, reason: error.message, now: now) {
                    try outbox.enqueue([notice])
                }
            }
        }
    }

    /// Tells the clerk of a refused version of the config or plans, once per version, through the outbox.
    /// Returns whether the notice is new.
    @discardableResult
    public func tellClerk(of rejected: RejectedSchedule, now: Date) throws -> Bool {
        guard let notice = renderer.rejectedScheduleNotice(rejected, now: now) else { return false }
        return try outbox.enqueue([notice]) > 0
    }

    // MARK: Timing

    /// The next instant something is due: the next send time, or the next retry.
    public func nextDue(after now: Date) throws -> Date {
        let send = nextSend(after: now)
        let retry = try outbox.nextAttempt().map(Date.init(timeIntervalSince1970:))
        return min(send, retry ?? send)
    }

    /// The next send time, for `status` and systemd's STATUS line: reminders and summaries go out on
    /// working days only, so never a Saturday, a Sunday or a holiday.
    public func nextSend(after now: Date) -> Date { office.nextSend(after: now) }
}

/// A batch cut short by a stop request.
private struct Interrupted: Error {}
