import Planner
import WorkingCalendar

/// Words the report formats share.
enum ReportText {
    static let statuses: [(TaskStatus, String)] = [
        (.doneOnTime, "Hoàn thành đúng hạn"), (.doneLate, "Hoàn thành quá hạn"),
        (.overdue, "Chưa hoàn thành, quá hạn"), (.inProgress, "Chưa đến hạn (trong hạn)"), (.ongoing, "Thường xuyên"),
        (.noFixedDeadline, "Chưa có thời hạn cụ thể"),
    ]

    static func status(_ status: TaskStatus) -> String { statuses.first { $0.0 == status }!.1 }

    static func count(_ tally: PlanReport.Tally, _ status: TaskStatus) -> Int {
        switch status {
        case .doneOnTime: tally.doneOnTime
        case .doneLate: tally.doneLate
        case .inProgress: tally.inProgress
        case .overdue: tally.overdue
        case .ongoing: tally.ongoing
        case .noFixedDeadline: tally.noFixedDeadline
        }
    }

    /// "66,7%", or "–" when no task has come due.
    static func percent(_ rate: Double?) -> String {
        guard let rate else { return "–" }
        let tenths = Int((rate * 1000).rounded())
        return "\(tenths / 10),\(tenths % 10)%"
    }

    static func rate(_ tally: PlanReport.Tally) -> String { percent(tally.completionRate) }
    static func onTimeRate(_ tally: PlanReport.Tally) -> String { percent(tally.onTimeRate) }

    /// The rates, and what each counts, for the head of the report.
    static func rates(_ total: PlanReport.Tally) -> String {
        guard total.cameDue > 0 else {
            return "Chưa có nhiệm vụ nào đến hạn: \(total.inProgress) nhiệm vụ chưa đến hạn (trong hạn), "
                + "\(total.ongoing) nhiệm vụ thường xuyên\(unscheduled(total))."
        }
        return
            "Tỷ lệ hoàn thành: \(rate(total)) (\(total.doneOnTime + total.doneLate)/\(total.cameDue) nhiệm vụ đã đến hạn "
            + "hoặc đã hoàn thành); tỷ lệ hoàn thành đúng hạn: \(onTimeRate(total)) (\(total.doneOnTime)/\(total.cameDue)). "
            + "Không tính vào tỷ lệ: \(total.inProgress) nhiệm vụ chưa đến hạn (trong hạn), \(total.ongoing) nhiệm vụ thường xuyên\(unscheduled(total))."
    }

    /// ", 2 nhiệm vụ chưa có thời hạn cụ thể", said only when a plan has such tasks.
    private static func unscheduled(_ total: PlanReport.Tally) -> String {
        total.noFixedDeadline == 0 ? "" : ", \(total.noFixedDeadline) nhiệm vụ chưa có thời hạn cụ thể"
    }

    static func date(_ date: CivilDate?) -> String { date?.vietnamese ?? "" }

    static func period(_ range: ClosedRange<CivilDate>?) -> String {
        range.map { "\($0.lowerBound.vietnamese) – \($0.upperBound.vietnamese)" } ?? ""
    }

    static func task(_ row: PlanReport.Row) -> String {
        row.task + (row.occurrence.map { " (kỳ \($0.vietnamese))" } ?? "")
    }
}
