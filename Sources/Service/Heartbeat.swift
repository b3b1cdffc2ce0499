import Foundation
import Synchronization

/// When the service last showed life: a round of the reminders, or a tick of a transfer in progress. An
/// atomic store, not a lock: libcurl ticks it many times a second.
final class Heartbeat: Sendable {
    /// Milliseconds since 1970.
    private let last = Atomic(Int(Date().timeIntervalSince1970 * 1000))

    func beat() { last.store(Int(Date().timeIntervalSince1970 * 1000), ordering: .relaxed) }

    var age: TimeInterval { Date().timeIntervalSince1970 - Double(last.load(ordering: .relaxed)) / 1000 }
}

/// A stop asked for, read by a transfer in progress (from libcurl's thread) to cut it within a second.
final class StopRequest: Sendable {
    private let raised = Atomic(false)

    func raise() { raised.store(true, ordering: .relaxed) }

    var isRaised: Bool { raised.load(ordering: .relaxed) }
}
