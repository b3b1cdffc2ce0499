import WorkingCalendar

/// A worksheet's cells, by 1-based row and column, as the table readers see them.
struct Sheet {
    enum Value: Equatable {
        case text(String)
        case number(Double)
        case date(CivilDate)
        case boolean(Bool)

        /// The cell as text: numbers without a needless ".0", dates as dd/mm/yyyy.
        var text: String {
            switch self {
            case .text(let text): text
            case .number(let number):
                number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
            case .date(let date): date.vietnamese
            case .boolean(let value): value ? "TRUE" : "FALSE"
            }
        }
    }

    /// The sheet's name; empty for a CSV file, which has only one.
    let name: String
    private(set) var cells: [Int: [Int: Value]] = [:]
    private(set) var rowCount = 0
    private(set) var columnCount = 0

    /// Cells given their value by a merged range above or beside them (not its first cell): one STT merged
    /// over two rows numbers neither of them twice.
    private(set) var merged: Set<[Int]> = []

    init(name: String) { self.name = name }

    mutating func markMerged(row: Int, column: Int) { merged.insert([row, column]) }

    func isMerged(row: Int, column: Int) -> Bool { merged.contains([row, column]) }

    mutating func set(row: Int, column: Int, _ value: Value) {
        if case .text(let text) = value, text.allSatisfy(\.isWhitespace) { return }
        cells[row, default: [:]][column] = value
        rowCount = max(rowCount, row)
        columnCount = max(columnCount, column)
    }

    func value(row: Int, column: Int) -> Value? { cells[row]?[column] }

    /// "A" for 1, "AB" for 28.
    static func columnName(_ column: Int) -> String {
        var name = ""
        var n = column
        while n > 0 {
            let remainder = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// Excel's limits: 1,048,576 rows and 16,384 columns (XFD). Beyond them a reference is refused
    /// rather than computed (a fuzzed row number once overflowed Int).
    static let maximumRow = 1_048_576
    static let maximumColumn = 16_384

    /// The 1-based column and row of a cell reference: "B3" is (2, 3).
    static func parseReference(_ reference: String) -> (column: Int, row: Int)? {
        var column = 0
        var row = 0
        var seenDigit = false
        for scalar in reference.unicodeScalars {
            switch scalar {
            case "A"..."Z" where !seenDigit: column = column * 26 + Int(scalar.value) - 64
            case "a"..."z" where !seenDigit: column = column * 26 + Int(scalar.value) - 96
            case "0"..."9":
                seenDigit = true
                row = row * 10 + Int(scalar.value) - 48
            case "$": continue
            default: return nil
            }
            guard column <= maximumColumn, row <= maximumRow else { return nil }
        }
        return column > 0 && row > 0 ? (column, row) : nil
    }
}
