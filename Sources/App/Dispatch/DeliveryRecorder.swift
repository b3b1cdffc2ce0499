import Foundation
import Outbox
import Transports

/// What the service is told while it dispatches: asked whether to stop, told that it is alive, told each
/// step. Any thread may call them.
public struct DispatchWatch: Sendable {
    /// Asked between messages and, at least once a second, by a transfer in progress: a stop request ends
    /// a long batch early and cuts the transfer (what is left stays queued, untried).
    public var shouldStop: @Sendable () -> Bool
    /// Told at least once a second while a transfer runs, however slow the server.
    public var onAlive: @Sendable () -> Void
    /// Told of every step, as it happens.
    public var onEvent: @Sendable (DispatchEvent) -> Void

    public init(
        shouldStop: @escaping @Sendable () -> Bool = { false }, onAlive: @escaping @Sendable () -> Void = {},
        onEvent: @escaping @Sendable (DispatchEvent) -> Void = { _ in }
    ) {
        self.shouldStop = shouldStop
        self.onAlive = onAlive
        self.onEvent = onEvent
    }
}

/// How many items a round delivered, left to retry, and gave up on.
public struct DeliveryCounts: Sendable, Equatable {
    public var delivered = 0
    public var retrying = 0
    public var failed = 0

    public init(delivered: Int = 0, retrying: Int = 0, failed: Int = 0) {
        self.delivered = delivered
        self.retrying = retrying
        self.failed = failed
    }

    static func + (a: Self, b: Self) -> Self {
        Self(delivered: a.delivered + b.delivered, retrying: a.retrying + b.retrying, failed: a.failed + b.failed)
    }
}

/// The retry-or-give-up stage: each result committed to the outbox as it comes, by either lane (mail or
/// webhooks), with the notice to the clerk for an item that failed for good.
struct DeliveryRecorder: Sendable {
    let outbox: Outbox
    let renderer: OutboxRenderer
    let backoff: Backoff
    let watch: DispatchWatch

    /// Keeps an item queued until `until`, uncounted: its channel's quota is used up, no fault of its own.
    func postpone(_ item: OutboxItem, until: Date, reason: String, tried: Bool, now: Date) throws {
        try outbox.postpone(
            item.id!, until: until.timeIntervalSince1970, answer: reason, at: now.timeIntervalSince1970, tried: tried)
        watch.onEvent(.postponed(item, until: until, reason: reason))
    }

    func record(
        _ item: OutboxItem, _ result: Result<DeliveryReceipt, DeliveryError>, now: Date, counts: inout DeliveryCounts
    ) throws {
        switch result {
        case .success(let receipt):
            try outbox.recordDelivered(item.id!, answer: receipt.answer, at: now.timeIntervalSince1970)
            watch.onEvent(.delivered(item, answer: receipt.answer))
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
                watch.onEvent(.willRetry(item, reason: error.message))
                counts.retrying += 1
            } else {
                watch.onEvent(.failed(item, reason: error.message))
                counts.failed += 1
                if let notice = renderer.failureNotice(about: item, reason: error.message, now: now) {
                    try outbox.enqueue([notice])
                }
            }
        }
    }
}
