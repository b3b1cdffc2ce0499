import Foundation
import Model
import Planner
import Testing
import WorkingCalendar

@Suite("Reminder planner (docs/config.md, [reminders])")
struct PlannerTests {
    let year2024 = d(2024, 1, 1)...d(2024, 12, 31)

    // MARK: Effective deadlines

    @Test(
        "A deadline on a day off moves to the next working day",
        arguments: [
            (d(2024, 2, 10), d(2024, 2, 15)),  // Tết Giáp Thìn
            (d(2024, 4, 30), d(2024, 5, 2)),  // 30/4 and 1/5
            (d(2024, 4, 29), d(2024, 5, 2)),  // the weekday swapped off
            (d(2024, 3, 31), d(2024, 4, 1)),  // "Quý I/2024" ends on a Sunday
            (d(2024, 5, 4), d(2024, 5, 4)),  // the Saturday worked instead of 29/4
            (d(2024, 3, 29), d(2024, 3, 29)),
        ])
    func effectiveDeadline(nominal: CivilDate, effective: CivilDate) {
        let planner = Office.planner([Office.task("t", .date(nominal))])
        #expect(planner.occurrences[0].nominalDeadline == nominal)
        #expect(planner.occurrences[0].deadline == effective)
    }

    @Test("deadline_on_day_off = previous and keep")
    func dayOffRules() {
        var policy = ReminderPolicy()
        policy.deadlineOnDayOff = .previous
        #expect(
            Office.planner([Office.task("t", .date(d(2024, 2, 10)))], policy: policy).occurrences[0].deadline
                == d(2024, 2, 7))
        policy.deadlineOnDayOff = .keep
        let kept = Office.planner([Office.task("t", .date(d(2024, 2, 10)))], policy: policy)
        #expect(kept.occurrences[0].deadline == d(2024, 2, 10))
        // The due-day reminder of a kept deadline on a day off goes out on the working day before it.
        #expect(kept.stages(of: "t", in: year2024).contains { $0.0 == d(2024, 2, 7) && $0.1 == .due })
    }

    // MARK: Stages

    @Test("Before a swapped working Saturday: the 1st working day before Monday 6/5/2024 is Saturday 4/5")
    func beforeSwappedSaturday() {
        let planner = Office.planner([Office.task("t", .date(d(2024, 5, 6)))])
        let stages = planner.stages(of: "t", in: d(2024, 4, 1)...d(2024, 5, 6))
        #expect(stages.map(\.0) == [d(2024, 4, 23), d(2024, 5, 2), d(2024, 5, 4), d(2024, 5, 6)])
        #expect(stages.map(\.1) == [.before, .before, .before, .due])
        #expect(stages.map(\.2) == [7, 3, 1, 0])
    }

    @Test("A stage that falls inside Tết: counted in working days it skips the break")
    func stageInsideTetWorkingDays() {
        let planner = Office.planner([Office.task("t", .date(d(2024, 2, 20)))])
        #expect(
            planner.sendDays(of: "t", in: d(2024, 1, 1)...d(2024, 2, 20)) == [
                d(2024, 2, 2), d(2024, 2, 15), d(2024, 2, 19), d(2024, 2, 20),
            ])
    }

    @Test("A stage that falls inside Tết: counted in calendar days it goes out on the working day before the break")
    func stageInsideTetCalendarDays() {
        var policy = ReminderPolicy()
        policy.count = .calendarDays
        let planner = Office.planner([Office.task("t", .date(d(2024, 2, 20)))], policy: policy)
        // 7 days before is 13/2 (Tết) → 7/2; 3 before is Saturday 17/2 → Friday 16/2; 1 before is Monday 19/2.
        let stages = planner.stages(of: "t", in: d(2024, 1, 1)...d(2024, 2, 20))
        #expect(stages.map(\.0) == [d(2024, 2, 7), d(2024, 2, 16), d(2024, 2, 19), d(2024, 2, 20)])
        #expect(stages.map(\.2) == [7, 3, 1, 0])
    }

    @Test("Calendar days and working days give different stages across a weekend")
    func calendarVersusWorkingDays() {
        let task = Office.task("t", .date(d(2024, 3, 13)))  // a Wednesday
        let working = Office.planner([task]).sendDays(of: "t", in: d(2024, 3, 1)...d(2024, 3, 13))
        var policy = ReminderPolicy()
        policy.count = .calendarDays
        let calendar = Office.planner([task], policy: policy).sendDays(of: "t", in: d(2024, 3, 1)...d(2024, 3, 13))
        #expect(working == [d(2024, 3, 4), d(2024, 3, 8), d(2024, 3, 12), d(2024, 3, 13)])
        // 7 calendar days before is Wednesday 6/3; 3 before is Sunday 10/3 → Friday 8/3.
        #expect(calendar == [d(2024, 3, 6), d(2024, 3, 8), d(2024, 3, 12), d(2024, 3, 13)])
    }

    @Test(
        "Overdue every 2 working days; overdue stages counted in calendar days that land on a day off wait for the next working day"
    )
    func overdueCadence() {
        let task = Office.task("t", .date(d(2024, 3, 1)))  // a Friday
        let working = Office.planner([task]).stages(of: "t", in: d(2024, 3, 2)...d(2024, 3, 14))
        #expect(working.map(\.0) == [d(2024, 3, 5), d(2024, 3, 7), d(2024, 3, 11), d(2024, 3, 13)])
        #expect(working.map(\.2) == [2, 4, 6, 8])
        var policy = ReminderPolicy()
        policy.count = .calendarDays
        let calendar = Office.planner([task], policy: policy).stages(of: "t", in: d(2024, 3, 2)...d(2024, 3, 8))
        // +2 is Sunday 3/3 → Monday 4/3; +4 Tuesday 5/3; +6 Thursday 7/3.
        #expect(calendar.map(\.0) == [d(2024, 3, 4), d(2024, 3, 5), d(2024, 3, 7)])
        #expect(calendar.map(\.2) == [2, 4, 6])
    }

    @Test("Focus tasks take their own stages, and a task can override them")
    func focusAndOverride() {
        let planner = Office.planner([
            Office.task("focus", .date(d(2024, 3, 29)), focus: true),
            Office.task("own", .date(d(2024, 3, 29)), reminders: ReminderOverride(before: [2], onDeadline: false)),
        ])
        let window = d(2024, 3, 1)...d(2024, 3, 29)
        #expect(planner.stages(of: "focus", in: window).map(\.2) == [14, 7, 3, 1, 0])
        #expect(planner.stages(of: "own", in: window).map(\.2) == [2])
    }

    // MARK: Escalation

    @Test("Escalation: the lead is copied from 3 working days late, the top official from 10")
    func escalation() {
        let planner = Office.planner([Office.task("t", .date(d(2024, 3, 1)))])
        let window = d(2024, 3, 2)...d(2024, 3, 15)
        #expect(planner.stages(of: "t", in: window).map(\.3) == [0, 1, 1, 1, 2])
        let reminders = planner.reminders(in: window)
        func people(on day: CivilDate) -> [String] {
            reminders.filter { $0.stage.sendDay == day }.map { "\($0.recipient):\($0.role.rawValue)" }
        }
        #expect(people(on: d(2024, 3, 5)) == ["hung:to"])  // 2 late
        #expect(people(on: d(2024, 3, 7)) == ["hung:to", "lam:cc"])  // 4 late
        #expect(people(on: d(2024, 3, 15)) == ["hung:to", "lam:cc", "khanh:cc"])  // 10 late
    }

    @Test("Escalation levels at exactly 3 and 10 working days late, overdue every day")
    func escalationThresholds() {
        var policy = ReminderPolicy()
        policy.overdueEvery = 1
        let planner = Office.planner([Office.task("t", .date(d(2024, 3, 1)))], policy: policy)
        let stages = planner.stages(of: "t", in: d(2024, 3, 2)...d(2024, 3, 15))
        #expect(stages.map(\.2) == Array(1...10))
        #expect(stages.map(\.3) == [0, 0, 1, 1, 1, 1, 1, 1, 1, 2])
    }

    @Test("A task without a lead escalates to whom the responsible official escalates to")
    func escalatesTo() {
        let planner = Office.planner([Office.task("t", .date(d(2024, 3, 1)), lead: nil)])
        let copied = planner.reminders(in: d(2024, 3, 7)...d(2024, 3, 7)).filter { $0.role == .cc }.map(\.recipient)
        #expect(copied == ["lam"])
    }

    @Test("Nobody gets the same reminder twice: a lead who is also responsible is not copied")
    func noDoubleRecipient() {
        let planner = Office.planner([
            Office.task(
                "t", .date(d(2024, 3, 1)), lead: "lam",
                responsible: [.official("lam"), .unit("dc-xd"), .official("hung")])
        ])
        let day = planner.reminders(in: d(2024, 3, 15)...d(2024, 3, 15))
        #expect(day.map { "\($0.recipient):\($0.role.rawValue)" } == ["lam:to", "hung:to", "khanh:cc"])
    }

    // MARK: Digests

    @Test("One digest per recipient and send time, overdue first, then due today, then due soon")
    func digestGrouping() throws {
        let planner = Office.planner([
            Office.task("soon", .date(d(2024, 3, 14))),
            Office.task("today", .date(d(2024, 3, 13))),
            Office.task("late", .date(d(2024, 3, 11))),
            Office.task("other", .date(d(2024, 3, 13)), responsible: [.official("thu")]),
        ])
        let digests = planner.digests(in: d(2024, 3, 13)...d(2024, 3, 13))
        #expect(digests.map(\.recipient) == ["hung", "thu"])
        let hung = try #require(digests.first)
        #expect(hung.id.description == "2024-03-13/hung/email")
        #expect(hung.reminders.map(\.occurrence.task.id) == ["late", "today", "soon"])
        #expect(hung.overdue.count == 1 && hung.dueToday.count == 1 && hung.dueSoon.count == 1)
        // Nothing to say: no digest.
        #expect(planner.digests(in: d(2024, 3, 16)...d(2024, 3, 17)).isEmpty)
    }

    @Test("Reminders of the same urgency are listed in the plan's order, not by id (2.1.9 before 2.1.10)")
    func planOrderWithinDigest() {
        let planner = Office.planner([
            Office.task("2.1.9", .date(d(2024, 3, 14))),
            Office.task("2.1.10", .date(d(2024, 3, 14))),
            Office.task("1.2", .date(d(2024, 3, 14))),
        ])
        let digest = planner.digests(in: d(2024, 3, 13)...d(2024, 3, 13))
        #expect(digest.first?.reminders.map(\.occurrence.task.id) == ["2.1.9", "2.1.10", "1.2"])
    }

    @Test("Send days taken one by one give the window's digests, in send order, one day each")
    func sendDaysKeepOrder() {
        let tasks = (1...120).map { number in
            Office.task(
                "T\(number)", .date(d(2024, 1, 1).adding(days: number * 3)), focus: number % 4 == 0,
                responsible: [.official(number % 2 == 0 ? "hung" : "thu")])
        }
        let planner = Office.planner(tasks)
        let window = d(2024, 1, 1)...d(2024, 12, 31)
        let rendered = planner.sendDays(in: window).map { planner.digests(of: $0).map(\.id) }
        let sequential = planner.digests(in: window)
        #expect(sequential.count > 200)
        #expect(rendered.flatMap { $0 } == sequential.map(\.id))
        #expect(rendered.allSatisfy { !$0.isEmpty && Set($0.map { $0.description.prefix(10) }).count == 1 })
    }

    // MARK: Recurrences

    @Test("A monthly recurrence whose day falls on a Sunday is due the Monday after, each month on its own")
    func monthlyOnSunday() {
        let deadline = Deadline.recurring(
            Recurrence(frequency: .monthly(day: 10), start: d(2024, 1, 1), end: d(2024, 12, 31)))
        let planner = Office.planner(
            [Office.task("m", deadline)],
            completions: [CompletionKey(task: "m", occurrence: d(2024, 2, 10)): Completion(date: d(2024, 2, 7))])
        let march = planner.occurrences.first { $0.key == d(2024, 3, 10) }
        #expect(march?.deadline == d(2024, 3, 11))
        #expect(planner.occurrences.count == 12)
        #expect(planner.occurrences.first { $0.key == d(2024, 2, 10) }?.status(at: d(2024, 3, 1)) == .doneOnTime)
        #expect(planner.occurrences.first { $0.key == d(2024, 1, 10) }?.status(at: d(2024, 3, 1)) == .overdue)
        #expect(march?.status(at: d(2024, 3, 1)) == .inProgress)
    }

    // MARK: Completion and status

    @Test("Completion on the deadline day is on time; on the working day after, late")
    func completionStatus() {
        let task = Office.task("t", .date(d(2024, 3, 29)))
        let onTime = Office.planner([task], completions: [CompletionKey(task: "t"): Completion(date: d(2024, 3, 29))])
        let late = Office.planner([task], completions: [CompletionKey(task: "t"): Completion(date: d(2024, 4, 1))])
        #expect(onTime.occurrences[0].status(at: d(2024, 4, 30)) == .doneOnTime)
        #expect(late.occurrences[0].status(at: d(2024, 4, 30)) == .doneLate)
        #expect(late.occurrences[0].status(at: d(2024, 3, 29)) == .inProgress)
        #expect(late.occurrences[0].status(at: d(2024, 3, 30)) == .overdue)
        // A deadline moved off a day off is judged against the effective deadline.
        let tet = Office.task("tet", .date(d(2024, 2, 10)))
        let done = Office.planner([tet], completions: [CompletionKey(task: "tet"): Completion(date: d(2024, 2, 15))])
        #expect(done.occurrences[0].status(at: d(2024, 3, 1)) == .doneOnTime)
        #expect(Office.planner([Office.task("o", .ongoing)]).occurrences[0].status(at: d(2030, 1, 1)) == .ongoing)
    }

    @Test("A completion cancels reminders from its date on; without it (reopened) they come back")
    func completionCancels() {
        let task = Office.task("t", .date(d(2024, 3, 1)))
        let window = d(2024, 2, 1)...d(2024, 3, 31)
        let open = Office.planner([task]).sendDays(of: "t", in: window)
        let done = Office.planner([task], completions: [CompletionKey(task: "t"): Completion(date: d(2024, 2, 28))])
            .sendDays(of: "t", in: window)
        #expect(done == [d(2024, 2, 21), d(2024, 2, 27)])
        #expect(open.count > done.count)
        #expect(open.starts(with: done))
    }

    @Test("A changed deadline re-arms its stages")
    func changedDeadline() {
        let window = d(2024, 3, 1)...d(2024, 4, 30)
        let before = Office.planner([Office.task("t", .date(d(2024, 3, 15)))]).sendDays(of: "t", in: window)
        let after = Office.planner([Office.task("t", .date(d(2024, 4, 15)))]).sendDays(of: "t", in: window)
        #expect(before.first == d(2024, 3, 6))
        #expect(after.first == d(2024, 4, 4))
    }

    // MARK: Carry-over

    @Test("An unfinished focus task carries into Q1 of the next year; its old deadline stops reminding on 1 January")
    func carryOver() throws {
        let planner = Office.planner([
            Office.task("focus", .date(d(2024, 11, 29)), focus: true),
            Office.task("plain", .date(d(2024, 11, 29))),
        ])
        let carried = try #require(planner.occurrences.first { $0.task.id == "focus" && $0.carriedOverFrom == 2024 })
        #expect(carried.deadline == d(2025, 3, 31))
        #expect(carried.key == d(2025, 3, 31))
        #expect(!carried.exists(on: d(2024, 12, 31)) && carried.exists(on: d(2025, 1, 1)))
        #expect(planner.occurrences.filter { $0.task.id == "plain" }.count == 1)
        let january = planner.stages(of: "focus", in: d(2024, 12, 20)...d(2025, 1, 31))
        #expect(january.allSatisfy { $0.0 < d(2025, 1, 1) || $0.1 == .before })
        #expect(january.contains { $0.0 == d(2024, 12, 31) && $0.1 == .overdue })
        let march = planner.stages(of: "focus", in: d(2025, 3, 1)...d(2025, 3, 31))
        #expect(march.map(\.1).last == .due)
        #expect(march.last?.0 == d(2025, 3, 31))
    }

    @Test("Carry-over: done in December stays put; done in February is late for 2024 and on time for its carry-over")
    func carryOverCompletion() throws {
        let task = Office.task("focus", .date(d(2024, 11, 29)), focus: true)
        let december = Office.planner(
            [task], completions: [CompletionKey(task: "focus"): Completion(date: d(2024, 12, 20))])
        #expect(december.occurrences.count == 1)
        let february = Office.planner(
            [task], completions: [CompletionKey(task: "focus"): Completion(date: d(2025, 2, 10))])
        #expect(february.occurrences.map { $0.status(at: d(2025, 6, 1)) } == [.doneLate, .doneOnTime])
    }

    @Test("Carry-over scope all carries every task; none carries nothing")
    func carryOverScope() {
        var policy = ReminderPolicy()
        policy.carryOver.scope = .all
        #expect(Office.planner([Office.task("t", .date(d(2024, 6, 28)))], policy: policy).occurrences.count == 2)
        policy.carryOver.scope = .none
        #expect(
            Office.planner([Office.task("t", .date(d(2024, 6, 28)), focus: true)], policy: policy).occurrences.count
                == 1)
    }

    // MARK: Report periods

    @Test(
        "Decree 09 data periods",
        arguments: [
            (ReportCadence.monthly, d(2024, 3, 18), d(2024, 2, 15), d(2024, 3, 14)),
            (.monthly, d(2024, 1, 18), d(2023, 12, 15), d(2024, 1, 14)),
            (.quarterly, d(2024, 3, 18), d(2023, 12, 15), d(2024, 3, 14)),
            (.quarterly, d(2024, 9, 30), d(2024, 6, 15), d(2024, 9, 14)),
            (.halfYearly, d(2024, 6, 20), d(2023, 12, 15), d(2024, 6, 14)),
            (.halfYearly, d(2024, 12, 20), d(2024, 6, 15), d(2024, 12, 14)),
            (.yearly, d(2024, 12, 20), d(2023, 12, 15), d(2024, 12, 14)),
        ])
    func reportPeriods(cadence: ReportCadence, deadline: CivilDate, from: CivilDate, to: CivilDate) {
        let planner = Office.planner([Office.task("r", .date(deadline), report: cadence)])
        #expect(planner.occurrences[0].dataPeriod == from...to)
    }

    // MARK: Send time

    @Test("Send times are 07:30 in Asia/Ho_Chi_Minh, written with their offset")
    func sendTime() throws {
        let sendTime = SendTime(hour: 7, minute: 30, timeZone: try #require(TimeZone(identifier: "Asia/Ho_Chi_Minh")))
        #expect(sendTime.iso8601(on: d(2024, 3, 25)) == "2024-03-25T07:30:00+07:00")
        #expect(sendTime.instant(on: d(2024, 3, 25)).timeIntervalSince1970 == 1_711_326_600)
        #expect(sendTime.day(of: sendTime.instant(on: d(2024, 3, 25))) == d(2024, 3, 25))
    }
}
