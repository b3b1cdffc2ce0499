import Foundation

/// The report as JSON (docs/reports.md): stable keys, sorted, dates in ISO 8601.
public enum JSONReport {
    public static func render(_ report: PlanReport) -> String {
        func tally(_ tally: PlanReport.Tally) -> [String: Any] {
            [
                "done_on_time": tally.doneOnTime, "done_late": tally.doneLate, "in_progress": tally.inProgress,
                "overdue": tally.overdue, "ongoing": tally.ongoing,
                "no_fixed_deadline": tally.noFixedDeadline, "total": tally.total,
                "came_due": tally.cameDue,
                "completion_rate": tally.completionRate.map { ($0 * 1000).rounded() / 1000 } as Any? ?? NSNull(),
                "on_time_rate": tally.onTimeRate.map { ($0 * 1000).rounded() / 1000 } as Any? ?? NSNull(),
            ]
        }
        func group(_ group: PlanReport.Group) -> [String: Any] {
            ["id": group.id, "title": group.title, "counts": tally(group.tally)]
        }
        let rows: [[String: Any]] = report.rows.map { row in
            [
                "task": row.task, "occurrence": row.occurrence?.iso ?? NSNull(), "title": row.title,
                "section": row.section ?? NSNull(),
                "lead": row.lead ?? NSNull(), "responsible": row.responsible, "deadline": row.deadline?.iso ?? NSNull(),
                "nominal_deadline": row.nominalDeadline?.iso ?? NSNull(), "status": row.status.rawValue,
                "working_days_late": row.workingDaysLate ?? NSNull(), "completed_on": row.completedOn?.iso ?? NSNull(),
                "carried_over_from": row.carriedOverFrom ?? NSNull(),
                "data_period": row.dataPeriod.map { [$0.lowerBound.iso, $0.upperBound.iso] } ?? NSNull(),
                "focus": row.focus,
            ]
        }
        let object: [String: Any] = [
            "period": report.period.code, "label": report.period.label, "from": report.period.firstDay.iso,
            "to": report.period.lastDay.iso, "as_of": report.asOf.iso, "title": report.title,
            "totals": tally(report.total),
            "by_section": report.bySection.map(group), "by_lead": report.byLead.map(group), "tasks": rows,
            "overdue": report.overdue.map(\.task), "carried_over": report.carriedOver.map(\.task),
            "report_tasks": report.reportTasks.map(\.task),
            "failed_deliveries": report.failures.map {
                ["digest": $0.digest, "destination": $0.destination, "answer": $0.answer]
            },
        ]
        let data =
            (try? JSONSerialization.data(
                withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
