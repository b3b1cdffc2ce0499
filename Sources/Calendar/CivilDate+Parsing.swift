import Catalogue

extension CivilDate {
    /// Reads a date as the clerk types it: ISO `2024-02-10` or Vietnamese `10/02/2024` (`10/2/2024`).
    ///
    /// - Throws: ``DateInputError`` saying whether the text is no date at all or a day that does not exist.
    public static func parse(_ text: String) throws(DateInputError) -> CivilDate {
        let trimmed = text.trimmingSpaces()
        let parts: [Substring]
        let ymd: Bool
        if trimmed.contains("/") {
            parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
            ymd = false
        } else {
            parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
            ymd = true
        }
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) })
        else { throw .notADate(text) }
        let numbers = parts.map { Int($0)! }
        let (year, month, day) = ymd ? (numbers[0], numbers[1], numbers[2]) : (numbers[2], numbers[1], numbers[0])
        let yearPart = ymd ? parts[0] : parts[2]
        guard yearPart.count == 4, (ymd ? parts[1...2] : parts[0...1]).allSatisfy({ $0.count <= 2 }) else {
            throw .notADate(text)
        }
        guard let date = CivilDate(year: year, month: month, day: day) else {
            throw .noSuchDay(
                text, month: month, year: year,
                daysInMonth: (1...12).contains(month) ? CivilDate.daysIn(month: month, year: year) : nil)
        }
        return date
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
