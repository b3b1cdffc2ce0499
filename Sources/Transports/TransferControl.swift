import Foundation
import Synchronization

/// How a transfer in progress is watched and stopped: libcurl asks at least once a second, stalled or
/// not, whether to go on (a stop request aborts it within a second, the message still queued) and
/// reports that the process is alive (the watchdog keeps its rhythm through a slow server).
public final class TransferControl: Sendable {
    private let watchers = Mutex<(abort: @Sendable () -> Bool, alive: @Sendable () -> Void)>(({ false }, {}))

    public init() {}

    /// What to ask, and what to tell, while a transfer runs.
    public func watch(abort: @escaping @Sendable () -> Bool, alive: @escaping @Sendable () -> Void) {
        watchers.withLock { $0 = (abort, alive) }
    }

    /// Called by libcurl's progress callback: true aborts the transfer.
    func tick() -> Bool {
        let (abort, alive) = watchers.withLock { $0 }
        alive()
        return abort()
    }
}
