import Catalogue
import Foundation
import WorkingCalendar
import ZIPFoundation

/// Reads the sheets of an .xlsx workbook as Excel and LibreOffice save it: shared and inline strings,
/// numbers, dates stored as serial numbers (1900 and 1904 systems) and merged cells, whose value is
/// given to every cell they cover (so a lead written once beside several rows leads them all).
struct XLSXReader {
    /// Limits against a workbook that expands without end: an assignment table is a few hundred KB.
    static let maximumExpandedBytes = 200 << 20
    static let maximumEntries = 10_000

    private let archive: Archive
    private var expandedBytes = 0

    static func read(path: String) throws(SpreadsheetError) -> [Sheet] {
        var reader = try XLSXReader(path: path)
        return try reader.sheets()
    }

    private init(path: String) throws(SpreadsheetError) {
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw .notASpreadsheet("it is not a ZIP archive")
        }
        var entries = 0
        var declared = 0
        for entry in archive {
            entries += 1
            declared += Int(clamping: entry.uncompressedSize)
            guard entries <= Self.maximumEntries else { throw .tooLarge("more than \(Self.maximumEntries) parts") }
        }
        guard declared <= Self.maximumExpandedBytes else {
            throw .tooLarge("\(declared / (1 << 20)) MB once expanded, over \(Self.maximumExpandedBytes >> 20) MB")
        }
    }

    private mutating func sheets() throws(SpreadsheetError) -> [Sheet] {
        guard let workbookXML = try part("xl/workbook.xml") else {
            throw archive["[Content_Types].xml"] == nil
                ? .notASpreadsheet("it has no [Content_Types].xml") : .missingPart("xl/workbook.xml")
        }
        let workbook = try Self.workbook(workbookXML)
        let targets = try Self.relationships(try part("xl/_rels/workbook.xml.rels") ?? [])
        let strings = try Self.sharedStrings(try part("xl/sharedStrings.xml") ?? [])
        let dateStyles = try Self.dateStyles(try part("xl/styles.xml") ?? [])
        var sheets: [Sheet] = []
        for (name, relationship) in workbook.sheets {
            guard let target = targets[relationship] else { throw .missingPart("target for sheet \"\(name)\"") }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let xml = try part(path) else { throw .missingPart(path) }
            sheets.append(
                try Self.sheet(xml, name: name, strings: strings, dateStyles: dateStyles, date1904: workbook.date1904))
        }
        return sheets
    }

    /// The bytes of a part, counted against the expansion limit as they are inflated.
    private mutating func part(_ path: String) throws(SpreadsheetError) -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        var bytes: [UInt8] = []
        var budget = Self.maximumExpandedBytes - expandedBytes
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                budget -= chunk.count
                if budget < 0 { throw SpreadsheetError.tooLarge("over \(Self.maximumExpandedBytes >> 20) MB") }
                bytes.append(contentsOf: chunk)
            }
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw .notASpreadsheet("its part \(path) cannot be inflated")
        }
        expandedBytes += bytes.count
        return bytes
    }

    // MARK: Parts

    private static func workbook(_ xml: [UInt8]) throws(SpreadsheetError) -> (
        sheets: [(String, String)], date1904: Bool
    ) {
        var scanner = XMLScanner(xml)
        var sheets: [(String, String)] = []
        var date1904 = false
        while let event = try scanner.next() {
            guard case .start(let name, let attributes, _) = event else { continue }
            if name == "workbookPr", let value = attributes["date1904"] { date1904 = value == "1" || value == "true" }
            if name == "sheet", let sheetName = attributes["name"], let id = attributes["id"] {
                sheets.append((sheetName, id))
            }
        }
        return (sheets, date1904)
    }

    private static func relationships(_ xml: [UInt8]) throws(SpreadsheetError) -> [String: String] {
        var scanner = XMLScanner(xml)
        var targets: [String: String] = [:]
        while let event = try scanner.next() {
            if case .start("Relationship", let attributes, _) = event, let id = attributes["Id"],
                let target = attributes["Target"]
            {
                targets[id] = target
            }
        }
        return targets
    }

    /// Each `<si>`'s text, its rich-text runs joined; phonetic runs (`<rPh>`) are not part of it.
    private static func sharedStrings(_ xml: [UInt8]) throws(SpreadsheetError) -> [String] {
        var scanner = XMLScanner(xml)
        var strings: [String] = []
        var current = ""
        var inText = false
        var inPhonetic = false
        while let event = try scanner.next() {
            switch event {
            case .start("si", _, let closed):
                current = ""
                if closed { strings.append("") }
            case .start("t", _, let closed): inText = !closed
            case .start("rPh", _, let closed): inPhonetic = !closed
            case .end("rPh"): inPhonetic = false
            case .end("t"): inText = false
            case .end("si"): strings.append(current)
            case .text(let text) where inText && !inPhonetic: current += text
            default: break
            }
        }
        return strings
    }

    /// Which cell styles (indexes into `<cellXfs>`) show a date.
    private static func dateStyles(_ xml: [UInt8]) throws(SpreadsheetError) -> Set<Int> {
        var scanner = XMLScanner(xml)
        var customDates: Set<Int> = []
        var styles: Set<Int> = []
        var inCellXfs = false
        var index = 0
        while let event = try scanner.next() {
            switch event {
            case .start("numFmt", let attributes, _):
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"],
                    isDateFormat(code)
                {
                    customDates.insert(id)
                }
            case .start("cellXfs", _, _): inCellXfs = true
            case .end("cellXfs"): inCellXfs = false
            case .start("xf", let attributes, _) where inCellXfs:
                let format = attributes["numFmtId"].flatMap(Int.init) ?? 0
                if builtinDateFormats.contains(format) || customDates.contains(format) { styles.insert(index) }
                index += 1
            default: break
            }
        }
        return styles
    }

    /// Excel's built-in date formats.
    static let builtinDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// A format code shows a date when it has d, m or y outside quotes and brackets (`[Red]`, `"tháng"`).
    static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false
        var inBracket = false
        var escaped = false
        for character in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            case "d" where !inQuote && !inBracket, "y" where !inQuote && !inBracket: return true
            case "m" where !inQuote && !inBracket: return !code.lowercased().contains("h")
            default: continue
            }
        }
        return false
    }

    /// One worksheet's XML as a sheet, its shared strings and date styles given.
    static func sheet(
        _ xml: [UInt8], name: String, strings: [String], dateStyles: Set<Int>, date1904: Bool
    ) throws(SpreadsheetError) -> Sheet {
        var sheet = Sheet(name: name)
        var scanner = XMLScanner(xml)
        var row = 0
        var column = 0
        var cellType = "n"
        var cellStyle = 0
        var value = ""
        var inline = ""
        var inValue = false
        var inInline = false
        var merges: [(ClosedRange<Int>, ClosedRange<Int>)] = []
        while let event = try scanner.next() {
            switch event {
            case .start("row", let attributes, _):
                row = attributes["r"].flatMap(Int.init) ?? row + 1
                guard (1...Sheet.maximumRow).contains(row) else { throw .malformed("a row is numbered \(row)") }
                column = 0
            case .start("c", let attributes, let closed):
                if let reference = attributes["r"], let parsed = Sheet.parseReference(reference) {
                    (column, row) = (parsed.column, parsed.row)
                } else {
                    column += 1
                }
                guard row >= 1, column <= Sheet.maximumColumn else { throw .malformed("a cell lies outside the sheet") }
                cellType = attributes["t"] ?? "n"
                cellStyle = attributes["s"].flatMap(Int.init) ?? 0
                value = ""
                inline = ""
                if closed { continue }
            case .start("v", _, let closed): inValue = !closed
            case .end("v"): inValue = false
            case .start("is", _, _): inInline = true
            case .end("is"): inInline = false
            case .text(let text) where inValue: value += text
            case .text(let text) where inInline: inline += text
            case .end("c"):
                if let cell = try cellValue(
                    type: cellType, style: cellStyle, value: value, inline: inline, strings: strings,
                    dateStyles: dateStyles, date1904: date1904)
                {
                    sheet.set(row: row, column: column, cell)
                }
            case .start("mergeCell", let attributes, _):
                let corners = (attributes["ref"] ?? "").split(separator: ":").compactMap {
                    Sheet.parseReference(String($0))
                }
                // A merge is filled cell by cell; a reversed or sheet-sized one is no table's.
                if corners.count == 2, corners[0].row <= corners[1].row, corners[0].column <= corners[1].column,
                    (corners[1].row - corners[0].row + 1) * (corners[1].column - corners[0].column + 1) <= 100_000
                {
                    merges.append((corners[0].row...corners[1].row, corners[0].column...corners[1].column))
                }
            default: break
            }
        }
        for (rows, columns) in merges {
            guard let value = sheet.value(row: rows.lowerBound, column: columns.lowerBound) else { continue }
            for r in rows {
                for c in columns where sheet.value(row: r, column: c) == nil {
                    sheet.set(row: r, column: c, value)
                    sheet.markMerged(row: r, column: c)
                }
            }
        }
        return sheet
    }

    private static func cellValue(
        type: String, style: Int, value: String, inline: String, strings: [String], dateStyles: Set<Int>, date1904: Bool
    ) throws(SpreadsheetError) -> Sheet.Value? {
        switch type {
        case "s":
            guard let index = Int(value), strings.indices.contains(index) else {
                throw .malformed("a cell points at shared string \(value), which does not exist")
            }
            return .text(strings[index])
        case "inlineStr": return .text(inline)
        case "str", "e": return value.isEmpty ? nil : .text(value)
        case "b": return .boolean(value == "1")
        case "d": return (try? CivilDate.parse(String(value.prefix(10)))).map(Sheet.Value.date) ?? .text(value)
        default:
            guard let number = Double(value) else { return value.isEmpty ? nil : .text(value) }
            if dateStyles.contains(style), let date = serialDate(number, date1904: date1904) { return .date(date) }
            return .number(number)
        }
    }

    /// A serial day number as a date. In the 1900 system Excel counts a 29 February 1900 that never
    /// was (serial 60), so later serials are one day ahead.
    static func serialDate(_ serial: Double, date1904: Bool) -> CivilDate? {
        let day = Int(serial.rounded(.down))
        guard day >= 0, day < 2_958_466 else { return nil }
        if date1904 { return CivilDate(year: 1904, month: 1, day: 1)!.adding(days: day) }
        if day == 60 { return nil }
        let epoch = day < 60 ? CivilDate(year: 1899, month: 12, day: 31)! : CivilDate(year: 1899, month: 12, day: 30)!
        return epoch.adding(days: day)
    }
}
