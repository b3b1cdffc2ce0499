import Foundation
import Planner

/// The report as one self-contained HTML page in Vietnamese: inline style and an inline SVG chart of
/// statuses per lead official, nothing fetched from the network, laid out to print on A4.
public enum HTMLReport {
    static let colors: [TaskStatus: String] = [
        .doneOnTime: "#2e7d32", .doneLate: "#9ccc65", .inProgress: "#1e88e5", .overdue: "#c62828", .ongoing: "#9e9e9e",
        .noFixedDeadline: "#d7ccc8",
    ]

    public static func render(_ report: PlanReport) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8">
            <title>Báo cáo \(escape(report.period.label))</title>
            <style>
            @page { size: A4; margin: 15mm; }
            body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #222; max-width: 180mm; margin: 0 auto; }
            h1 { font-size: 15pt; margin-bottom: 2mm; } h2 { font-size: 12pt; margin-top: 6mm; border-bottom: 1px solid #999; }
            table { border-collapse: collapse; width: 100%; page-break-inside: auto; } tr { page-break-inside: avoid; }
            th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; vertical-align: top; } th { background: #eee; }
            td.n { text-align: right; } .rate { font-size: 12pt; font-weight: bold; }
            </style></head><body>
            <h1>Báo cáo kết quả thực hiện kế hoạch: \(escape(report.period.label))</h1>
            <p>\(escape(report.title))<br>Tình hình tính đến hết ngày \(report.asOf.vietnamese).</p>
            <p class="rate">\(escape(ReportText.rates(report.total)))</p>
            <h2>Tình trạng theo lãnh đạo chỉ đạo</h2>
            \(chart(report))
            """
        html += table("Theo lĩnh vực", report.bySection, total: report.total, numbered: true)
        html += table("Theo lãnh đạo chỉ đạo", report.byLead, total: report.total, numbered: false)
        html += "<h2>Nhiệm vụ quá hạn</h2>"
        html += rows(
            ["Nhiệm vụ", "Nội dung", "Chủ trì", "Hạn", "Quá hạn (ngày làm việc)"],
            report.overdue.map {
                [
                    ReportText.task($0), $0.title, $0.responsible.joined(separator: ", "), ReportText.date($0.deadline),
                    String($0.workingDaysLate ?? 0),
                ]
            })
        html += "<h2>Nhiệm vụ chuyển tiếp</h2>"
        html += rows(
            ["Nhiệm vụ", "Nội dung", "Từ năm", "Hạn", "Tình trạng"],
            report.carriedOver.map {
                [
                    ReportText.task($0), $0.title, String($0.carriedOverFrom ?? 0), ReportText.date($0.deadline),
                    ReportText.status($0.status),
                ]
            })
        html += "<h2>Nhiệm vụ báo cáo (Nghị định 09/2019/NĐ-CP)</h2>"
        html += rows(
            ["Nhiệm vụ", "Kỳ số liệu", "Hạn", "Tình trạng"],
            report.reportTasks.map {
                [
                    ReportText.task($0), ReportText.period($0.dataPeriod), ReportText.date($0.deadline),
                    ReportText.status($0.status),
                ]
            })
        html += "<h2>Thông báo không gửi được</h2>"
        html += rows(["Thông báo", "Tới", "Lý do"], report.failures.map { [$0.digest, $0.destination, $0.answer] })
        return html + "</body></html>\n"
    }

    /// Stacked bars, one per lead official, a segment per status.
    static func chart(_ report: PlanReport) -> String {
        let width = 640.0
        let label = 170.0
        let bar = 22.0
        let maximum = Double(report.byLead.map(\.tally.total).max() ?? 1)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(Double(report.byLead.count) * (bar + 8) + 40))\" role=\"img\" aria-label=\"Tình trạng nhiệm vụ theo lãnh đạo chỉ đạo\" font-size=\"11\">"
        for (index, group) in report.byLead.enumerated() {
            let y = Double(index) * (bar + 8)
            svg += "<text x=\"0\" y=\"\(y + 15)\">\(escape(group.title))</text>"
            var x = label
            for (status, name) in ReportText.statuses {
                let count = ReportText.count(group.tally, status)
                guard count > 0 else { continue }
                let length = (width - label - 30) * Double(count) / maximum
                svg +=
                    "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(length)\" height=\"\(bar)\" fill=\"\(colors[status]!)\"><title>\(name): \(count)</title></rect>"
                svg +=
                    "<text x=\"\(x + length / 2)\" y=\"\(y + 15)\" fill=\"#fff\" text-anchor=\"middle\">\(count)</text>"
                x += length
            }
        }
        var x = 0.0
        let legendY = Double(report.byLead.count) * (bar + 8) + 20
        for (status, name) in ReportText.statuses {
            svg +=
                "<rect x=\"\(x)\" y=\"\(legendY - 10)\" width=\"10\" height=\"10\" fill=\"\(colors[status]!)\"/><text x=\"\(x + 14)\" y=\"\(legendY)\">\(name)</text>"
            x += 14 + Double(name.count) * 6.5 + 12
        }
        return svg + "</svg>"
    }

    static func table(_ title: String, _ groups: [PlanReport.Group], total: PlanReport.Tally, numbered: Bool) -> String
    {
        var html = "<h2>\(escape(title))</h2><table><tr><th></th>"
        html +=
            ReportText.statuses.map { "<th>\(escape($0.1))</th>" }.joined()
            + "<th>Tỷ lệ hoàn thành</th><th>Tỷ lệ đúng hạn</th></tr>"
        for (label, tally) in groups.map({
            (!numbered || $0.id.isEmpty || $0.id == $0.title ? $0.title : "\($0.id). \($0.title)", $0.tally)
        }) + [("Tổng", total)] {
            html +=
                "<tr><td>\(escape(label))</td>"
                + ReportText.statuses.map { "<td class=\"n\">\(ReportText.count(tally, $0.0))</td>" }.joined()
            html +=
                "<td class=\"n\">\(ReportText.rate(tally))</td><td class=\"n\">\(ReportText.onTimeRate(tally))</td></tr>"
        }
        return html + "</table>"
    }

    static func rows(_ headers: [String], _ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "<p>Không có.</p>" }
        var html = "<table><tr>" + headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr>"
        for row in rows { html += "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }
        return html + "</table>"
    }

    /// Text for HTML, in content and in quoted attributes.
    public static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
