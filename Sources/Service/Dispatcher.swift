import App
import Foundation
import Messages
import Model
import Outbox
import Planner
import Transports
import WorkingCalendar

/// One round of the service's work, at a given instant: turn the reminders whose send time has come
/// into outbox items (catching up after downtime), then deliver what is due. `serve` calls it; so do
/// the tests, with any clock.
public final class Dispatcher {
    public private(set) var runtime: Runtime
    private var delivery: Delivery
    public let outbox: Outbox
    private let completions: CompletionLog
    private let journal: Journal
    private let backoff: Backoff
    private var completionVersion: Int64 = -1
    /// Asked between messages: a stop request ends a long batch early (what is left stays queued).
    public var shouldStop: () -> Bool = { false }
    private var random = SystemRandomNumberGenerator()

    public init(
        runtime: Runtime, delivery: Delivery, database: StateDatabase, journal: Journal, backoff: Backoff = Backoff()
    ) {
        self.runtime = runtime
        self.delivery = delivery
        self.outbox = Outbox(database: database)
        self.completions = CompletionLog(database: database)
        self.journal = journal
        self.backoff = backoff
    }

    /// A new config, loaded whole and checked by the caller.
    public func replace(runtime: Runtime, delivery: Delivery) {
        self.runtime = runtime
        self.delivery = delivery
        completionVersion = -1
    }

    // MARK: Evaluation

    /// Queues every digest whose send time is in (last evaluation, now]. Send times older than the
    /// catch-up window are recorded as missed; the others are folded into one digest per recipient
    /// and channel that states the situation at the latest of them.
    @discardableResult
    public func evaluate(now: Date) throws -> Int {
        try refreshCompletions()
        let sendTime = runtime.sendTime
        let today = sendTime.day(of: now)
        // The first run starts with today: nothing from before the service existed is sent.
        let through =
            try outbox.evaluatedThrough().map(Date.init(timeIntervalSince1970:))
            ?? sendTime.instant(on: today.adding(days: -1))
        guard through < now else { return 0 }
        var day = sendTime.day(of: through)
        var recent: [CivilDate] = []
        var missed: [CivilDate] = []
        while day <= today {
            let instant = sendTime.instant(on: day)
            if instant > through && instant <= now {
                if now.timeIntervalSince(instant) > TimeInterval(runtime.configuration.policy.catchUpWithin) {
                    missed.append(day)
                } else {
                    recent.append(day)
                }
            }
            day = day.adding(days: 1)
        }
        var items: [OutboxItem] = []
        for day in missed {
            items += runtime.planner.digests(in: day...day).compactMap { render($0, state: .missed, now: now) }
        }
        if !missed.isEmpty {
            journal.warning(
                "\(missed.count) send day(s) passed while the service was down, beyond the catch-up window: recorded as missed (\(missed.first!.iso)…\(missed.last!.iso))"
            )
        }
        if let latest = recent.last {
            let digests =
                recent.count == 1
                ? runtime.planner.digests(in: latest...latest) : runtime.planner.digests(foldedOver: recent)
            items += digests.compactMap { render($0, state: .pending, now: now) }
            for day in recent { items += summaries(on: day, now: now) }
            if recent.count > 1 { journal.info("catching up \(recent.count) send days in one digest per recipient") }
        }
        let queued = try outbox.enqueue(items, evaluatedThrough: now.timeIntervalSince1970)
        if queued > 0 {
            journal.info("queued \(queued) notification(s) for \(recent.last?.iso ?? missed.last?.iso ?? today.iso)")
        }
        return queued
    }

    private func render(_ digest: Digest, state: OutboxItem.State, now: Date) -> OutboxItem? {
        let sendAt = runtime.sendTime.instant(on: digest.sendDay)
        let key = MailComposer.idempotencyKey(digest)
        switch digest.channel {
        case .email:
            guard let mail = runtime.composer.compose(digest, date: sendAt) else { return nil }
            return OutboxItem(
                key: key, digest: digest.id, recipient: digest.recipient, channel: digest.channel.description,
                destination: mail.envelope.to, sendAt: sendAt.timeIntervalSince1970, messageID: mail.messageID,
                payload: Data(mail.bytes), state: state, createdAt: now.timeIntervalSince1970)
        case .webhook(let name):
            let person = runtime.schedule.directory.official(digest.recipient)
            guard let format = delivery.format(of: name, recipient: person) else { return nil }
            let body = WebhookPayload.body(digest, format: format, composer: runtime.composer)
            return OutboxItem(
                key: key, digest: digest.id, recipient: digest.recipient, channel: digest.channel.description,
                destination: name, sendAt: sendAt.timeIntervalSince1970, messageID: nil, payload: Data(body),
                state: state,
                createdAt: now.timeIntervalSince1970)
        }
    }

