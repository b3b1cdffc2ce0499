import WorkingCalendar

extension Period {
    /// How long a period is; `[summary] report_period` names one.
    public enum Length: String, Sendable, CaseIterable {
        case month, quarter, half, year
    }

    /// The period of `length` that holds `day`.
    public init(containing day: CivilDate, length: Length) {
        switch length {
        case .month: self = .month(year: day.year, month: day.month)
        case .quarter: self = .quarter(year: day.year, quarter: (day.month - 1) / 3 + 1)
        case .half: self = .half(year: day.year, half: day.month <= 6 ? 1 : 2)
        case .year: self = .year(day.year)
        }
    }

    /// A period as `report --period` writes it: `2024-Q1`, `2024-03`, `2024-H1`, `2024`; nil for anything
    /// else, or a year outside the calendar's.
    public init?(code text: String) {
        let parts = text.uppercased().split(separator: "-", maxSplits: 1).map(String.init)
        guard let first = parts.first, let year = Int(first), first.count == 4,
            WorkingCalendar.supportedYears.contains(year)
        else { return nil }
        guard parts.count == 2 else {
            self = .year(year)
            return
        }
        let rest = parts[1]
        if rest.hasPrefix("Q"), let quarter = Int(rest.dropFirst()), (1...4).contains(quarter) {
            self = .quarter(year: year, quarter: quarter)
        } else if rest.hasPrefix("H"), let half = Int(rest.dropFirst()), (1...2).contains(half) {
            self = .half(year: year, half: half)
        } else if let month = Int(rest), (1...12).contains(month), rest.count <= 2 {
            self = .month(year: year, month: month)
        } else {
            return nil
        }
    }

    /// The form `--period` takes for this period.
    public var code: String {
        switch self {
        case .year(let year): "\(year)"
        case .quarter(let year, let quarter): "\(year)-Q\(quarter)"
        case .half(let year, let half): "\(year)-H\(half)"
        case .month(let year, let month): "\(year)-\(month < 10 ? "0" : "")\(month)"
        }
    }

    /// What a report's title says: "Quý I/2024", "Tháng 3/2024", "6 tháng đầu năm 2024", "Năm 2024".
    public var label: String {
        switch self {
        case .year(let year): "Năm \(year)"
        case .quarter(let year, let quarter): "Quý \(["I", "II", "III", "IV"][quarter - 1])/\(year)"
        case .half(let year, let half): "6 tháng \(half == 1 ? "đầu" : "cuối") năm \(year)"
        case .month(let year, let month): "Tháng \(month)/\(year)"
        }
    }
}
