import Model
import WorkingCalendar

/// The period a report covers, as `--period` names it: `2024-Q1`, `2024-03`, `2024-H1`, `2024`.
public struct ReportPeriodSpec: Sendable, Equatable {
    public let period: Period
    /// What the report's title says: "Quý I/2024", "Tháng 3/2024", "6 tháng đầu năm 2024", "Năm 2024".
    public let label: String

    public static func parse(_ text: String) -> ReportPeriodSpec? {
        let parts = text.uppercased().split(separator: "-", maxSplits: 1).map(String.init)
        guard let year = Int(parts[0]), parts[0].count == 4, WorkingCalendar.supportedYears.contains(year) else {
            return nil
        }
        if parts.count == 1 { return ReportPeriodSpec(period: .year(year), label: "Năm \(year)") }
        let rest = parts[1]
        let roman = ["I", "II", "III", "IV"]
        if rest.hasPrefix("Q"), let quarter = Int(rest.dropFirst()), (1...4).contains(quarter) {
            return ReportPeriodSpec(
                period: .quarter(year: year, quarter: quarter), label: "Quý \(roman[quarter - 1])/\(year)")
        }
        if rest.hasPrefix("H"), let half = Int(rest.dropFirst()), (1...2).contains(half) {
            return ReportPeriodSpec(
                period: .half(year: year, half: half), label: "6 tháng \(half == 1 ? "đầu" : "cuối") năm \(year)")
        }
        if let month = Int(rest), (1...12).contains(month), rest.count <= 2 {
            return ReportPeriodSpec(period: .month(year: year, month: month), label: "Tháng \(month)/\(year)")
        }
        return nil
    }

    /// The form `--period` takes for this period.
    public var code: String {
        switch period {
        case .year(let year): "\(year)"
        case .quarter(let year, let quarter): "\(year)-Q\(quarter)"
        case .half(let year, let half): "\(year)-H\(half)"
        case .month(let year, let month): "\(year)-\(month < 10 ? "0" : "")\(month)"
        }
    }
}
