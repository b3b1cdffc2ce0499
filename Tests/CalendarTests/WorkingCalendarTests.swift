import TestSupport
import Testing
import WorkingCalendar

@Suite("Vietnamese working calendar")
struct WorkingCalendarTests {
    let calendar = WorkingCalendar()

    // MARK: The published schedules, day by day

    @Test("2024: Tết 8–14/2, 29/4 off against Saturday 4/5, 2/9 with 3/9")
    func published2024() {
        let expected =
            [d(2024, 1, 1)] + days(d(2024, 2, 8), through: d(2024, 2, 14))
            + [d(2024, 4, 18), d(2024, 4, 29), d(2024, 4, 30), d(2024, 5, 1), d(2024, 9, 2), d(2024, 9, 3)]
        #expect(calendar.daysOff(in: 2024).map(\.date) == expected)
        #expect(calendar.workedDays(in: 2024).map(\.date) == [d(2024, 5, 4)])
        #expect(calendar.dayOff(on: d(2024, 4, 29))?.kind == .swapped)
        #expect(calendar.workingDayCount(in: 2024) == 251)
        expectOnly(expected, offIn: 2024, worked: [d(2024, 5, 4)])
    }

    @Test("2025: Tết 25/1–2/2, 2/5 off against Saturday 26/4, 2/9 with 1/9")
    func published2025() {
        let expected =
            [d(2025, 1, 1)] + days(d(2025, 1, 25), through: d(2025, 2, 2))
            + [d(2025, 4, 7), d(2025, 4, 30), d(2025, 5, 1), d(2025, 5, 2), d(2025, 9, 1), d(2025, 9, 2)]
        #expect(calendar.daysOff(in: 2025).map(\.date) == expected)
        #expect(calendar.workedDays(in: 2025).map(\.date) == [d(2025, 4, 26)])
        #expect(calendar.workingDayCount(in: 2025) == 250)
        expectOnly(expected, offIn: 2025, worked: [d(2025, 4, 26)])
    }

    @Test(
        "2026 as announced: Tết 14–22/2; 2/1 off against Saturday 10/1 (Công văn 12729/VPCP-KGVX); 27/4 for Giỗ Tổ on Sunday 26/4; 29/8–2/9 with 31/8 against Saturday 22/8 (Thông báo 9441/TB-BNV)"
    )
    func published2026() {
        let expected =
            [d(2026, 1, 1), d(2026, 1, 2)] + days(d(2026, 2, 14), through: d(2026, 2, 22))
            + [d(2026, 4, 26), d(2026, 4, 27), d(2026, 4, 30), d(2026, 5, 1), d(2026, 8, 31), d(2026, 9, 1)]
            + [d(2026, 9, 2)]
        #expect(calendar.daysOff(in: 2026).map(\.date) == expected)
        #expect(calendar.dayOff(on: d(2026, 4, 27))?.kind == .compensatory)
        #expect(calendar.workedDays(in: 2026).map(\.date) == [d(2026, 1, 10), d(2026, 8, 22)])
        expectOnly(expected, offIn: 2026, worked: [d(2026, 1, 10), d(2026, 8, 22)])
        #expect(calendar.dayOff(on: d(2026, 1, 2))?.source == "Công văn 12729/VPCP-KGVX ngày 25/12/2025")
        #expect(calendar.dayOff(on: d(2026, 8, 31))?.source == "Thông báo 9441/TB-BNV ngày 16/10/2025")
        #expect(calendar.dayOff(on: d(2026, 9, 1))?.source == "Thông báo 9441/TB-BNV ngày 16/10/2025")
        #expect(calendar.dayOff(on: d(2026, 9, 2))?.source == "Bộ luật Lao động 2019, Điều 112")
        #expect(calendar.dayOff(on: d(2026, 4, 27))?.source == "Bộ luật Lao động 2019, Điều 111.3")
        // Reminders: none on 2/1 and 31/8, and Saturdays 10/1 and 22/8 are worked.
        #expect(!calendar.isWorkingDay(d(2026, 1, 2)) && calendar.isWorkingDay(d(2026, 1, 10)))
        #expect(!calendar.isWorkingDay(d(2026, 8, 31)) && calendar.isWorkingDay(d(2026, 8, 22)))
        #expect(calendar.isAnnounced(2026) && !calendar.isAnnounced(2027))
    }

