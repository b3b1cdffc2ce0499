/// The days off of one year by the Labor Code 2019 and, where one is known, the year's published
/// schedule.
///
/// The rule for a year without a published schedule, documented in docs/calendar.md:
/// - Holidays (art. 112): 1/1; Giỗ Tổ Hùng Vương (10/3 lunar); 30/4; 1/5; 2/9 and one adjacent day.
/// - Tết: five days, the last day of the lunar year and the first four of the new one.
/// - The day beside 2/9 is 3/9 when 2/9 is a Thursday (joining the weekend) or 1/9 falls on a weekend
///   (2/9 a Sunday or a Monday); else 1/9.
/// - Compensation (art. 111.3): a holiday or Tết day on a Saturday or Sunday gives the next working day off.
enum HolidayRules {
    /// The law's article for the holidays, and for the compensatory days.
    static let holidayLaw = "Bộ luật Lao động 2019, Điều 112"
    static let compensationLaw = "Bộ luật Lao động 2019, Điều 111.3"
    /// For a year whose schedule is not announced yet (docs/calendar.md).
    static let unannouncedRule = "quy tắc cho năm chưa công bố lịch nghỉ (docs/calendar.md)"

    static func daysOff(in year: Int, published: PublishedSchedule?) -> (off: [DayOff], worked: [WorkedDay]) {
        var off: [Int: DayOff] = [:]
        var compensated: [DayOff] = []

        func add(
            _ date: CivilDate, _ reason: String, _ kind: DayOff.Kind, compensate: Bool, source: String = holidayLaw
        ) {
            let dayOff = DayOff(date: date, reason: reason, kind: kind, source: source)
            if off[date.julianDay] == nil { off[date.julianDay] = dayOff }
            if compensate && date.weekday.isWeekend { compensated.append(dayOff) }
        }
        func day(_ month: Int, _ day: Int) -> CivilDate { CivilDate(year: year, month: month, day: day)! }

        let tetName = "Tết Nguyên đán \(LunarDate.yearName(year))"
        if let published, let tet = published.tet {
            for jd in tet.lowerBound.julianDay...tet.upperBound.julianDay {
                add(CivilDate(julianDay: jd), tetName, .tet, compensate: false, source: published.tetSource)
            }
        } else if let tet = try? LunarCalendar.solar(from: LunarDate(day: 1, month: 1, year: year)) {
            for offset in -1...3 {
                add(
                    tet.adding(days: offset), tetName, .tet, compensate: true,
                    source: holidayLaw + "; " + unannouncedRule)
            }
        }

        add(day(1, 1), "Tết Dương lịch", .holiday, compensate: true)
        if let hungKings = try? LunarCalendar.solar(from: LunarDate(day: 10, month: 3, year: year)) {
            add(hungKings, "Giỗ Tổ Hùng Vương (10/3 âm lịch)", .holiday, compensate: true)
        }
        add(day(4, 30), "Ngày Chiến thắng (30/4)", .holiday, compensate: true)
        add(day(5, 1), "Ngày Quốc tế Lao động (1/5)", .holiday, compensate: true)
        add(day(9, 2), "Quốc khánh (2/9)", .holiday, compensate: true)
        if let published, let adjacent = published.nationalDayAdjacent {
            add(
                adjacent, "Quốc khánh (ngày liền kề 2/9)", .holiday, compensate: true,
                source: published.nationalDaySource)
        } else {
            add(
                nationalDayAdjacent(in: year), "Quốc khánh (ngày liền kề 2/9)", .holiday, compensate: true,
                source: holidayLaw + "; " + unannouncedRule)
        }

        for holiday in compensated.sorted(by: { $0.date < $1.date }) {
            var candidate = holiday.date.adding(days: 1)
            while candidate.weekday.isWeekend || off[candidate.julianDay] != nil {
                candidate = candidate.adding(days: 1)
            }
            off[candidate.julianDay] = DayOff(
                date: candidate,
                reason:
                    "Nghỉ bù \(holiday.reason), trùng \(holiday.date.weekday.vietnamese) \(holiday.date.vietnamese)",
                kind: .compensatory, source: compensationLaw)
        }

        var worked: [WorkedDay] = []
        for swap in published?.swaps ?? [] {
            off[swap.off.julianDay] = DayOff(
                date: swap.off,
                reason: "Nghỉ hoán đổi, làm bù \(swap.worked.weekday.vietnamese) \(swap.worked.vietnamese)",
                kind: .swapped, source: swap.source)
            worked.append(
                WorkedDay(
                    date: swap.worked, reason: "Làm bù cho ngày nghỉ \(swap.off.vietnamese)", source: swap.source))
        }
        return (off.values.sorted { $0.date < $1.date }, worked)
    }

    /// The day beside 2/9 that the rule picks for a year with no published schedule: the one that
    /// joins the holiday to a weekend where there is one, else the day before.
    static func nationalDayAdjacent(in year: Int) -> CivilDate {
        let nationalDay = CivilDate(year: year, month: 9, day: 2)!
        let before = nationalDay.adding(days: -1)
        let after = nationalDay.adding(days: 1)
        if before.weekday.isWeekend || nationalDay.weekday == .thursday { return after }
        return before
    }
}
