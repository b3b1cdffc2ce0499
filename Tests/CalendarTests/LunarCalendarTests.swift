import Foundation
import Testing

@testable import WorkingCalendar

@Suite("Vietnamese lunar calendar")
struct LunarCalendarTests {
    @Test(
        "Tết Nguyên đán 2023–2030",
        arguments: [
            (2023, d(2023, 1, 22)), (2024, d(2024, 2, 10)), (2025, d(2025, 1, 29)), (2026, d(2026, 2, 17)),
            (2027, d(2027, 2, 6)), (2028, d(2028, 1, 26)), (2029, d(2029, 2, 13)), (2030, d(2030, 2, 2)),
        ])
    func tet(year: Int, expected: CivilDate) throws {
        #expect(try LunarCalendar.solar(from: LunarDate(day: 1, month: 1, year: year)) == expected)
        #expect(try LunarCalendar.lunar(from: expected) == LunarDate(day: 1, month: 1, year: year))
    }

    @Test(
        "Giỗ Tổ Hùng Vương (10/3 lunar) 2024–2027",
        arguments: [
            (2024, d(2024, 4, 18)), (2025, d(2025, 4, 7)), (2026, d(2026, 4, 26)), (2027, d(2027, 4, 16)),
        ])
    func hungKings(year: Int, expected: CivilDate) throws {
        #expect(try LunarCalendar.solar(from: LunarDate(day: 10, month: 3, year: year)) == expected)
    }

    @Test(
        "Leap months: 2023 repeats month 2, 2025 month 6, 2028 month 5",
        arguments: [
            (2023, 2, d(2023, 3, 22)), (2025, 6, d(2025, 7, 25)), (2028, 5, d(2028, 6, 23)),
        ])
    func leapMonths(year: Int, month: Int, leapStart: CivilDate) throws {
        #expect(LunarCalendar.leapMonth(ofYear: year) == month)
        let leap = LunarDate(day: 1, month: month, year: year, isLeapMonth: true)
        #expect(try LunarCalendar.solar(from: leap) == leapStart)
        #expect(try LunarCalendar.lunar(from: leapStart) == leap)
        // The ordinary month of the same number comes first, and the day before the leap month ends it.
        let ordinary = try LunarCalendar.solar(from: LunarDate(day: 1, month: month, year: year))
        #expect(ordinary < leapStart)
        #expect(try LunarCalendar.lunar(from: leapStart.adding(days: -1)).isLeapMonth == false)
    }

    @Test("Years without a leap month", arguments: [2024, 2026, 2027, 2029])
    func noLeapMonth(year: Int) {
        #expect(LunarCalendar.leapMonth(ofYear: year) == nil)
    }

    /// The Chinese calendar reckons new moons at UTC+8 and lands a day or a month away in these years.
    @Test(
        "Vietnam, not China: Tết 1985, 2007 and 2030",
        arguments: [
            (1985, d(1985, 1, 21), d(1985, 2, 20)), (2007, d(2007, 2, 17), d(2007, 2, 18)),
            (2030, d(2030, 2, 2), d(2030, 2, 3)),
        ])
    func vietnamNotChina(year: Int, vietnamese: CivilDate, chinese: CivilDate) throws {
        #expect(try LunarCalendar.solar(from: LunarDate(day: 1, month: 1, year: year)) == vietnamese)
        #expect(try LunarCalendar.lunar(from: chinese) != LunarDate(day: 1, month: 1, year: year))
    }

    @Test("548 dates over 1900–2100 agree with an independent implementation (lunar-vn), both ways")
    func fixture() throws {
        let url = try #require(
            Bundle.module.url(forResource: "lunar-vn", withExtension: "tsv", subdirectory: "Fixtures"))
        let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(rows.count >= 300)
        for row in rows {
            let fields = row.split(separator: "\t").map(String.init)
            let solar = try CivilDate.parse(fields[0])
            let lunar = LunarDate(
                day: Int(fields[1])!, month: Int(fields[2])!, year: Int(fields[3])!, isLeapMonth: fields[4] == "1")
            #expect(try LunarCalendar.lunar(from: solar) == lunar, "solar \(solar)")
            #expect(try LunarCalendar.solar(from: lunar) == solar, "lunar \(lunar)")
        }
    }

    @Test("Every day of 1900–2100 converts to lunar and back, and lunar days run on without gaps")
    func everyDay() throws {
        var date = d(1900, 1, 1)
        var previous = try LunarCalendar.lunar(from: date)
        while date < d(2100, 12, 31) {
            date = date.adding(days: 1)
            let lunar = try LunarCalendar.lunar(from: date)
            #expect(try LunarCalendar.solar(from: lunar) == date)
            if lunar.day == 1 {
                #expect((29...30).contains(previous.day), "month before \(date) ended on day \(previous.day)")
            } else {
                #expect(lunar.day == previous.day + 1 && lunar.month == previous.month && lunar.year == previous.year)
            }
            previous = lunar
        }
    }

    @Test("A leap month that does not exist that year is refused, naming the real one")
    func missingLeapMonth() {
        let error = #expect(throws: LunarError.self) {
            try LunarCalendar.solar(from: LunarDate(day: 1, month: 5, year: 2025, isLeapMonth: true))
        }
        #expect(error == .notALeapMonth(LunarDate(day: 1, month: 5, year: 2025, isLeapMonth: true), leapMonth: 6))
        #expect(
            throws: LunarError.notALeapMonth(LunarDate(day: 1, month: 1, year: 2024, isLeapMonth: true), leapMonth: nil)
        ) {
            try LunarCalendar.solar(from: LunarDate(day: 1, month: 1, year: 2024, isLeapMonth: true))
        }
    }

    @Test("Day 30 of a 29-day lunar month is refused")
    func shortMonth() throws {
        // Month 12 of Giáp Thìn has 29 days: Tết Ất Tỵ follows its 29th day, 28/1/2025.
        #expect(try LunarCalendar.lunar(from: d(2025, 1, 28)) == LunarDate(day: 29, month: 12, year: 2024))
        #expect(throws: LunarError.noSuchDay(LunarDate(day: 30, month: 12, year: 2024), daysInMonth: 29)) {
            try LunarCalendar.solar(from: LunarDate(day: 30, month: 12, year: 2024))
        }
    }

    @Test("Dates outside 1900–2100 are refused")
    func outOfRange() {
        #expect(throws: LunarError.outOfRange) { try LunarCalendar.lunar(from: d(1899, 12, 31)) }
        #expect(throws: LunarError.outOfRange) { try LunarCalendar.lunar(from: d(2101, 1, 1)) }
        #expect(throws: LunarError.outOfRange) {
            try LunarCalendar.solar(from: LunarDate(day: 1, month: 1, year: 2101))
        }
    }

    @Test(
        "Sexagenary year names",
        arguments: [(2024, "Giáp Thìn"), (2025, "Ất Tỵ"), (2026, "Bính Ngọ"), (1985, "Ất Sửu"), (1900, "Canh Tý")])
    func yearNames(year: Int, name: String) {
        #expect(LunarDate.yearName(year) == name)
    }
}
