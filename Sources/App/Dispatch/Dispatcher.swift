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
///
/// An actor on a thread of its own (a mail batch through libcurl may block for minutes on a silent
/// server, and holds up no page meanwhile); its webhooks go on beside it in a ``WebhookLane``.
public actor Dispatcher {
    private let thread = DedicatedThread()
    public private(set) var office: Office
    private var renderer: OutboxRenderer
    /// The mail transport and the transports' warnings.
    private var delivery: Delivery
    private var webhooks: WebhookLane
    public nonisolated let outbox: Outbox
    private let completions: CompletionLog
    private let backoff: Backoff
    private let watch: DispatchWatch
    /// The audit log's version the office's planner was built with; -1 to rebuild at the next round.
    private var completionVersion: Int64 = -1

    public nonisolated var unownedExecutor: UnownedSerialExecutor { thread.executor }

    init(office: Office, state: StateDatabase, backoff: Backoff, watch: DispatchWatch) throws(SecretError) {
        self.office = office
        renderer = OutboxRenderer(office: office)
        delivery = try office.delivery()
        webhooks = WebhookLane(delivery: try office.delivery())
        outbox = Outbox(database: state)
        completions = CompletionLog(database: state)
        self.backoff = backoff
        self.watch = watch
        delivery.transfers.watch(abort: watch.shouldStop, alive: watch.onAlive)
    }

    /// The same state with a new office (a reload, or completions the workspace read), loaded whole and
    /// checked by the caller; its transports made anew, their secrets read again.
    public func replace(office: Office) throws(SecretError) {
        delivery = try office.delivery()
        delivery.transfers.watch(abort: watch.shouldStop, alive: watch.onAlive)
        webhooks = WebhookLane(delivery: try office.delivery())
        renderer = OutboxRenderer(office: office, reportLinks: renderer.reportLinks)
        self.office = office
        completionVersion = -1
    }

    /// The "Báo cáo hoàn thành" links, once the web workspace listens (set by `serve`); nil while it does not.
    public func sign(reportLinks: ReportLink.Signer?) { renderer.reportLinks = reportLinks }

    /// What the transports warn of: world-readable secrets, certificate checks switched off.
    public var warnings: [String] { delivery.warnings }

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
            watch.onEvent(.clockWentBack(from: through, to: now, givenBack: givenBack))
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
            watch.onEvent(.missed(count: recordedMissed, days: missedDays))
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
            if days.recent.count > 1 { watch.onEvent(.caughtUp(days: days.recent.count)) }
        }
        let queued = try outbox.enqueue(items, evaluatedThrough: now.timeIntervalSince1970)
        if queued > 0 { watch.onEvent(.queued(count: queued, day: days.recent.last ?? today)) }
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
        renderer = OutboxRenderer(office: office, reportLinks: renderer.reportLinks)
    }

    // MARK: Delivery

    /// Sends every due item: mail in one batch over one connection on this actor's thread and, beside it on
    /// the ``WebhookLane``'s thread, webhooks one by one, so that a slow or silent mail server holds no webhook up
    /// (nor the other way). Each result is recorded as it comes; the state database takes writes from both.
    @discardableResult
    public func deliver(now: Date) async throws -> DeliveryCounts {
        let due = try outbox.due(at: now.timeIntervalSince1970)
        guard !due.isEmpty else { return DeliveryCounts() }
        try outbox.setDelivering(since: Date().timeIntervalSince1970)
        defer { try? outbox.setDelivering(since: nil) }
        let recorder = DeliveryRecorder(outbox: outbox, renderer: renderer, backoff: backoff, watch: watch)
        webhooks.watch(watch)
        // Started on the lane's thread at once: the mail batch below runs beside it on this actor's.
        let hooked = webhooks.post(
            due.filter { $0.channel != .email }, recorder: recorder, resumes: nextSend(after: now), now: now)
        var counts = DeliveryCounts()
        let mails = due.filter { $0.channel == .email }
        let envelopes = mails.map {
            MailEnvelope(from: office.composer.sender.address, to: $0.destination, message: Array($0.payload))
        }
        var mailError: Error?
        let shouldStop = watch.shouldStop
        do {
            try delivery.mail.send(envelopes) { index, result in
                // Cut by a stop: the message was not refused, and stays queued as it was.
                if case .failure = result, shouldStop() { throw Interrupted() }
                try recorder.record(mails[index], result, now: now, counts: &counts)
                if shouldStop() { throw Interrupted() }
            }
        } catch is Interrupted {
        } catch {
            mailError = error
        }
        let hooks = try await hooked.get()
        if let mailError { throw mailError }
        return counts + hooks
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
