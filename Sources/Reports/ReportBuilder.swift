import Model
import Planner
import WorkingCalendar

/// Builds a ``PlanReport`` from the planner's occurrences: pure, the day given.
public enum ReportBuilder {
    /// The occurrences of the period: those due in it, those due before it and still open when it
    /// began, and the ongoing tasks; each with its status at the end of the period (or `today`).
    public static func build(
        planner: Planner, period: Period, today: CivilDate, failures: [PlanReport.FailedDelivery] = []
    ) -> PlanReport {
        let directory = planner.schedule.directory
        let first = period.firstDay
        let asOf = min(period.lastDay, today)
        var rows: [PlanReport.Row] = []
        for occurrence in planner.occurrences where occurrence.exists(on: asOf) {
            // A task due "Quý I" belongs to the first quarter even when its deadline moves to 1 April.
            if let deadline = occurrence.nominalDeadline {
                let dueInPeriod = deadline >= first && deadline <= period.lastDay
                let openFromBefore = deadline < first && (occurrence.completion.map { $0.date >= first } ?? true)
                guard dueInPeriod || openFromBefore else { continue }
            }
            let status = occurrence.status(at: asOf)
            let task = occurrence.task
            var responsible: [String] = []
            for name in task.responsible.map(directory.displayName) where !responsible.contains(name) {
                responsible.append(name)
            }
            rows.append(
                PlanReport.Row(
                    task: task.id, occurrence: occurrence.key, title: task.title, section: task.section,
                    lead: task.lead,
                    leadName: task.lead.flatMap { directory.official($0)?.name }, responsible: responsible,
                    deadline: occurrence.deadline, nominalDeadline: occurrence.nominalDeadline, status: status,
                    workingDaysLate: status == .overdue
                        ? occurrence.deadline.map { planner.calendar.workingDays(from: $0, to: asOf) } : nil,
                    completedOn: occurrence.completion.flatMap { $0.date <= asOf ? $0.date : nil },
                    carriedOverFrom: occurrence.carriedOverFrom, dataPeriod: occurrence.dataPeriod, focus: task.isFocus,
                    target: task.target))
        }
        var total = PlanReport.Tally()
        var sections: [String: PlanReport.Tally] = [:]
        var leads: [String: PlanReport.Tally] = [:]
        for row in rows {
            total.add(row.status)
            sections[row.section ?? "", default: PlanReport.Tally()].add(row.status)
            leads[row.lead ?? "", default: PlanReport.Tally()].add(row.status)
        }
        let sectionTitles = Dictionary(planner.schedule.plans.flatMap(\.sections).map { ($0.id, $0.title) }) {
            first, _ in first
        }
        let sectionOrder = planner.schedule.plans.flatMap(\.sections).map(\.id)
        let bySection = sections.map { id, tally in
            PlanReport.Group(
                id: id, title: sectionTitles[id] ?? (id.isEmpty ? "(không thuộc mục nào)" : id), tally: tally)
        }
        .sorted {
            (sectionOrder.firstIndex(of: $0.id) ?? Int.max, $0.id) < (
                sectionOrder.firstIndex(of: $1.id) ?? Int.max, $1.id
            )
        }
        let byLead = leads.map { id, tally in
            PlanReport.Group(id: id, title: directory.official(id)?.name ?? "(không có lãnh đạo chỉ đạo)", tally: tally)
        }
        .sorted { ($0.id.isEmpty ? 1 : 0, $0.title) < ($1.id.isEmpty ? 1 : 0, $1.title) }
        let title = planner.schedule.plans.first?.title ?? "Kế hoạch"
        return PlanReport(
            title: title, period: period, asOf: asOf, rows: rows, bySection: bySection, byLead: byLead, total: total,
            failures: failures)
    }
}
