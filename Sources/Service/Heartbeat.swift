import Foundation
import Synchronization

/// When the service last showed life: a round of the reminders, or a tick of a transfer in progress.
final class Heartbeat: Sendable {
    private let last = Mutex(Date())

    func beat() { last.withLock { $0 = Date() } }

    var age: TimeInterval { Date().timeIntervalSince(last.withLock { $0 }) }
}

/// A stop asked for, read by a transfer in progress (from libcurl's thread) to cut it within a second.
final class StopRequest: Sendable {
    private let raised = Atomic(false)

    func raise() { raised.store(true, ordering: .relaxed) }

    var isRaised: Bool { raised.load(ordering: .relaxed) }
}
