import Foundation
import WorkingCalendar

/// The local time of day reminders go out (07:30 by default), turned into instants in the office's
/// time zone.
public struct SendTime: Sendable {
    public let hour: Int
    public let minute: Int
    public let timeZone: TimeZone

    public init(hour: Int, minute: Int, timeZone: TimeZone) {
        self.hour = hour
        self.minute = minute
        self.timeZone = timeZone
    }

    /// The instant of the send time on a local day.
    public func instant(on day: CivilDate) -> Date {
        let local = TimeInterval(Self.unixDay(day) * 86_400 + hour * 3_600 + minute * 60)
        // The offset at the local time read as UTC is right except within hours of a change; a second
        // look at the instant found settles those.
        let guess = local - TimeInterval(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: local)))
        return Date(
            timeIntervalSince1970: local
                - TimeInterval(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: guess))))
    }

    /// ISO 8601 with the offset, as JSON writes send times: `2024-03-25T07:30:00+07:00`.
    public func iso8601(on day: CivilDate) -> String {
        let offset = timeZone.secondsFromGMT(for: instant(on: day)) / 60
        let sign = offset < 0 ? "-" : "+"
        return
            "\(day.iso)T\(Self.two(hour)):\(Self.two(minute)):00\(sign)\(Self.two(abs(offset) / 60)):\(Self.two(abs(offset) % 60))"
    }

    /// An instant as the office reads it: "14/03/2024 07:30" in its time zone.
    public func moment(_ instant: Date) -> String {
        let local = Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
        let minutes = ((local % 86_400) + 86_400) % 86_400 / 60
        return "\(day(of: instant).vietnamese) \(Self.two(minutes / 60)):\(Self.two(minutes % 60))"
    }

    /// The local day an instant falls on.
    public func day(of instant: Date) -> CivilDate {
        let local = Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
        return CivilDate(julianDay: Int((Double(local) / 86_400).rounded(.down)) + unixEpochJulianDay)
    }

    private static func unixDay(_ day: CivilDate) -> Int { day.julianDay - unixEpochJulianDay }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// The Julian Day Number of 1970-01-01.
private let unixEpochJulianDay = 2_440_588
