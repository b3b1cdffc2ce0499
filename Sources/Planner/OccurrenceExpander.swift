import Model
import WorkingCalendar

/// Turns tasks into occurrences: recurrences into their periods, deadlines moved off days off, unfinished
/// tasks carried into the next year, report periods attached.
struct OccurrenceExpander {
    let calendar: WorkingCalendar
    let policy: ReminderPolicy

    func occurrences(of task: PlanTask, completions: [CompletionKey: Completion]) -> [Occurrence] {
        switch task.deadline {
        case .ongoing, .noFixedDeadline:
            return [
                Occurrence(
                    task: task, key: nil, nominalDeadline: nil, deadline: nil, carriedOverFrom: task.carriedOverFrom,
                    completion: completions[CompletionKey(task: task.id)], activeFrom: nil, remindUntil: nil,
                    dataPeriod: nil)
            ]
        case .recurring(let recurrence):
            return recurrence.occurrences.map { nominal in
                make(
                    task, key: nominal, nominal: nominal, carriedOverFrom: task.carriedOverFrom,
                    completion: completions[CompletionKey(task: task.id, occurrence: nominal)], remindUntil: nil)
            }
        case .date, .periodEnd, .beforeTet:
            let nominal = nominalDate(of: task.deadline)!
            let completion = completions[CompletionKey(task: task.id)]
            let yearEnd = CivilDate(year: task.planYear, month: 12, day: 31)!
            guard carriesOver(task), nominal <= yearEnd, completion.map({ $0.date > yearEnd }) ?? true else {
                return [
                    make(
                        task, key: nil, nominal: nominal, carriedOverFrom: task.carriedOverFrom, completion: completion,
                        remindUntil: nil)
                ]
            }
            // Unfinished at the year's end: the task goes on into the next year with a new deadline, and
            // its own deadline stops reminding on 1 January (it stays in the record as late).
            let nextYear = task.planYear + 1
            let carried = Period.quarter(year: nextYear, quarter: policy.carryOver.dueQuarter).lastDay
            return [
                make(
                    task, key: nil, nominal: nominal, carriedOverFrom: task.carriedOverFrom, completion: completion,
                    remindUntil: yearEnd.adding(days: 1)),
                make(
                    task, key: carried, nominal: carried, carriedOverFrom: task.planYear, completion: completion,
                    activeFrom: yearEnd.adding(days: 1), remindUntil: nil),
            ]
        }
    }

    private func carriesOver(_ task: PlanTask) -> Bool {
        switch policy.carryOver.scope {
        case .all: true
        case .focus: task.isFocus
        case .none: false
        }
    }

    private func make(
        _ task: PlanTask, key: CivilDate?, nominal: CivilDate, carriedOverFrom: Int?, completion: Completion?,
        activeFrom: CivilDate? = nil, remindUntil: CivilDate?
    ) -> Occurrence {
        Occurrence(
            task: task, key: key, nominalDeadline: nominal,
            deadline: effectiveDeadline(nominal, before: task.finishBefore),
            carriedOverFrom: carriedOverFrom, completion: completion, activeFrom: activeFrom, remindUntil: remindUntil,
            dataPeriod: task.report.map { DataPeriod.covered(by: $0, deadline: nominal) })
    }

    /// Civil Code 2015 art. 148: a deadline on a day off moves to the next working day; one to be met
    /// "before" a day moves to the working day before it (both configurable).
    func effectiveDeadline(_ nominal: CivilDate, before: Bool) -> CivilDate {
        switch before ? policy.beforeOnDayOff : policy.deadlineOnDayOff {
        case .next: calendar.workingDay(onOrAfter: nominal)
        case .previous: calendar.workingDay(onOrBefore: nominal)
        case .keep: nominal
        }
    }

    /// The day a one-off deadline names: "Trước Tết" names the last working day before the break.
    func nominalDate(of deadline: Deadline) -> CivilDate? {
        switch deadline {
        case .date(let date): date
        case .periodEnd(let period): period.lastDay
        case .beforeTet(let year):
            (try? LunarCalendar.solar(from: LunarDate(day: 1, month: 1, year: year)))
                .map(calendar.previousWorkingDay(before:))
        case .recurring, .ongoing, .noFixedDeadline: nil
        }
    }
}