    @Test("A year's schedule as a file: read with its sources; a broken one refused with its line")
    func scheduleFile() throws {
        let text = """
            year = 2027
            source = "Thông báo 1/TB-BNV"
            [tet]
            from = 2027-02-05
            to = 2027-02-11
            [[swap]]
            off = 2027-02-12
            worked = 2027-02-20
            source = "Công văn 2/VPCP"
            """
        let schedule = try PublishedSchedule.read(text, file: "2027.toml")
        let calendar = WorkingCalendar(schedules: PublishedSchedule.known.merging([2027: schedule]) { $1 })
        #expect(calendar.isAnnounced(2027))
        #expect(calendar.dayOff(on: d(2027, 2, 5))?.source == "Thông báo 1/TB-BNV")
        #expect(calendar.dayOff(on: d(2027, 2, 12))?.source == "Công văn 2/VPCP")
        #expect(calendar.isWorkingDay(d(2027, 2, 20)))
        // Without it, 2027 follows the rule, and says so.
        #expect(WorkingCalendar().dayOff(on: d(2027, 9, 2))?.source == "Bộ luật Lao động 2019, Điều 112")
        #expect(WorkingCalendar().daysOff(in: 2027).first { $0.kind == .tet }?.source.contains("chưa công bố") == true)
        for (broken, line, message) in [
            ("year = 2027\n[tet]\nfrom = 2027-02-05\n", 2, "to must be a date"),
            ("year = 2027\n[[swap]]\noff = 2028-01-01\nworked = 2027-01-02\n", 1, "2028-01-01 is not in 2027"),
            ("year = 2027\nsorce = \"x\"\n", 2, "unknown key \"sorce\""),
            ("year = \"2027\"\n", 1, "year must be an integer"),
        ] {
            #expect {
                try PublishedSchedule.read(broken, file: "x.toml")
            } throws: { error in
                guard let error = error as? PublishedScheduleError else { return false }
                return error.line == line && "\(error)".contains(message)
            }
        }
    }

    @Test("Every day off of 2024–2026 gives its reason", arguments: [2024, 2025, 2026])
    func reasons(year: Int) {
        for day in calendar.daysOff(in: year) {
            #expect(!day.reason.isEmpty)
            if day.kind == .tet { #expect(day.reason.hasPrefix("Tết Nguyên đán")) }
        }
    }

    // MARK: The rule for other years

    @Test(
        "A holiday on a weekend gives the next working day off (art. 111.3)",
        arguments: [
            // 1/1/2023 is a Sunday.
            (d(2023, 1, 1), d(2023, 1, 2)),
            // 2023: Giỗ Tổ on Saturday 29/4, 30/4 on Sunday, 1/5 on Monday.
            (d(2023, 4, 29), d(2023, 5, 2)), (d(2023, 4, 30), d(2023, 5, 3)),
            // 2/9/2023 is a Saturday; the adjacent day is Friday 1/9.
            (d(2023, 9, 2), d(2023, 9, 4)),
            // 2022: 30/4 Saturday, 1/5 Sunday.
            (d(2022, 4, 30), d(2022, 5, 2)), (d(2022, 5, 1), d(2022, 5, 3)),
            // 1/5/2027 is a Saturday; 1/1/2028 too.
            (d(2027, 5, 1), d(2027, 5, 3)), (d(2028, 1, 1), d(2028, 1, 3)),
        ])
    func compensatory(holiday: CivilDate, compensation: CivilDate) throws {
        #expect(holiday.weekday.isWeekend)
        #expect(calendar.dayOff(on: holiday)?.kind == .holiday)
        let dayOff = try #require(calendar.dayOff(on: compensation))
        #expect(dayOff.kind == .compensatory)
        #expect(dayOff.reason.contains(holiday.vietnamese))
        #expect(!calendar.isWorkingDay(compensation))
    }

    @Test("No compensation where no holiday falls on a weekend: the day after 30/4–1/5/2024 is worked")
    func noSpuriousCompensation() {
        #expect(calendar.isWorkingDay(d(2024, 5, 2)))
        #expect(calendar.daysOff(in: 2024).allSatisfy { $0.kind != .compensatory })
    }

    @Test("Tết in a year without a published schedule: five days from the last of the old year, weekends compensated")
    func tetRule() {
        // Tết Đinh Mùi is Saturday 6/2/2027: 5/2–9/2, then 10/2 and 11/2 for the Saturday and Sunday.
        let tet = calendar.daysOff(in: 2027).filter { $0.date.month == 2 }
        #expect(tet.map(\.date) == days(d(2027, 2, 5), through: d(2027, 2, 11)))
        #expect(tet.filter { $0.kind == .compensatory }.map(\.date) == [d(2027, 2, 10), d(2027, 2, 11)])
        #expect(calendar.isWorkingDay(d(2027, 2, 12)))
    }

    @Test(
        "The day beside 2/9 joins the holiday to a weekend",
        arguments: [
            (2021, d(2021, 9, 3)), (2022, d(2022, 9, 1)), (2023, d(2023, 9, 1)), (2024, d(2024, 9, 3)),
            (2025, d(2025, 9, 1)), (2026, d(2026, 9, 1)), (2027, d(2027, 9, 3)), (2029, d(2029, 9, 3)),
        ])
    func nationalDayAdjacent(year: Int, adjacent: CivilDate) {
        #expect(calendar.dayOff(on: adjacent)?.reason == "Quốc khánh (ngày liền kề 2/9)")
    }

    // MARK: Queries

    @Test("Working days around Tết, 30/4 and the swapped Saturday of 2024")
    func queries() {
        #expect(calendar.isWorkingDay(d(2024, 5, 4)))
        #expect(!calendar.isWorkingDay(d(2024, 4, 29)))
        #expect(!calendar.isWorkingDay(d(2024, 2, 14)))
        #expect(calendar.isWorkingDay(d(2024, 2, 15)))
        #expect(!calendar.isWorkingDay(d(2024, 3, 2)))
        #expect(calendar.nextWorkingDay(after: d(2024, 2, 7)) == d(2024, 2, 15))
        #expect(calendar.previousWorkingDay(before: d(2024, 2, 15)) == d(2024, 2, 7))
        #expect(calendar.workingDay(onOrAfter: d(2024, 2, 10)) == d(2024, 2, 15))
        #expect(calendar.workingDay(onOrBefore: d(2024, 2, 10)) == d(2024, 2, 7))
        #expect(calendar.workingDay(onOrAfter: d(2024, 2, 15)) == d(2024, 2, 15))
        #expect(calendar.adding(workingDays: 3, to: d(2024, 4, 26)) == d(2024, 5, 4))
        #expect(calendar.adding(workingDays: -7, to: d(2024, 2, 15)) == d(2024, 1, 30))
        #expect(calendar.adding(workingDays: 0, to: d(2024, 2, 10)) == d(2024, 2, 10))
        #expect(calendar.workingDays(from: d(2024, 2, 7), to: d(2024, 2, 15)) == 1)
        #expect(calendar.workingDays(from: d(2024, 2, 15), to: d(2024, 2, 7)) == -1)
        #expect(calendar.workingDays(from: d(2024, 1, 30), to: d(2024, 2, 15)) == 7)
    }

    @Test("Counting working days agrees with walking day by day, over random spans of 1900–2100")
    func countingAgreesWithWalking() {
        var generator = SplitMix64(seed: 2024)
        let first = d(1900, 1, 1).julianDay
        let last = d(2100, 12, 31).julianDay
        for _ in 0..<500 {
            let start = CivilDate(julianDay: first + Int(generator.next() % UInt64(last - first)))
            let end = start.adding(days: Int(generator.next() % 120))
            var walked = 0
            var day = start
            while day < end {
                day = day.adding(days: 1)
                if calendar.isWorkingDay(day) { walked += 1 }
            }
            #expect(calendar.workingDays(from: start, to: end) == walked, "\(start)…\(end)")
            let n = Int(generator.next() % 30)
            let moved = calendar.adding(workingDays: n, to: start)
            #expect(calendar.workingDays(from: start, to: moved) == n)
            if calendar.isWorkingDay(start) { #expect(calendar.adding(workingDays: -n, to: moved) == start) }
        }
    }

    @Test("Outside 1900–2100 only weekends are off, and counting still works")
    func outsideTable() {
        #expect(calendar.isWorkingDay(d(2101, 1, 3)))  // a Monday: no holiday table there
        #expect(!calendar.isWorkingDay(d(2101, 1, 1).adding(days: 1)))  // Saturday
        #expect(calendar.workingDays(from: d(2100, 12, 31), to: d(2101, 1, 7)) == 5)
        // 26–29/12/1899 by the weekend rule, then 1/1/1900 off (Tết Dương lịch) and 2/1 worked.
        #expect(calendar.workingDays(from: d(1899, 12, 25), to: d(1900, 1, 2)) == 5)
    }

    // MARK: Decisions configured by the office

    @Test("Days off and working days added by decision are taken exactly as written")
    func adjustments() {
        let adjusted = WorkingCalendar(
            adjustments: CalendarAdjustments(
                daysOff: [(d(2026, 11, 24), "Ngày Văn hóa Việt Nam"), (d(2026, 11, 21), "Nghỉ theo quyết định")],
                workingDays: [(d(2026, 11, 28), "Làm bù theo quyết định"), (d(2027, 9, 3), "Làm việc theo quyết định")]
            ))
        #expect(!adjusted.isWorkingDay(d(2026, 11, 24)))
        #expect(
            adjusted.dayOff(on: d(2026, 11, 24))
                == DayOff(date: d(2026, 11, 24), reason: "Ngày Văn hóa Việt Nam", kind: .decision, source: "cấu hình"))
        // A decided day off on a Saturday earns no compensation: Monday 23/11 is worked.
        #expect(adjusted.isWorkingDay(d(2026, 11, 23)))
        #expect(adjusted.isWorkingDay(d(2026, 11, 28)))
        #expect(adjusted.workedDays(in: 2026).map(\.date) == [d(2026, 1, 10), d(2026, 8, 22), d(2026, 11, 28)])
        // A working day decided on a holiday of the rule removes the holiday.
        #expect(adjusted.isWorkingDay(d(2027, 9, 3)))
        #expect(adjusted.dayOff(on: d(2027, 9, 3)) == nil)
        #expect(adjusted.workingDayCount(in: 2026) == calendar.workingDayCount(in: 2026))
        #expect(calendar.isWorkingDay(d(2026, 11, 24)))
    }

    // MARK: Helpers

    private func days(_ first: CivilDate, through last: CivilDate) -> [CivilDate] {
        (first.julianDay...last.julianDay).map(CivilDate.init(julianDay:))
    }

    /// Every day of `year` is worked exactly when it is a weekday not listed, or a listed worked day.
    private func expectOnly(_ daysOff: [CivilDate], offIn year: Int, worked: [CivilDate]) {
        let off = Set(daysOff)
        let workedSet = Set(worked)
        for day in days(d(year, 1, 1), through: d(year, 12, 31)) {
            let expected = workedSet.contains(day) || (!day.weekday.isWeekend && !off.contains(day))
            #expect(calendar.isWorkingDay(day) == expected, "\(day)")
        }
    }

    @Test("The first working day of the week: Monday, or the day after a holiday that took it")
    func firstWorkingDayOfWeek() {
        let calendar = WorkingCalendar()
        #expect(calendar.isFirstWorkingDayOfWeek(d(2024, 3, 18)))
        #expect(!calendar.isFirstWorkingDayOfWeek(d(2024, 3, 19)))
        // Monday 2/9/2024 is Quốc khánh and Tuesday 3/9 its adjacent day: Wednesday 4/9 starts the week.
        #expect(!calendar.isFirstWorkingDayOfWeek(d(2024, 9, 2)))
        #expect(calendar.isFirstWorkingDayOfWeek(d(2024, 9, 4)))
        // Tết 2024 took Monday 12/2 to Wednesday 14/2: Thursday 15/2 starts that week.
        #expect(calendar.isFirstWorkingDayOfWeek(d(2024, 2, 15)))
        #expect(!calendar.isFirstWorkingDayOfWeek(d(2024, 2, 16)))
    }
}
