import Synchronization

/// A wake-up between tasks: one rings, another waits for it or for a while, whichever comes first. A ring
/// while nobody waits is kept for the next wait, as a letter in a box.
public final class Bell: Sendable {
    private struct State: ~Copyable {
        var rung = false
        var waiter: (id: UInt64, continuation: CheckedContinuation<Bool, Never>)?
        var waits: UInt64 = 0
    }

    private let state = Mutex(State())

    public init() {}

    public func ring() {
        let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            guard let waiter = state.waiter else {
                state.rung = true
                return nil
            }
            state.waiter = nil
            return waiter.continuation
        }
        waiter?.resume(returning: true)
    }

    /// Waits until the bell rings (or rang since the last wait), `duration` passes, or the task is
    /// cancelled; returns whether it rang.
    @discardableResult
    public func wait(upTo duration: Duration) async -> Bool {
        if takeRing() { return true }
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                try? await Task.sleep(for: duration)
                return false
            }
            group.addTask { await self.untilRung() }
            let rang = await group.next() ?? false
            group.cancelAll()
            // A ring that came as the time ran out is kept for the next wait.
            return rang
        }
    }

    private func takeRing() -> Bool {
        state.withLock { state in
            defer { state.rung = false }
            return state.rung
        }
    }

    /// True when rung; false when the task was cancelled first.
    private func untilRung() async -> Bool {
        let id = state.withLock { state in
            state.waits += 1
            return state.waits
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let answer = state.withLock { state -> Bool? in
                    if state.rung {
                        state.rung = false
                        return true
                    }
                    if Task.isCancelled { return false }
                    state.waiter = (id, continuation)
                    return nil
                }
                if let answer { continuation.resume(returning: answer) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
                guard let waiter = state.waiter, waiter.id == id else { return nil }
                state.waiter = nil
                return waiter.continuation
            }
            waiter?.resume(returning: false)
        }
    }
}
