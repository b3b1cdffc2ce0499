import Planner
import WorkingCalendar

/// Words the report formats share.
enum ReportText {
    static let statuses: [(TaskStatus, String)] = [
        (.doneOnTime, "Hoàn thành đúng hạn"), (.doneLate, "Hoàn thành quá hạn"), (.inProgress, "Đang thực hiện"),
        (.overdue, "Quá hạn"), (.ongoing, "Thường xuyên"),
    ]

    static func status(_ status: TaskStatus) -> String { statuses.first { $0.0 == status }!.1 }

    static func count(_ tally: PlanReport.Tally, _ status: TaskStatus) -> Int {
        switch status {
        case .doneOnTime: tally.doneOnTime
        case .doneLate: tally.doneLate
        case .inProgress: tally.inProgress
        case .overdue: tally.overdue
        case .ongoing: tally.ongoing
        }
    }

    static func rate(_ tally: PlanReport.Tally) -> String {
        guard let rate = tally.completionRate else { return "–" }
        let tenths = Int((rate * 1000).rounded())
        return "\(tenths / 10),\(tenths % 10)%"
    }

    static func date(_ date: CivilDate?) -> String { date?.vietnamese ?? "" }

    static func period(_ range: ClosedRange<CivilDate>?) -> String {
        range.map { "\($0.lowerBound.vietnamese) – \($0.upperBound.vietnamese)" } ?? ""
    }

    static func task(_ row: PlanReport.Row) -> String {
        row.task + (row.occurrence.map { " (kỳ \($0.vietnamese))" } ?? "")
    }
}
