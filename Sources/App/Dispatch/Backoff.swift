import Foundation

/// When to try a failed notification again: exponential from one minute, capped at an hour, with
/// jitter so that a mail server coming back is not hit by every message at once; never past the
/// maximum age, after which the notification has failed.
public struct Backoff: Sendable {
    public var first: TimeInterval = 60
    public var cap: TimeInterval = 3_600
    /// How long after its send time a notification may still be retried (24 h).
    public var maximumAge: TimeInterval = 86_400

    public init() {}

    /// The next attempt after the `attempts`th failure, or nil when the notification should give up.
    public func retryAt(now: Date, sendAt: Date, attempts: Int, retryAfter: Int?, jitter: Double) -> Date? {
        let exponential = min(cap, first * pow(2, Double(max(0, attempts - 1))))
        let delay = max(TimeInterval(retryAfter ?? 0), exponential * (0.5 + jitter))
        let next = now.addingTimeInterval(delay)
        return next.timeIntervalSince(sendAt) > maximumAge ? nil : next
    }
}
