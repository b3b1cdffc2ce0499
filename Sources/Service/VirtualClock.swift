import App
import Foundation

/// Time that starts at `start` and runs `speed` times faster than the machine's monotonic clock: the
/// demo and the tests run the service over weeks in seconds.
public struct VirtualClock: Clock {
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
