import Catalogue
import Testing
import WorkingCalendar

@Suite("Civil dates")
struct CivilDateTests {
    @Test(
        "Julian Day Numbers match the astronomical epoch",
        arguments: [
            (d(2000, 1, 1), 2_451_545), (d(1900, 1, 1), 2_415_021), (d(2024, 2, 10), 2_460_351),
        ])
    func julianDay(date: CivilDate, expected: Int) {
        #expect(date.julianDay == expected)
        #expect(CivilDate(julianDay: expected) == date)
    }

    @Test(
        "Weekdays",
        arguments: [
            (d(2024, 2, 10), Weekday.saturday), (d(2026, 4, 26), .sunday), (d(2024, 4, 29), .monday),
            (d(1900, 1, 1), .monday), (d(2100, 12, 31), .friday),
        ])
    func weekday(date: CivilDate, expected: Weekday) {
        #expect(date.weekday == expected)
    }

    @Test("Every day from 1900 to 2100 survives a round trip through its Julian Day")
    func roundTrip() {
        var date = d(1900, 1, 1)
        while date.year <= 2100 {
            let again = CivilDate(year: date.year, month: date.month, day: date.day)
            #expect(again == date)
            let next = date.adding(days: 1)
            #expect(next.julianDay == date.julianDay + 1)
            date = next
        }
    }

    @Test(
        "The days that do not exist",
        arguments: [(2024, 2, 30), (2023, 2, 29), (2100, 2, 29), (2024, 4, 31), (2024, 13, 1), (2024, 0, 1)])
    func impossible(year: Int, month: Int, day: Int) {
        #expect(CivilDate(year: year, month: month, day: day) == nil)
    }

    @Test(
        "ISO and Vietnamese dates are read",
        arguments: [
            ("2024-02-10", d(2024, 2, 10)), ("10/02/2024", d(2024, 2, 10)), ("10/2/2024", d(2024, 2, 10)),
            (" 2000-02-29 ", d(2000, 2, 29)),
        ])
    func parse(text: String, expected: CivilDate) throws {
        #expect(try CivilDate.parse(text) == expected)
    }

    @Test(
        "Garbage is no date",
        arguments: ["", "hôm nay", "2024-2", "2024/02/10", "10-02-24", "10/02/24", "1/1/1/2024", "２０２４-01-01"])
    func garbage(text: String) {
        #expect(throws: DateInputError.notADate(text)) { try CivilDate.parse(text) }
    }

    @Test("31/02/2024 is a day that does not exist, and the error says how long the month is")
    func noSuchDay() {
        let error = #expect(throws: DateInputError.self) { try CivilDate.parse("31/02/2024") }
        #expect(error?.description == "\"31/02/2024\" does not exist: month 2/2024 has 29 days")
    }
}
