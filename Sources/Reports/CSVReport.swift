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
        let field = textOnly(field)
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A field a spreadsheet would take for a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage
    /// return: OWASP's CSV injection rule) gets a leading `'`, so that it opens as the text it is; a number
    /// such as `-3` stays a number. (The .xlsx report writes every text as an inline string, never a formula.)
    static func textOnly(_ field: String) -> String {
        guard let first = field.first, "=+-@\t\r".contains(first), Double(field) == nil else { return field }
        return "'" + field
    }
}
