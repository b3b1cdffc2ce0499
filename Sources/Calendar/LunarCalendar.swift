import Catalogue
import Foundation

/// Conversion between the solar (Gregorian) and the Vietnamese lunar calendar.
///
/// This is Hồ Ngọc Đức's method: months begin on the day of the astronomical new moon and the
/// winter-solstice month is month 11, both reckoned in Vietnam's time zone (UTC+7). Reckoning them in
/// China's zone (UTC+8) gives the Chinese calendar, which differs from Vietnam's in some years (Tết
/// 1985, 2007 and 2030 fall a day or a month apart), so the zone is part of the method, not a setting.
public enum LunarCalendar {
    /// The solar years the conversion is checked for.
    public static let supportedYears = 1900...2100

    /// Vietnam's time zone offset from UTC, in hours, in which new moons and solar terms are dated.
    static let vietnamOffset = 7.0

    public static func isSupported(_ date: CivilDate) -> Bool { supportedYears.contains(date.year) }

    /// The lunar date of a solar day.
    public static func lunar(from date: CivilDate) throws(LunarError) -> LunarDate {
        guard isSupported(date) else { throw .outOfRange }
        let dayNumber = date.julianDay
        var index = Int(floor(Double(dayNumber - 2_415_021) / synodicMonth))
        while newMoonDay(index + 1) <= dayNumber { index += 1 }
        while newMoonDay(index) > dayNumber { index -= 1 }
        let monthStart = newMoonDay(index)

        var a11 = month11Start(ofSolarYear: date.year)
        var b11 = a11
        var lunarYear: Int
        if a11 >= monthStart {
            lunarYear = date.year
            a11 = month11Start(ofSolarYear: date.year - 1)
        } else {
            lunarYear = date.year + 1
            b11 = month11Start(ofSolarYear: date.year + 1)
        }
        let day = dayNumber - monthStart + 1
        let diff = Int(floor(Double(monthStart - a11) / 29))
        var isLeap = false
        var month = diff + 11
        if b11 - a11 > 365 {
            let leapDiff = leapMonthOffset(after: a11)
            if diff >= leapDiff {
                month = diff + 10
                isLeap = diff == leapDiff
            }
        }
        if month > 12 { month -= 12 }
        if month >= 11 && diff < 4 { lunarYear -= 1 }
        return LunarDate(day: day, month: month, year: lunarYear, isLeapMonth: isLeap)
    }

    /// The solar day of a lunar date.
    ///
    /// - Throws: ``LunarError`` when the month is not that year's leap month, the month has fewer days,
    ///   or the result is outside ``supportedYears``.
    public static func solar(from lunar: LunarDate) throws(LunarError) -> CivilDate {
        guard (1...12).contains(lunar.month), (1...30).contains(lunar.day) else {
            throw .noSuchDay(lunar, daysInMonth: nil)
        }
        guard (supportedYears.lowerBound - 1...supportedYears.upperBound).contains(lunar.year) else {
            throw .outOfRange
        }
        let start = monthStart(month: lunar.month, year: lunar.year, isLeap: lunar.isLeapMonth)
        guard let start else { throw .notALeapMonth(lunar, leapMonth: leapMonth(ofYear: lunar.year)) }
        let length = newMoonDay(monthIndex(ofStart: start) + 1) - start
        guard lunar.day <= length else { throw .noSuchDay(lunar, daysInMonth: length) }
        let date = CivilDate(julianDay: start + lunar.day - 1)
        guard isSupported(date) else { throw .outOfRange }
        return date
    }

    /// The leap month of a lunar year (2023: 2, 2025: 6), or nil when the year has none.
    public static func leapMonth(ofYear year: Int) -> Int? {
        (1...12).first { monthStart(month: $0, year: year, isLeap: true) != nil }
    }

    /// The Julian day on which a lunar month begins, or nil when `isLeap` asks for a month that is not leap.
    static func monthStart(month: Int, year: Int, isLeap: Bool) -> Int? {
        let a11: Int
        let b11: Int
        if month < 11 {
            a11 = month11Start(ofSolarYear: year - 1)
            b11 = month11Start(ofSolarYear: year)
        } else {
            a11 = month11Start(ofSolarYear: year)
            b11 = month11Start(ofSolarYear: year + 1)
        }
        var offset = month - 11
        if offset < 0 { offset += 12 }
        if b11 - a11 > 365 {
            let leapOffset = leapMonthOffset(after: a11)
            // The leap month repeats the month before it, counted from month 11 at offset 0.
            let leapMonth = (leapOffset + 9) % 12 + 1
            if isLeap && month != leapMonth { return nil }
            if isLeap || offset >= leapOffset { offset += 1 }
        } else if isLeap {
            return nil
        }
        return newMoonDay(monthIndex(ofStart: a11) + offset)
    }

