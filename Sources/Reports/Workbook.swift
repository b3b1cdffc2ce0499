import Foundation
import WorkingCalendar
import ZIPFoundation

/// An Excel workbook (.xlsx) written from scratch: sheets of rows, the first row of each a bold header
/// frozen in place, dates as real dates shown dd/mm/yyyy, text wrapped at its line breaks. What the
/// office opens in Excel or LibreOffice; docs/reports.md.
public struct Workbook: Sendable {
    public enum Cell: Hashable, Sendable {
        case text(String)
        case number(Double)
        case date(CivilDate)
        case empty
    }

    public struct Sheet: Sendable {
        /// At most 31 characters, none of `\ / ? * [ ] :` (Excel's rule); longer names are cut.
        public let name: String
        /// A bold line above the header (a plan's title), when there is one.
        public let title: String?
        /// The header, then the rows.
        public let header: [String]
        public let rows: [[Cell]]
        /// Column widths in characters, when not the default.
        public let widths: [Int]

        public init(name: String, title: String? = nil, header: [String], rows: [[Cell]], widths: [Int] = []) {
            let allowed = name.filter { !"\\/?*[]:".contains($0) }
            self.name = String((allowed.isEmpty ? "Sheet" : allowed).prefix(31))
            self.title = title
            self.header = header
            self.rows = rows
            self.widths = widths
        }
    }

    public let sheets: [Sheet]

    public init(sheets: [Sheet]) {
        self.sheets = sheets
    }

    /// The workbook's bytes: a ZIP of its XML parts.
    public func data() throws -> Data {
        let archive = try Archive(accessMode: .create)
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", Self.rootRelationships),
            ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", Self.styles),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", Self.worksheet(sheet)))
        }
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
                provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) })
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    // MARK: Parts

    private var contentTypes: String {
        let sheetTypes = sheets.indices.map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return Self.declaration
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + sheetTypes.joined() + "</Types>"
    }

    private static let rootRelationships =
        declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    private var workbook: String {
        let entries = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(Self.escape(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return Self.declaration
            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheets>\(entries.joined())</sheets></workbook>"
    }

    private var workbookRelationships: String {
        var entries = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }
        entries.append(
            "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        )
        return Self.declaration
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + entries.joined() + "</Relationships>"
    }

    /// Styles by index: 0 plain, 1 the bold header, 2 a date dd/mm/yyyy, 3 wrapped text.
    private enum Style: Int {
        case plain = 0, header, date, wrapped
    }

    private static let styles =
        declaration
        + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"top\"/></xf>"
        + "</cellXfs></styleSheet>"

    private static func worksheet(_ sheet: Sheet) -> String {
        let headerRow = sheet.title == nil ? 1 : 2
        var xml =
            declaration
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(headerRow)\" topLeftCell=\"A\(headerRow + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"bottomLeft\"/></sheetView></sheetViews>"
        if !sheet.widths.isEmpty {
            xml += "<cols>"
            for (index, width) in sheet.widths.enumerated() {
                xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        if let title = sheet.title { xml += row(1, [.text(title)], style: .header) }
        xml += row(headerRow, sheet.header.map(Cell.text), style: .header)
        for (index, cells) in sheet.rows.enumerated() {
            xml += row(headerRow + 1 + index, cells, style: nil)
        }
        return xml + "</sheetData></worksheet>"
    }

    private static func row(_ number: Int, _ cells: [Cell], style header: Style?) -> String {
        var xml = "<row r=\"\(number)\">"
        for (index, cell) in cells.enumerated() {
            let reference = "\(columnName(index + 1))\(number)"
            switch cell {
            case .empty: continue
            case .text(let text):
                let style = header ?? (text.contains("\n") ? .wrapped : .plain)
                xml +=
                    "<c r=\"\(reference)\" s=\"\(style.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(text))</t></is></c>"
            case .number(let value):
                xml += "<c r=\"\(reference)\" s=\"\((header ?? .plain).rawValue)\"><v>\(Self.number(value))</v></c>"
            case .date(let date):
                xml += "<c r=\"\(reference)\" s=\"\(Style.date.rawValue)\"><v>\(serial(date))</v></c>"
            }
        }
        return xml + "</row>"
    }

    /// A number as a cell holds it: whole numbers without a fraction.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Days since 30/12/1899, Excel's day zero (which keeps 1900 as a leap year).
    static func serial(_ date: CivilDate) -> Int {
        date.julianDay - CivilDate(year: 1899, month: 12, day: 30)!.julianDay
    }

    /// 1 → "A", 27 → "AA".
    static func columnName(_ number: Int) -> String {
        var number = number
        var name = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }

    private static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// Text for XML: markup escaped, and the control characters XML 1.0 cannot hold left out.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n", "\t": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
