import Planner
import WorkingCalendar

/// The report's task rows as cells, the same columns in the CSV file and in the workbook.
enum ReportRows {
    static let columns = [
        "Mã", "Kỳ", "Nội dung", "Lĩnh vực", "Lãnh đạo chỉ đạo", "Chủ trì", "Hạn", "Hạn theo kế hoạch", "Tình trạng",
        "Mã tình trạng", "Số ngày làm việc quá hạn", "Ngày hoàn thành", "Chuyển tiếp từ năm", "Kỳ số liệu", "Trọng tâm",
        "Chỉ tiêu",
    ]

    static func cells(_ row: PlanReport.Row) -> [Workbook.Cell] {
        func date(_ date: CivilDate?) -> Workbook.Cell { date.map(Workbook.Cell.date) ?? .empty }
        func text(_ text: String?) -> Workbook.Cell { text.map(Workbook.Cell.text) ?? .empty }
        return [
            .text(row.task), date(row.occurrence), .text(row.title), text(row.section), text(row.leadName),
            .text(row.responsible.joined(separator: ", ")), date(row.deadline), date(row.nominalDeadline),
            .text(ReportText.status(row.status)), .text(row.status.rawValue),
            row.workingDaysLate.map { .number(Double($0)) } ?? .empty, date(row.completedOn),
            row.carriedOverFrom.map { .number(Double($0)) } ?? .empty, text(ReportText.period(row.dataPeriod)),
            row.focus ? .text("x") : .empty, text(row.target),
        ]
    }
}

extension Workbook.Cell {
    /// The cell as CSV text: dates dd/mm/yyyy.
    var text: String {
        switch self {
        case .text(let text): text
        case .number(let value): Workbook.number(value)
        case .date(let date): date.vietnamese
        case .empty: ""
        }
    }
}