    // MARK: Astronomy

    /// Mean length of a lunation, in days.
    static let synodicMonth = 29.530588853

    /// The index of the lunation that begins on the Julian day `start` (a new-moon day).
    static func monthIndex(ofStart start: Int) -> Int {
        Int(floor(0.5 + (Double(start) - 2_415_021.076998695) / synodicMonth))
    }

    /// The local (UTC+7) day of the `k`th new moon after 1900-01-01, after Meeus, "Astronomical Algorithms".
    static func newMoonDay(_ k: Int) -> Int {
        let k = Double(k)
        let t = k / 1236.85
        let t2 = t * t
        let t3 = t2 * t
        let dr = Double.pi / 180
        var jd1 = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
        jd1 += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
        let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
        let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
        let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
        var c1 = (0.1734 - 0.000393 * t) * sin(m * dr) + 0.0021 * sin(2 * dr * m)
        c1 = c1 - 0.4068 * sin(mpr * dr) + 0.0161 * sin(dr * 2 * mpr)
        c1 = c1 - 0.0004 * sin(dr * 3 * mpr)
        c1 = c1 + 0.0104 * sin(dr * 2 * f) - 0.0051 * sin(dr * (m + mpr))
        c1 = c1 - 0.0074 * sin(dr * (m - mpr)) + 0.0004 * sin(dr * (2 * f + m))
        c1 = c1 - 0.0004 * sin(dr * (2 * f - m)) - 0.0006 * sin(dr * (2 * f + mpr))
        c1 = c1 + 0.0010 * sin(dr * (2 * f - mpr)) + 0.0005 * sin(dr * (2 * mpr + m))
        let deltaT =
            t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2
        let jdNew = jd1 + c1 - deltaT
        return Int(floor(jdNew + 0.5 + vietnamOffset / 24))
    }

    /// Which of the twelve 30° sectors the sun's ecliptic longitude is in at the start of the local day:
    /// sector 9 begins at the winter solstice (270°), and each major solar term (trung khí) starts a sector.
    static func sunLongitudeSector(_ dayNumber: Int) -> Int {
        let t = (Double(dayNumber) - 2_451_545.5 - vietnamOffset / 24) / 36525
        let t2 = t * t
        let dr = Double.pi / 180
        let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
        let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(dr * m)
        dl += (0.019993 - 0.000101 * t) * sin(dr * 2 * m) + 0.000290 * sin(dr * 3 * m)
        var l = (l0 + dl) * dr
        l -= Double.pi * 2 * floor(l / (Double.pi * 2))
        return Int(floor(l / Double.pi * 6))
    }

    /// The Julian day on which the lunar month 11 (the month holding the winter solstice) of a solar
    /// year begins.
    static func month11Start(ofSolarYear year: Int) -> Int {
        let offset = CivilDate.julianDay(year: year, month: 12, day: 31) - 2_415_021
        let k = Int(floor(Double(offset) / synodicMonth))
        let start = newMoonDay(k)
        return sunLongitudeSector(start) >= 9 ? newMoonDay(k - 1) : start
    }

    /// In a 13-month year beginning at month 11 on `a11`, how many months after it the leap month
    /// comes: the first month in which no major solar term begins.
    static func leapMonthOffset(after a11: Int) -> Int {
        let k = monthIndex(ofStart: a11)
        var i = 1
        var sector = sunLongitudeSector(newMoonDay(k + i))
        var last: Int
        repeat {
            last = sector
            i += 1
            sector = sunLongitudeSector(newMoonDay(k + i))
        } while sector != last && i < 14
        return i - 1
    }
}

/// Why a lunar date cannot be converted.
public enum LunarError: Error, Equatable, Sendable, CustomStringConvertible {
    case outOfRange
    case notALeapMonth(LunarDate, leapMonth: Int?)
    case noSuchDay(LunarDate, daysInMonth: Int?)

    /// The problem in the catalogue's words.
    public var problem: LunarProblem {
        let years = LunarCalendar.supportedYears
        switch self {
        case .outOfRange: return .outOfRange(lower: years.lowerBound, upper: years.upperBound)
        case .notALeapMonth(let date, let leapMonth):
            return .noLeapMonth(year: date.year, month: date.month, leapMonth: leapMonth)
        case .noSuchDay(let date, let length):
            return .noSuchDay(
                day: date.day, month: date.month, year: date.year, leap: date.isLeapMonth, daysInMonth: length)
        }
    }

    public func text(_ language: Language) -> String { CommandMessage.lunar(problem).text(language) }

    /// In English, for developers and tests.
    public var description: String { text(.en) }
}
