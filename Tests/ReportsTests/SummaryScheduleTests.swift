import Model
import Reports
import Testing
import WorkingCalendar

func d(_ year: Int, _ month: Int, _ day: Int) -> CivilDate { CivilDate(year: year, month: month, day: day)! }

@Suite("When the mails of [summary] go out")
struct SummaryScheduleTests {
    let calendar = WorkingCalendar()

    @Test(
        "The report goes on its day, or the working day before it when that is off",
        arguments: [
            // 14/3/2024 is a Thursday.
            (d(2024, 3, 14), true),
            (d(2024, 3, 13), false),
            // 14/9/2024 is a Saturday: Friday 13/9.
            (d(2024, 9, 13), true),
            (d(2024, 9, 14), false),
            // 14/2/2024 is in Tết (8–14/2): Wednesday 7/2.
            (d(2024, 2, 7), true),
            (d(2024, 2, 14), false),
        ])
    func reportDay(day: CivilDate, sent: Bool) {
        let settings = SummarySettings(reportDay: 14, reportPeriod: .month, reportTo: ["thu"])
        let mails = SummarySchedule.mails(on: day, settings: settings, calendar: calendar)
        #expect(mails == (sent ? [.report(.month(year: day.year, month: day.month))] : []))
    }

    @Test("A report day past the month's end is its last day; one report a month, over the whole year")
    func oneReportEachMonth() {
        let settings = SummarySettings(reportDay: 31, reportPeriod: .quarter, reportTo: ["thu"])
        var reports: [CivilDate: SummaryMail] = [:]
        var day = d(2024, 1, 1)
        while day.year == 2024 {
            for mail in SummarySchedule.mails(on: day, settings: settings, calendar: calendar) { reports[day] = mail }
            day = day.adding(days: 1)
        }
        #expect(reports.count == 12)
        // 29/2/2024 is a Thursday; 31/3/2024 a Sunday, so Friday 29/3; 30/6 a Sunday, so Friday 28/6.
        #expect(reports[d(2024, 2, 29)] == .report(.quarter(year: 2024, quarter: 1)))
        #expect(reports[d(2024, 3, 29)] == .report(.quarter(year: 2024, quarter: 1)))
        #expect(reports[d(2024, 6, 28)] == .report(.quarter(year: 2024, quarter: 2)))
        #expect(reports[d(2024, 12, 31)] == .report(.quarter(year: 2024, quarter: 4)))
    }

    @Test("The overdue list: every working day, or the first working day of each week, never on a day off")
    func overdueList() {
        let daily = SummarySettings(overdueList: .daily)
        let weekly = SummarySettings(overdueList: .weekly)
        var day = d(2024, 1, 1)
        var weeks = 0
        while day.year == 2024 {
            let working = calendar.isWorkingDay(day)
            #expect(
                SummarySchedule.mails(on: day, settings: daily, calendar: calendar) == (working ? [.overdueList] : []))
            let onWeekly = SummarySchedule.mails(on: day, settings: weekly, calendar: calendar)
            #expect(onWeekly == (working && calendar.isFirstWorkingDayOfWeek(day) ? [.overdueList] : []))
            weeks += onWeekly.count
            day = day.adding(days: 1)
        }
        // 2024 has 53 weeks beginning on a Monday; each has one first working day (Tuesday 2/1 after New
        // Year, Thursday 15/2 after Tết, Thursday 2/5 after 29/4–1/5, Wednesday 4/9 after Quốc khánh).
        #expect(weeks == 53)
        #expect(SummarySchedule.mails(on: d(2024, 2, 15), settings: weekly, calendar: calendar) == [.overdueList])
        #expect(SummarySchedule.mails(on: d(2024, 9, 4), settings: weekly, calendar: calendar) == [.overdueList])
        #expect(SummarySchedule.mails(on: d(2024, 9, 2), settings: weekly, calendar: calendar).isEmpty)
    }

    @Test("The report comes before the overdue list on a day with both")
    func order() {
        let settings = SummarySettings(reportDay: 18, reportPeriod: .month, reportTo: ["thu"], overdueList: .weekly)
        #expect(
            SummarySchedule.mails(on: d(2024, 3, 18), settings: settings, calendar: calendar) == [
                .report(.month(year: 2024, month: 3)), .overdueList,
            ])
    }
}
