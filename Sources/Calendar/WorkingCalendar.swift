/// The working calendar of a Vietnamese public office: which days are worked, and counting in them.
///
/// Built once from the law, the published schedules and the office's own adjustments, for every day
/// of ``supportedYears``; every query after that is an array lookup, because the planner asks millions
/// of them for a year of a large plan. Outside the supported years only weekends are days off.
public struct WorkingCalendar: Sendable {
    public static let supportedYears = LunarCalendar.supportedYears

    private let firstDay: Int
    /// The years with a published schedule.
    private let announced: Set<Int>
    private let daysOff: [Int: DayOff]
    private let workedDays: [Int: WorkedDay]
    /// `isWorking[i]`: whether the day `firstDay + i` is worked.
    private let isWorking: [Bool]
    /// `workedBefore[i]`: how many worked days lie in `firstDay ..< firstDay + i`.
    private let workedBefore: [Int32]
    /// The Julian days of the worked days of the table, in order: the nth working day is one lookup.
    private let workedDayList: [Int32]

    /// - Parameter schedules: the published schedules by year: those shipped, with the office's own
    ///   added or put in their place.
    public init(schedules: [Int: PublishedSchedule] = PublishedSchedule.known, adjustments: CalendarAdjustments = .none)
    {
        var off: [Int: DayOff] = [:]
        var worked: [Int: WorkedDay] = [:]
        announced = Set(schedules.keys)
        for year in Self.supportedYears {
            let days = HolidayRules.daysOff(in: year, published: schedules[year])
            for day in days.off { off[day.date.julianDay] = day }
            for day in days.worked { worked[day.date.julianDay] = day }
        }
        for day in adjustments.daysOff {
            off[day.date.julianDay] = day
            worked[day.date.julianDay] = nil
        }
        for day in adjustments.workingDays {
            off[day.date.julianDay] = nil
            worked[day.date.julianDay] = day
        }
        let first = CivilDate(year: Self.supportedYears.lowerBound, month: 1, day: 1)!.julianDay
        let last = CivilDate(year: Self.supportedYears.upperBound, month: 12, day: 31)!.julianDay
        var isWorking = [Bool](repeating: false, count: last - first + 1)
        var workedBefore = [Int32](repeating: 0, count: isWorking.count + 1)
        var workedDayList: [Int32] = []
        workedDayList.reserveCapacity(isWorking.count * 5 / 7 + 1)
        for index in isWorking.indices {
            let jd = first + index
            let weekend = CivilDate(julianDay: jd).weekday.isWeekend
            isWorking[index] = worked[jd] != nil || (!weekend && off[jd] == nil)
            workedBefore[index + 1] = workedBefore[index] + (isWorking[index] ? 1 : 0)
            if isWorking[index] { workedDayList.append(Int32(jd)) }
        }
        self.workedDayList = workedDayList
        self.firstDay = first
        self.daysOff = off
        self.workedDays = worked
        self.isWorking = isWorking
        self.workedBefore = workedBefore
    }

    public func isWorkingDay(_ date: CivilDate) -> Bool {
        let index = date.julianDay - firstDay
        guard isWorking.indices.contains(index) else { return !date.weekday.isWeekend }
        return isWorking[index]
    }

    /// Why a day is off, when it is off for more than being a weekend.
    public func dayOff(on date: CivilDate) -> DayOff? { daysOff[date.julianDay] }

    /// The first working day strictly after `date`.
    public func nextWorkingDay(after date: CivilDate) -> CivilDate { adding(workingDays: 1, to: date) }

    /// The last working day strictly before `date`.
    public func previousWorkingDay(before date: CivilDate) -> CivilDate { adding(workingDays: -1, to: date) }

    /// `date` itself when it is worked, else the next working day.
    public func workingDay(onOrAfter date: CivilDate) -> CivilDate {
        isWorkingDay(date) ? date : nextWorkingDay(after: date)
    }

    /// `date` itself when it is worked, else the working day before it.
    public func workingDay(onOrBefore date: CivilDate) -> CivilDate {
        isWorkingDay(date) ? date : previousWorkingDay(before: date)
    }

    /// Whether the government's schedule for `year` is known (shipped or in the office's `calendar/`):
    /// without it Tết and the day beside 2/9 follow the rule, and may differ from what is announced.
    public func isAnnounced(_ year: Int) -> Bool { announced.contains(year) }

    /// Whether `date` is the first working day of its week: the Monday, or the day after a holiday that
    /// took the Monday.
    public func isFirstWorkingDayOfWeek(_ date: CivilDate) -> Bool {
        workingDay(onOrAfter: date.adding(days: -date.weekday.rawValue)) == date
    }

    /// The `n`th working day after `date` (before it when `n` is negative); `date` itself for 0.
    /// `date` need not be a working day: the 1st working day after a Saturday is the Monday.
    public func adding(workingDays n: Int, to date: CivilDate) -> CivilDate {
        if n == 0 { return date }
        // Within the table: the working days up to `date` give its place in the list of working days.
        let index = date.julianDay - firstDay
        if isWorking.indices.contains(index) {
            let through = Int(workedBefore[index + 1])
            let target = n > 0 ? through + n - 1 : through + n - (isWorking[index] ? 1 : 0)
            if workedDayList.indices.contains(target) { return CivilDate(julianDay: Int(workedDayList[target])) }
        }
        let step = n < 0 ? -1 : 1
        var remaining = abs(n)
        var day = date
        while remaining > 0 {
            day = day.adding(days: step)
            if isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }

    /// Working days in `(start, end]`: how many working days `end` is after `start`, negative when
    /// `end` is earlier. For two working days it is their distance in working days, so that
    /// `workingDays(from: d, to: adding(workingDays: n, to: d)) == n`.
    public func workingDays(from start: CivilDate, to end: CivilDate) -> Int {
        if end < start { return -workingDays(from: end, to: start) }
        return workedThrough(end) - workedThrough(start)
    }

    /// Worked days from the start of the table through `date`, extended by the weekend rule outside it.
    private func workedThrough(_ date: CivilDate) -> Int {
        let index = date.julianDay - firstDay
        if index < 0 { return -Self.weekdays(from: date.adding(days: 1), through: CivilDate(julianDay: firstDay - 1)) }
        if index < isWorking.count { return Int(workedBefore[index + 1]) }
        let lastTableDay = CivilDate(julianDay: firstDay + isWorking.count - 1)
        return Int(workedBefore[isWorking.count]) + Self.weekdays(from: lastTableDay.adding(days: 1), through: date)
    }

    /// Monday-to-Friday days in `[start, end]`.
    private static func weekdays(from start: CivilDate, through end: CivilDate) -> Int {
        guard start <= end else { return 0 }
        let total = end.julianDay - start.julianDay + 1
        var count = total / 7 * 5
        var day = start.adding(days: total / 7 * 7)
        while day <= end {
            if !day.weekday.isWeekend { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }

    /// The days off of a year, other than ordinary weekends, in date order.
    public func daysOff(in year: Int) -> [DayOff] {
        daysOff.values.filter { $0.date.year == year }.sorted { $0.date < $1.date }
    }

    /// The days worked in a year that the weekly rest or a holiday would have given off.
    public func workedDays(in year: Int) -> [WorkedDay] {
        workedDays.values.filter { $0.date.year == year }.sorted { $0.date < $1.date }
    }

    /// How many days of a year are worked.
    public func workingDayCount(in year: Int) -> Int {
        guard let first = CivilDate(year: year, month: 1, day: 1), let last = CivilDate(year: year, month: 12, day: 31)
        else { return 0 }
        return workingDays(from: first.adding(days: -1), to: last)
    }
}
