import Foundation

/// The report as CSV, one row per task occurrence, as Excel in a Vietnamese locale opens it: UTF-8 with
/// a byte-order mark, fields separated by semicolons, dates dd/mm/yyyy, CRLF line ends; fields quoted
/// where they must be.
public enum CSVReport {
    public static func render(_ report: PlanReport) -> String {
        var lines = [ReportRows.columns.map(quote).joined(separator: ";")]
        for row in report.rows {
            lines.append(ReportRows.cells(row).map { quote($0.text) }.joined(separator: ";"))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