    /// Rebuilds the planner when `done` or `reopen` has written to the audit log.
    private func refreshCompletions() throws {
        let version = try completions.version()
        guard version != completionVersion else { return }
        completionVersion = version
        runtime = runtime.with(recorded: try completions.recorded())
    }

    // MARK: Delivery

    /// Sends every due item: mail in one batch over one connection, webhooks one by one.
    @discardableResult
    public func deliver(now: Date) throws -> (delivered: Int, retrying: Int, failed: Int) {
        let due = try outbox.due(at: now.timeIntervalSince1970)
        guard !due.isEmpty else { return (0, 0, 0) }
        var counts = (delivered: 0, retrying: 0, failed: 0)
        // Each result is committed before the next message goes.
        let mails = due.filter { $0.channel == "email" }
        let envelopes = mails.map {
            MailEnvelope(from: runtime.composer.sender.address, to: $0.destination, message: Array($0.payload))
        }
        do {
            try delivery.mail.send(envelopes) { index, result in
                try record(mails[index], result, now: now, counts: &counts)
                if shouldStop() { throw Interrupted() }
            }
        } catch is Interrupted {
            return counts
        }
        for item in due where item.channel != "email" {
            if shouldStop() { break }
            let result = delivery.postWebhook(item.destination, body: Array(item.payload), id: item.key, now: now)
            try record(item, result, now: now, counts: &counts)
        }
        return counts
    }

    private func record(
        _ item: OutboxItem, _ result: Result<DeliveryReceipt, DeliveryError>, now: Date,
        counts: inout (delivered: Int, retrying: Int, failed: Int)
    ) throws {
        switch result {
        case .success(let receipt):
            try outbox.recordDelivered(item.id!, answer: receipt.answer, at: now.timeIntervalSince1970)
            journal.info("delivered \(item.digest) to \(item.destination): \(receipt.answer)")
            counts.delivered += 1
        case .failure(let error):
            let retryAt =
                error.isRetryable
                ? backoff.retryAt(
                    now: now, sendAt: Date(timeIntervalSince1970: item.sendAt), attempts: item.attempts + 1,
                    retryAfter: error.retryAfter, jitter: Double.random(in: 0..<1, using: &random))
                : nil
            try outbox.recordFailure(
                item.id!, answer: error.message, at: now.timeIntervalSince1970, retryAt: retryAt?.timeIntervalSince1970)
            if retryAt != nil {
                journal.warning("will retry \(item.digest) to \(item.destination): \(error.message)")
                counts.retrying += 1
            } else {
                journal.error("failed \(item.digest) to \(item.destination): \(error.message)")
                counts.failed += 1
                try tellClerk(about: item, error: error.message, now: now)
            }
        }
    }

    /// Queues a notice to the clerk about a notification that failed for good (never about a notice).
    private func tellClerk(about item: OutboxItem, error: String, now: Date) throws {
        guard !item.key.hasPrefix("failure:"), let clerk = runtime.configuration.clerk,
            let person = runtime.schedule.directory.official(clerk), let address = person.email
        else { return }
        let bytes = runtime.composer.failureNotice(
            to: address, name: person.name, digest: item.digest, destination: item.destination, reason: error, date: now
        )
        let notice = OutboxItem(
            key: "failure:\(item.key)", digest: "failure/\(item.digest)", recipient: clerk, channel: "email",
            destination: address,
            sendAt: now.timeIntervalSince1970, messageID: nil, payload: Data(bytes),
            createdAt: now.timeIntervalSince1970)
        try outbox.enqueue([notice], evaluatedThrough: try outbox.evaluatedThrough() ?? now.timeIntervalSince1970)
    }

    // MARK: Timing

    /// The next instant something is due: the next send time, or the next retry.
    public func nextDue(after now: Date) throws -> Date {
        let send = nextSend(after: now)
        let retry = try outbox.nextAttempt().map(Date.init(timeIntervalSince1970:))
        return min(send, retry ?? send)
    }

    /// The next send time, for `status` and systemd's STATUS line.
    public func nextSend(after now: Date) -> Date {
        let sendTime = runtime.sendTime
        var day = sendTime.day(of: now)
        if sendTime.instant(on: day) <= now { day = day.adding(days: 1) }
        return sendTime.instant(on: day)
    }
}

/// A batch cut short by a stop request.
private struct Interrupted: Error {}
