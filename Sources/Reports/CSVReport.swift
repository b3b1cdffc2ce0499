import Foundation

/// The report as CSV, one row per task occurrence: UTF-8 with a byte-order mark and CRLF line ends, so
/// that Excel and LibreOffice open it with the diacritics right; fields quoted where they must be.
public enum CSVReport {
    public static let columns = [
        "Mã", "Kỳ", "Nội dung", "Lĩnh vực", "Lãnh đạo chỉ đạo", "Chủ trì", "Hạn", "Hạn theo kế hoạch", "Tình trạng",
        "Mã tình trạng", "Số ngày làm việc quá hạn", "Ngày hoàn thành", "Chuyển tiếp từ năm", "Kỳ số liệu", "Trọng tâm",
        "Chỉ tiêu",
    ]

    public static func render(_ report: PlanReport) -> String {
        var lines = [columns.map(quote).joined(separator: ",")]
        for row in report.rows {
            let late: String = row.workingDaysLate.map(String.init) ?? ""
            let carried: String = row.carriedOverFrom.map(String.init) ?? ""
            let period: String = row.dataPeriod.map { "\($0.lowerBound.iso)/\($0.upperBound.iso)" } ?? ""
            var fields: [String] = [
                row.task, row.occurrence?.iso ?? "", row.title, row.section ?? "", row.leadName ?? "",
            ]
            fields += [
                row.responsible.joined(separator: ", "), row.deadline?.iso ?? "", row.nominalDeadline?.iso ?? "",
            ]
            fields += [ReportText.status(row.status), row.status.rawValue, late, row.completedOn?.iso ?? "", carried]
            fields += [period, row.focus ? "x" : "", row.target ?? ""]
            lines.append(fields.map(quote).joined(separator: ","))
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
