import Foundation
import Planner

/// The report as an Excel workbook: a sheet per table of the report (the totals, by section, by lead, every
/// task, the overdue, the carried over, the report tasks), dates as dates, the header bold and frozen.
public enum XLSXReport {
    public static func render(_ report: PlanReport) throws -> Data {
        let statusHeaders = ReportText.statuses.map(\.1) + ["Tỷ lệ hoàn thành", "Tỷ lệ đúng hạn"]
        func tallyRow(_ label: String, _ tally: PlanReport.Tally) -> [Workbook.Cell] {
            [.text(label)] + ReportText.statuses.map { .number(Double(ReportText.count(tally, $0.0))) } + [
                .text(ReportText.rate(tally)), .text(ReportText.onTimeRate(tally)),
            ]
        }
        func groups(_ name: String, _ groups: [PlanReport.Group], numbered: Bool) -> Workbook.Sheet {
            let rows = groups.map { group in
                tallyRow(
                    !numbered || group.id.isEmpty || group.id == group.title
                        ? group.title : "\(group.id). \(group.title)", group.tally)
            }
            return Workbook.Sheet(
                name: name, header: [name] + statusHeaders, rows: rows + [tallyRow("Tổng", report.total)],
                widths: [48] + statusHeaders.map { _ in 14 })
        }
        let summary = Workbook.Sheet(
            name: "Tổng hợp", header: ["Báo cáo kết quả thực hiện kế hoạch: \(report.period.label)"],
            rows: [
                [.text(report.title)], [.text("Tình hình tính đến hết ngày"), .date(report.asOf)],
                [.text(ReportText.rates(report.total))],
            ], widths: [60, 14])
        let widths = [10, 12, 60, 10, 24, 30, 12, 12, 22, 14, 10, 12, 10, 24, 8, 30]
        func tasks(_ name: String, _ rows: [PlanReport.Row]) -> Workbook.Sheet {
            Workbook.Sheet(name: name, header: ReportRows.columns, rows: rows.map(ReportRows.cells), widths: widths)
        }
        return try Workbook(sheets: [
            summary, groups("Theo lĩnh vực", report.bySection, numbered: true),
            groups("Theo lãnh đạo chỉ đạo", report.byLead, numbered: false), tasks("Nhiệm vụ", report.rows),
            tasks("Quá hạn", report.overdue), tasks("Chuyển tiếp", report.carriedOver),
            tasks("Nhiệm vụ báo cáo", report.reportTasks),
        ]).data()
    }
}
