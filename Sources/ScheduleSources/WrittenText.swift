import Foundation
import Model

/// What the clerk wrote at the places errors point to: a spreadsheet cell's text, or a line of a text
/// file, for the workspace's table of errors ("the cell's text as written").
public enum WrittenText {
    /// The text at each location that names a cell or a line of a file that can still be read.
    public static func at(_ locations: [SourceLocation]) -> [SourceLocation: String] {
        var texts: [SourceLocation: String] = [:]
        for (file, here) in Dictionary(grouping: locations, by: \.file) {
            let kind = (file as NSString).pathExtension.lowercased()
            if kind == "xlsx" || kind == "csv" {
                guard let sheets = SpreadsheetPlanReader.sheets(file, listedAt: nil, log: DiagnosticLog()) else {
                    continue
                }
                for location in here {
                    guard let row = location.line, let letters = location.column,
                        let (column, _) = Sheet.parseReference("\(letters)\(row)"),
                        let sheet = sheets.first(where: { $0.name == (location.sheet ?? "") }) ?? sheets.first,
                        let value = sheet.value(row: row, column: column)
                    else { continue }
                    texts[location] = value.text
                }
            } else if let data = FileManager.default.contents(atPath: file),
                let text = String(data: data, encoding: .utf8)
            {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                for location in here {
                    guard let line = location.line, line >= 1, line <= lines.count else { continue }
                    texts[location] = lines[line - 1].trimmingCharacters(in: .whitespacesAndNewlines)
                }
            }
        }
        return texts
    }
}
