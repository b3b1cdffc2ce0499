/// Why a spreadsheet file cannot be read at all (errors in its cells are diagnostics with a place).
///
/// The reasons are the reader's technical details (an XML tag, a part's path), shown as written.
public enum SpreadsheetError: Error, Hashable, Sendable, CustomStringConvertible {
    case notASpreadsheet(String)
    case tooLarge(String)
    case malformed(String)
    case missingPart(String)
    case unclosedQuote(row: Int)

    public var description: String { Message.spreadsheet(self).text(.en) }
}
