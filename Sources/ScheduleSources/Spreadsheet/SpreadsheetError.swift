/// Why a spreadsheet file cannot be read at all (errors in its cells are diagnostics with a place).
public enum SpreadsheetError: Error, Equatable, Sendable, CustomStringConvertible {
    case notASpreadsheet(String)
    case tooLarge(String)
    case malformed(String)
    case missingPart(String)
    case unclosedQuote(row: Int)

    public var description: String {
        switch self {
        case .notASpreadsheet(let reason):
            "not an .xlsx workbook (\(reason)); save it from Excel or LibreOffice as .xlsx"
        case .tooLarge(let reason):
            "the workbook expands beyond a sane size (\(reason)); is it really the assignment table?"
        case .malformed(let reason): "the workbook's XML is broken: \(reason)"
        case .missingPart(let part): "the workbook has no \(part); save it again from Excel or LibreOffice"
        case .unclosedQuote(let row): "a quoted field opened on row \(row) is never closed"
        }
    }
}
