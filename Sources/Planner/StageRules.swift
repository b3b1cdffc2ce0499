import Model
import WorkingCalendar

/// When an occurrence's reminders go out (docs/config.md, `[reminders]`): before the deadline, on it, and every few days
/// after it, on working days only, until it is completed.
struct StageRules {
    let calendar: WorkingCalendar
    let policy: ReminderPolicy

    /// The stages of `occurrence` whose send day lies in `window`, in date order, at most one per day.
    func stages(of occurrence: Occurrence, in window: ClosedRange<CivilDate>) -> [StageDay] {
        guard let deadline = occurrence.deadline else { return [] }
        let task = occurrence.task
        var stopDay = window.upperBound.adding(days: 1)
        if let completion = occurrence.completion { stopDay = min(stopDay, completion.date) }
        if let until = occurrence.remindUntil { stopDay = min(stopDay, until) }
        let startDay = max(window.lowerBound, occurrence.activeFrom ?? window.lowerBound)
        guard startDay < stopDay else { return [] }
        let live = startDay..<stopDay

        var candidates: [StageDay] = []
        func add(_ day: CivilDate, _ stage: Stage, _ days: Int) {
            guard live.contains(day) else { return }
            candidates.append(StageDay(sendDay: day, stage: stage, days: days, escalation: escalation(stage, days)))
        }

        let before = task.reminders?.before ?? (task.isFocus ? policy.focusBefore : policy.before)
        for n in before {
            add(beforeDay(n, deadline), .before, n)
        }
        if task.reminders?.onDeadline ?? policy.onDeadline {
            add(calendar.workingDay(onOrBefore: deadline), .due, 0)
        }
        let every = task.reminders?.overdueEvery ?? policy.overdueEvery
        // Start at the first overdue stage that can reach the window, not at the deadline.
        let lateAtStart = max(0, lateness(of: live.lowerBound, after: deadline))
        var k = max(1, lateAtStart / every)
        while true {
            let days = k * every
            let day = overdueDay(days, deadline)
            if day >= live.upperBound { break }
            add(day, .overdue, days)
            k += 1
        }
        // Two stages moved onto one day: the more urgent one speaks for both.
        guard candidates.count > 1 else { return candidates }
        candidates.sort { a, b in a.sendDay != b.sendDay ? a.sendDay < b.sendDay : Self.isMoreUrgent(a, than: b) }
        var stages: [StageDay] = []
        stages.reserveCapacity(candidates.count)
        for candidate in candidates where stages.last?.sendDay != candidate.sendDay { stages.append(candidate) }
        return stages
    }

    /// Where `occurrence` stands on `day`, whichever stage its reminder was made for: a folded catch-up
    /// digest states the present, never "due today" for a past deadline. The escalation stays the
    /// reminder's own, since its recipients were chosen by it.
    func standing(of occurrence: Occurrence, on day: CivilDate, escalation: Int) -> StageDay {
        guard let deadline = occurrence.deadline else {
            return StageDay(sendDay: day, stage: .before, days: 0, escalation: escalation)
        }
        if day > deadline {
            return StageDay(
                sendDay: day, stage: .overdue, days: lateness(of: day, after: deadline), escalation: escalation)
        }
        if day == deadline { return StageDay(sendDay: day, stage: .due, days: 0, escalation: escalation) }
        return StageDay(sendDay: day, stage: .before, days: lateness(of: deadline, after: day), escalation: escalation)
    }

    private static func isMoreUrgent(_ a: StageDay, than b: StageDay) -> Bool {
        if a.stage != b.stage { return a.stage.urgency > b.stage.urgency }
        return a.stage == .overdue ? a.days > b.days : a.days < b.days
    }

    func escalation(_ stage: Stage, _ days: Int) -> Int {
        guard stage == .overdue else { return 0 }
        if days >= policy.escalateTopAfter { return 2 }
        return days >= policy.escalateAfter ? 1 : 0
    }

    /// The day the stage `n` days before the deadline goes out: a stage on a day off goes out on the
    /// working day before it.
    private func beforeDay(_ n: Int, _ deadline: CivilDate) -> CivilDate {
        switch policy.count {
        case .workingDays: calendar.adding(workingDays: -n, to: deadline)
        case .calendarDays: calendar.workingDay(onOrBefore: deadline.adding(days: -n))
        }
    }

    /// The day the overdue stage `days` after the deadline goes out. In calendar days, one that falls on a
    /// day off waits for the next working day: sent earlier it would not yet be that late.
    private func overdueDay(_ days: Int, _ deadline: CivilDate) -> CivilDate {
        switch policy.count {
        case .workingDays: calendar.adding(workingDays: days, to: deadline)
        case .calendarDays: calendar.workingDay(onOrAfter: deadline.adding(days: days))
        }
    }

    /// How late `day` is after `deadline`, in the configured count.
    func lateness(of day: CivilDate, after deadline: CivilDate) -> Int {
        switch policy.count {
        case .workingDays: calendar.workingDays(from: deadline, to: day)
        case .calendarDays: deadline.days(to: day)
        }
    }
}
