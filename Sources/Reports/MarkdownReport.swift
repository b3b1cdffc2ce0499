/// The report as Markdown: for the closing note of a session, a wiki, or a mail's text part.
public enum MarkdownReport {
    public static func render(_ report: PlanReport) -> String {
        var lines = [
            "# Báo cáo kết quả thực hiện kế hoạch: \(report.period.label)", "",
            "\(report.title)  ", "Tình hình tính đến hết ngày \(report.asOf.vietnamese).", "",
            "**\(ReportText.rates(report.total))**",
            "",
        ]
        let header =
            "| | " + ReportText.statuses.map(\.1).joined(separator: " | ") + " | Tỷ lệ hoàn thành | Tỷ lệ đúng hạn |"
        let rule = "|---|" + String(repeating: "---:|", count: ReportText.statuses.count + 2)
        func table(_ title: String, _ groups: [PlanReport.Group], numbered: Bool) {
            lines += ["## \(title)", "", header, rule]
            for group in groups {
                let label =
                    !numbered || group.id.isEmpty || group.id == group.title
                    ? group.title : "\(group.id). \(group.title)"
                lines.append(
                    "| \(escape(label)) | "
                        + ReportText.statuses.map { String(ReportText.count(group.tally, $0.0)) }.joined(
                            separator: " | ")
                        + " | \(ReportText.rate(group.tally)) | \(ReportText.onTimeRate(group.tally)) |")
            }
            lines.append(
                "| **Tổng** | "
                    + ReportText.statuses.map { String(ReportText.count(report.total, $0.0)) }.joined(separator: " | ")
                    + " | \(ReportText.rate(report.total)) | \(ReportText.onTimeRate(report.total)) |")
            lines.append("")
        }
        table("Theo lĩnh vực", report.bySection, numbered: true)
        table("Theo lãnh đạo chỉ đạo", report.byLead, numbered: false)
        /// A section of tasks as a table, or "Không có." when there is none.
        func listing(_ title: String, _ columns: String, _ alignment: String, _ rows: [String]) {
            lines += ["## \(title)", ""]
            lines += rows.isEmpty ? ["Không có.", ""] : [columns, alignment] + rows + [""]
        }
        listing(
            "Nhiệm vụ quá hạn", "| Nhiệm vụ | Nội dung | Chủ trì | Hạn | Quá hạn (ngày làm việc) |",
            "|---|---|---|---|---:|",
            report.overdue.map {
                "| \(ReportText.task($0)) | \(escape($0.title)) | \(escape($0.responsible.joined(separator: ", "))) | \(ReportText.date($0.deadline)) | \($0.workingDaysLate ?? 0) |"
            })
        listing(
            "Nhiệm vụ chuyển tiếp", "| Nhiệm vụ | Nội dung | Từ năm | Hạn | Tình trạng |", "|---|---|---:|---|---|",
            report.carriedOver.map {
                "| \(ReportText.task($0)) | \(escape($0.title)) | \($0.carriedOverFrom!) | \(ReportText.date($0.deadline)) | \(ReportText.status($0.status)) |"
            })
        listing(
            "Nhiệm vụ báo cáo (Nghị định 09/2019/NĐ-CP)", "| Nhiệm vụ | Kỳ số liệu | Hạn | Tình trạng |",
            "|---|---|---|---|",
            report.reportTasks.map {
                "| \(ReportText.task($0)) | \(ReportText.period($0.dataPeriod)) | \(ReportText.date($0.deadline)) | \(ReportText.status($0.status)) |"
            })
        lines += ["## Thông báo không gửi được", ""]
        lines +=
            report.failures.isEmpty
            ? ["Không có."] : report.failures.map { "- \($0.digest) → \($0.destination): \(escape($0.answer))" }
        return lines.joined(separator: "\n") + "\n"
    }

    static func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
