/// The clerk's list of overdue tasks (daily or weekly), the latest first.
public enum OverdueList {
    public static func text(_ report: PlanReport) -> String {
        let lines = report.overdue.map {
            "- [\(ReportText.task($0))] \($0.title): hạn \(ReportText.date($0.deadline)), quá hạn \($0.workingDaysLate ?? 0) ngày làm việc; "
                + "chủ trì: \($0.responsible.joined(separator: ", "))"
        }
        return "Danh sách \(report.overdue.count) nhiệm vụ quá hạn, tính đến ngày \(report.asOf.vietnamese):\n\n"
            + lines.joined(separator: "\n") + "\n"
    }

    public static func html(_ report: PlanReport) -> String {
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body>"
            + "<p>Danh sách \(report.overdue.count) nhiệm vụ quá hạn, tính đến ngày \(report.asOf.vietnamese):</p>"
            + HTMLReport.rows(
                ["Nhiệm vụ", "Nội dung", "Chủ trì", "Hạn", "Quá hạn (ngày làm việc)"],
                report.overdue.map {
                    [
                        ReportText.task($0), $0.title, $0.responsible.joined(separator: ", "),
                        ReportText.date($0.deadline), String($0.workingDaysLate ?? 0),
                    ]
                }) + "</body></html>"
    }
}
