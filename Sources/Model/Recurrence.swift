import WorkingCalendar

/// A task that comes back (hằng tuần, hằng tháng, hàng quý…): each occurrence has its own deadline and
/// is completed on its own.
public struct Recurrence: Hashable, Sendable {
    public enum Frequency: Hashable, Sendable {
        /// Every week, due on this weekday.
        case weekly(Weekday)
        /// Every month, due on this day (the month's last day when the month is shorter), or on its last
        /// day when nil.
        case monthly(day: Int?)
        /// Every quarter, due on this day of its last month, or on its last day when nil.
        case quarterly(day: Int?)
        /// Every half-year, due on this day of June and December, or on their last day when nil.
        case halfYearly(day: Int?)
        /// Every year, due on this month and day.
        case yearly(month: Int, day: Int)
    }

    public let frequency: Frequency
    /// The first day an occurrence may fall on.
    public let start: CivilDate
    /// The last day an occurrence may fall on.
    public let end: CivilDate

    public init(frequency: Frequency, start: CivilDate, end: CivilDate) {
        self.frequency = frequency
        self.start = start
        self.end = end
    }

    /// A range of years ("2026 - 2030"): a checkpoint on 31/12 of each, from 1 January of the first to the end
    /// of the last.
    public var isYearRange: Bool {
        frequency == .yearly(month: 12, day: 31) && start.year < end.year && start.month == 1 && start.day == 1
            && end.month == 12 && end.day == 31
    }

    /// The nominal deadlines of every occurrence, in order.
    public var occurrences: [CivilDate] {
        var dates: [CivilDate] = []
        switch frequency {
        case .weekly(let weekday):
            var day = start.adding(days: (weekday.rawValue - start.weekday.rawValue + 7) % 7)
            while day <= end {
                dates.append(day)
                day = day.adding(days: 7)
            }
        case .monthly(let day):
            dates = monthEnds(every: 1, day: day)
        case .quarterly(let day):
            dates = monthEnds(every: 3, day: day)
        case .halfYearly(let day):
            dates = monthEnds(every: 6, day: day)
        case .yearly(let month, let day):
            for year in start.year...end.year {
                let clamped = min(day, CivilDate.daysIn(month: month, year: year))
                let date = CivilDate(year: year, month: month, day: clamped)!
                if date >= start && date <= end { dates.append(date) }
            }
        }
        return dates
    }

    /// Day `day` (or the last day) of every month whose number is a multiple of `every`, between the bounds.
    private func monthEnds(every: Int, day: Int?) -> [CivilDate] {
        var dates: [CivilDate] = []
        var year = start.year
        var month = start.month
        while year < end.year || (year == end.year && month <= end.month) {
            if month % every == 0 {
                let length = CivilDate.daysIn(month: month, year: year)
                let date = CivilDate(year: year, month: month, day: min(day ?? length, length))!
                if date >= start && date <= end { dates.append(date) }
            }
            month += 1
            if month > 12 {
                month = 1
                year += 1
            }
        }
        return dates
    }
}
