import WorkingCalendar

/// A stretch of the calendar that a deadline can close: "Tháng 6/2024", "Quý I/2024", "6 tháng đầu năm".
public enum Period: Hashable, Sendable {
    case month(year: Int, month: Int)
    case quarter(year: Int, quarter: Int)
    /// Half-year 1 (January–June) or 2 (July–December).
    case half(year: Int, half: Int)
    case year(Int)

    public var firstDay: CivilDate {
        switch self {
        case .month(let year, let month): CivilDate(year: year, month: month, day: 1)!
        case .quarter(let year, let quarter): CivilDate(year: year, month: quarter * 3 - 2, day: 1)!
        case .half(let year, let half): CivilDate(year: year, month: half * 6 - 5, day: 1)!
        case .year(let year): CivilDate(year: year, month: 1, day: 1)!
        }
    }

    /// The day the period ends: "Quý I/2024" ends on 31/03/2024.
    public var lastDay: CivilDate {
        let (year, month): (Int, Int) =
            switch self {
            case .month(let year, let month): (year, month)
            case .quarter(let year, let quarter): (year, quarter * 3)
            case .half(let year, let half): (year, half * 6)
            case .year(let year): (year, 12)
            }
        return CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))!
    }

    public var year: Int {
        switch self {
        case .month(let year, _), .quarter(let year, _), .half(let year, _), .year(let year): year
        }
    }
}
