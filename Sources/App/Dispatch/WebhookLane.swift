import Foundation
import NIOCore
import Outbox
import Transports

/// The webhooks of a round, one by one on a thread of their own beside the mail batch, so that a slow or
/// silent mail server holds no webhook up (nor the other way). Its transports are its own (the dispatcher
/// gives it a ``Delivery`` of its own), bound to its thread.
final class WebhookLane: Sendable {
    private let thread = DedicatedThread()
    private let delivery: NIOLoopBoundBox<Delivery>
    private let transfers: TransferControl

    init(delivery: sending Delivery) {
        transfers = delivery.transfers
        self.delivery = NIOLoopBoundBox.makeBoxSendingValue(delivery, as: Delivery.self, eventLoop: thread.loop)
    }

    func watch(_ watch: DispatchWatch) { transfers.watch(abort: watch.shouldStop, alive: watch.onAlive) }

    /// Starts posting each item on the lane's thread, recording each result as it comes; a webhook whose
    /// quota runs out keeps the rest of its items until `resumes`, and the clerk is told once.
    func post(_ items: [OutboxItem], recorder: DeliveryRecorder, resumes: Date, now: Date) -> EventLoopFuture<
        DeliveryCounts
    > {
        thread.loop.submit { [delivery] in
            try Self.post(items, through: delivery.value, recorder: recorder, resumes: resumes, now: now)
        }
    }

    private static func post(
        _ items: [OutboxItem], through delivery: Delivery, recorder: DeliveryRecorder, resumes: Date, now: Date
    ) throws -> DeliveryCounts {
        var counts = DeliveryCounts()
        // The webhooks whose quota ran out in this round, and how many of their messages wait.
        var usedUp: [String: (reason: String, waiting: Int)] = [:]
        for item in items {
            guard case .webhook(let name) = item.channel, !recorder.watch.shouldStop() else { break }
            if let quota = usedUp[name] {
                try recorder.postpone(item, until: resumes, reason: quota.reason, tried: false, now: now)
                usedUp[name]?.waiting += 1
                counts.retrying += 1
                continue
            }
            let result = delivery.postWebhook(name, body: Array(item.payload), id: item.key, now: now)
            if case .failure(let error) = result, error.isQuotaUsedUp {
                try recorder.postpone(item, until: resumes, reason: error.message, tried: true, now: now)
                usedUp[name] = (error.message, 1)
                counts.retrying += 1
                continue
            }
            try recorder.record(item, result, now: now, counts: &counts)
        }
        for (name, quota) in usedUp.sorted(by: { $0.key < $1.key }) {
            if let notice = recorder.renderer.zaloQuotaNotice(
                webhook: name, waiting: quota.waiting, resumes: resumes, now: now)
            {
                try recorder.outbox.enqueue([notice])
            }
        }
        return counts
    }
}
