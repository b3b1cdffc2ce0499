import Foundation

/// Work run on a thread of its own while the caller does something else, then waited for: the webhooks
/// of a round beside its mail batch. A plain thread, not Dispatch, as everywhere in the service (a
/// Dispatch worker asks for a priority the unit does not grant).
final class Beside<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, Error>?

    init(_ work: @escaping () throws -> Value) {
        nonisolated(unsafe) let work = work
        let thread = Thread { [self] in
            result = Result { try work() }
            done.signal()
        }
        thread.name = "beside"
        thread.start()
    }

    /// The work's value, or its error, once it has finished.
    func wait() throws -> Value {
        done.wait()
        return try result!.get()
    }
}
