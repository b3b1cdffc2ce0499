/// A day on the proleptic Gregorian calendar, with no time and no time zone: the unit every deadline,
/// holiday and working-day rule is written in.
///
/// Dates are stored as their Julian Day Number so that day arithmetic and comparison are one integer
/// operation; the year, month and day are derived once at creation, and kept small (16 bytes in all),
/// as a year's plan holds millions of dates.
public struct CivilDate: Hashable, Comparable, Sendable {
    /// Julian Day Number: days since 1 January 4713 BC (Julian), noon to noon. 2000-01-01 is 2451545.
    public let julianDay: Int
    private let storedYear: Int32
    private let storedMonth: UInt8
    private let storedDay: UInt8

    public var year: Int { Int(storedYear) }
    public var month: Int { Int(storedMonth) }
    public var day: Int { Int(storedDay) }

    /// A date, or nil when the day does not exist (31/02/2024, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else {
            return nil
        }
        storedYear = Int32(clamping: year)
        storedMonth = UInt8(month)
        storedDay = UInt8(day)
        self.julianDay = CivilDate.julianDay(year: year, month: month, day: day)
    }

    public init(julianDay: Int) {
        // Fliegel & Van Flandern's inverse, valid for every Gregorian date after 4800 BC.
        let a = julianDay + 32044
        let b = (4 * a + 3) / 146097
        let c = a - 146097 * b / 4
        let d = (4 * c + 3) / 1461
        let e = c - 1461 * d / 4
        let m = (5 * e + 2) / 153
        storedDay = UInt8(truncatingIfNeeded: e - (153 * m + 2) / 5 + 1)
        storedMonth = UInt8(truncatingIfNeeded: m + 3 - 12 * (m / 10))
        storedYear = Int32(clamping: 100 * b + d - 4800 + m / 10)
        self.julianDay = julianDay
    }

    public var weekday: Weekday { Weekday(rawValue: julianDay % 7)! }

    public func adding(days: Int) -> CivilDate { CivilDate(julianDay: julianDay + days) }

    /// Calendar days from `self` to `other`: positive when `other` is later.
    public func days(to other: CivilDate) -> Int { other.julianDay - julianDay }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.julianDay < rhs.julianDay }

    public static func == (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.julianDay == rhs.julianDay }

    public func hash(into hasher: inout Hasher) { hasher.combine(julianDay) }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func julianDay(year: Int, month: Int, day: Int) -> Int {
        let a = (14 - month) / 12
        let y = year + 4800 - a
        let m = month + 12 * a - 3
        return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }
}

extension CivilDate: CustomStringConvertible {
    /// ISO 8601, as JSON output and TOML write it: `2024-02-10`.
    public var description: String { iso }

    public var iso: String { Self.text(year, UInt8(ascii: "-"), month, day, yearFirst: true) }

    /// As Vietnamese documents write a date: `10/02/2024`.
    public var vietnamese: String { Self.text(year, UInt8(ascii: "/"), month, day, yearFirst: false) }

    /// The digits written straight into the string's bytes: ids and JSON print dates by the million.
    private static func text(_ year: Int, _ separator: UInt8, _ month: Int, _ day: Int, yearFirst: Bool) -> String {
        guard (0...9999).contains(year) else {
            let (y, m, d) = (String(year), month < 10 ? "0\(month)" : "\(month)", day < 10 ? "0\(day)" : "\(day)")
            let mark = String(UnicodeScalar(separator))
            return yearFirst ? y + mark + m + mark + d : d + mark + m + mark + y
        }
        return String(unsafeUninitializedCapacity: 10) { bytes in
            func put(_ value: Int, _ width: Int, at start: Int) {
                var value = value
                for index in (start..<start + width).reversed() {
                    bytes[index] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            if yearFirst {
                put(year, 4, at: 0)
                put(month, 2, at: 5)
                put(day, 2, at: 8)
                bytes[4] = separator
                bytes[7] = separator
            } else {
                put(day, 2, at: 0)
                put(month, 2, at: 3)
                put(year, 4, at: 6)
                bytes[2] = separator
                bytes[5] = separator
            }
            return 10
        }
    }
}

/// Day of the week, numbered as the Julian Day Number modulo 7 (0 is Monday).
public enum Weekday: Int, Sendable, CaseIterable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Saturday and Sunday: the weekly days off of a public office.
    public var isWeekend: Bool { self == .saturday || self == .sunday }

    /// The Vietnamese name: "Thứ Hai" … "Chủ nhật".
    public var vietnamese: String {
        switch self {
        case .monday: "Thứ Hai"
        case .tuesday: "Thứ Ba"
        case .wednesday: "Thứ Tư"
        case .thursday: "Thứ Năm"
        case .friday: "Thứ Sáu"
        case .saturday: "Thứ Bảy"
        case .sunday: "Chủ nhật"
        }
    }
}
