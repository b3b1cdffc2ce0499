/// A day of the Vietnamese lunisolar calendar (âm lịch).
public struct LunarDate: Hashable, Sendable {
    /// Day of the lunar month, 1…30.
    public let day: Int
    /// Lunar month, 1…12; month 1 is tháng Giêng, 12 is tháng Chạp.
    public let month: Int
    /// The lunar year, named by the solar year in which its month 1 begins.
    public let year: Int
    /// Whether this is the intercalary month (tháng nhuận) that repeats `month`.
    public let isLeapMonth: Bool

    public init(day: Int, month: Int, year: Int, isLeapMonth: Bool = false) {
        self.day = day
        self.month = month
        self.year = year
        self.isLeapMonth = isLeapMonth
    }

    /// The year's name in the sexagenary cycle (can chi): 2024 is "Giáp Thìn".
    public var yearName: String { Self.yearName(year) }

    public static func yearName(_ year: Int) -> String {
        let stems = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"]
        let branches = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"]
        return "\(stems[((year + 6) % 10 + 10) % 10]) \(branches[((year + 8) % 12 + 12) % 12])"
    }
}

extension LunarDate: CustomStringConvertible {
    /// As Vietnamese writes it: "1/1 Giáp Thìn", "15/2 nhuận Quý Mão".
    public var description: String {
        "\(day)/\(month)\(isLeapMonth ? " nhuận" : "") \(yearName)"
    }
}
