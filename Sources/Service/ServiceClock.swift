import Foundation

/// Where the service reads the time. The system clock in production; a virtual clock (a start instant
/// and a speed) for the demo and the tests, since libfaketime hangs Swift's sleeps.
public protocol ServiceClock: Sendable {
    func now() -> Date
    /// Real seconds to wait for `seconds` to pass on this clock.
    func realSeconds(for seconds: TimeInterval) -> TimeInterval
}

public struct SystemClock: ServiceClock {
    public init() {}
    public func now() -> Date { Date() }
    public func realSeconds(for seconds: TimeInterval) -> TimeInterval { seconds }
}

/// Time that starts at `start` and runs `speed` times faster than the machine's monotonic clock.
public struct VirtualClock: ServiceClock {
    public let start: Date
    public let speed: Double
    private let origin: UInt64

    public init(start: Date, speed: Double) {
        self.start = start
        self.speed = max(speed, 0.000_001)
        origin = DispatchTime.now().uptimeNanoseconds
    }

    public func now() -> Date {
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - origin) / 1e9
        return start.addingTimeInterval(elapsed * speed)
    }

    public func realSeconds(for seconds: TimeInterval) -> TimeInterval { seconds / speed }
}
