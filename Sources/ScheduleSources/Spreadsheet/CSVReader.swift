import Catalogue

/// Reads a CSV file as a one-sheet table: UTF-8 with or without a byte-order mark, comma or semicolon
/// (whichever the first line uses more, outside quotes), quoted fields holding separators, doubled
/// quotes and line breaks.
enum CSVReader {
    static func read(_ text: String) throws(SpreadsheetError) -> Sheet {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let separator = separator(of: scalars)
        var sheet = Sheet(name: "")
        var row = 1
        var column = 1
        var field = String.UnicodeScalarView()
        var quoted = false
        var index = 0
        func endField() {
            sheet.set(row: row, column: column, .text(String(field)))
            field.removeAll()
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if quoted {
                if scalar == "\"" {
                    if index + 1 < scalars.count && scalars[index + 1] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(scalar)
                }
            } else if scalar == "\"" && field.isEmpty {
                quoted = true
            } else if scalar == separator {
                endField()
                column += 1
            } else if scalar == "\n" || scalar == "\r" {
                if scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n" { index += 1 }
                endField()
                row += 1
                column = 1
            } else {
                field.append(scalar)
            }
            index += 1
        }
        if quoted { throw .unclosedQuote(row: row) }
        endField()
        return sheet
    }

    private static func separator(of scalars: [Unicode.Scalar]) -> Unicode.Scalar {
        var commas = 0
        var semicolons = 0
        var quoted = false
        for scalar in scalars {
            if scalar == "\"" { quoted.toggle() }
            if quoted { continue }
            if scalar == "\n" { break }
            if scalar == "," { commas += 1 }
            if scalar == ";" { semicolons += 1 }
        }
        return semicolons > commas ? ";" : ","
    }
}
