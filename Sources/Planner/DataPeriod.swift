import Model
import WorkingCalendar

/// The data periods of Decree 09/2019/NĐ-CP: reports close on the 14th and open on the 15th.
public enum DataPeriod {
    /// The period a report due on `deadline` covers: a monthly report the 15th of the previous month to
    /// the 14th; a quarterly one the 15th of the month before the quarter to the 14th of its last month;
    /// a half-year from 15/12 (or 15/6) to 14/6 (or 14/12); a year 15/12 to 14/12.
    public static func covered(by cadence: ReportCadence, deadline: CivilDate) -> ClosedRange<CivilDate> {
        let year = deadline.year
        let lastMonth: Int
        let months: Int
        switch cadence {
        case .monthly:
            (lastMonth, months) = (deadline.month, 1)
        case .quarterly:
            (lastMonth, months) = ((deadline.month - 1) / 3 * 3 + 3, 3)
        case .halfYearly:
            (lastMonth, months) = (deadline.month <= 6 ? 6 : 12, 6)
        case .yearly:
            (lastMonth, months) = (12, 12)
        }
        let end = CivilDate(year: year, month: lastMonth, day: 14)!
        var startMonth = lastMonth - months
        var startYear = year
        if startMonth < 1 {
            startMonth += 12
            startYear -= 1
        }
        return CivilDate(year: startYear, month: startMonth, day: 15)!...end
    }
}
