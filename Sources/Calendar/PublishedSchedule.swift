/// What the government fixed for one year within the Labor Code (art. 112.3): the days of the Tết
/// break, the day beside 2/9, and weekdays given off against Saturdays worked.
///
/// Years without an entry here follow ``HolidayRules``; a decision published later is added here as a
/// new entry, or by the office in its config (``CalendarAdjustments``) until a release carries it.
public struct PublishedSchedule: Sendable {
    public let year: Int
    /// Every day of the Tết break, weekends inside it included; no compensation is added on top.
    public let tet: ClosedRange<CivilDate>
    /// The day beside Quốc khánh 2/9 (ngày liền kề), or nil to take the rule's.
    public let nationalDayAdjacent: CivilDate?
    public let swaps: [DaySwap]

    /// The published schedules shipped with this release.
    public static let known: [Int: PublishedSchedule] = {
        func day(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }
        let schedules = [
            // Tết Giáp Thìn: 29 tháng Chạp to mùng 5; 29/4 off against Saturday 4/5; 2/9 with 3/9.
            PublishedSchedule(
                year: 2024, tet: day(2024, 2, 8)...day(2024, 2, 14), nationalDayAdjacent: day(2024, 9, 3),
                swaps: [DaySwap(off: day(2024, 4, 29), worked: day(2024, 5, 4))]),
            // Tết Ất Tỵ: 26 tháng Chạp to mùng 5; 2/5 off against Saturday 26/4; 2/9 with 1/9.
            PublishedSchedule(
                year: 2025, tet: day(2025, 1, 25)...day(2025, 2, 2), nationalDayAdjacent: day(2025, 9, 1),
                swaps: [DaySwap(off: day(2025, 5, 2), worked: day(2025, 4, 26))]),
            // Tết Bính Ngọ: 27 tháng Chạp to mùng 6. Giỗ Tổ falls on Sunday 26/4 and gives 27/4 by the
            // compensatory rule; the day beside 2/9 follows the rule.
            PublishedSchedule(
                year: 2026, tet: day(2026, 2, 14)...day(2026, 2, 22), nationalDayAdjacent: nil, swaps: []),
        ]
        return Dictionary(uniqueKeysWithValues: schedules.map { ($0.year, $0) })
    }()
}

/// A weekday given off against a weekend day worked.
public struct DaySwap: Sendable {
    public let off: CivilDate
    public let worked: CivilDate
}
