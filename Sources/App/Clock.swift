import Foundation

/// Where the office reads the time. The system clock in production; the service also runs on a virtual
/// clock (a start instant and a speed) for the demo and the tests, since libfaketime hangs Swift's sleeps.
public protocol Clock: Sendable {
    func now() -> Date
    /// Real seconds to wait for `seconds` to pass on this clock.
    func realSeconds(for seconds: TimeInterval) -> TimeInterval
}

public struct SystemClock: Clock {
    public init() {}
    public func now() -> Date { Date() }
    public func realSeconds(for seconds: TimeInterval) -> TimeInterval { seconds }
}
