import Catalogue
import Testing
import WorkingCalendar

@testable import ScheduleSources

@Suite("Inside .xlsx: XML, serial dates, date formats, cell references")
struct XLSXPartsTests {
    @Test("The XML reader decodes entities, character references and CDATA, and drops namespace prefixes")
    func xml() throws {
        var scanner = XMLScanner(
            Array(
                "<?xml version=\"1.0\"?><x:si a='1 &amp; 2'><t>&lt;Quý&gt; &#7897;&#x1EA1;</t><![CDATA[a<b]]><!-- c --><e/></x:si>"
                    .utf8))
        var events: [XMLScanner.Event] = []
        while let event = try scanner.next() { events.append(event) }
        #expect(
            events == [
                .start(name: "si", attributes: ["a": "1 & 2"], selfClosing: false),
                .start(name: "t", attributes: [:], selfClosing: false),
                .text("<Quý> ộạ"), .end(name: "t"), .text("a<b"), .start(name: "e", attributes: [:], selfClosing: true),
                .end(name: "si"),
            ])
    }

    @Test(
        "The XML reader refuses a document type declaration and a stray ampersand",
        arguments: ["<!DOCTYPE x [<!ENTITY a \"b\">]><x/>", "<t>a & b</t>"])
    func xmlRefuses(text: String) {
        #expect(throws: SpreadsheetError.self) {
            var scanner = XMLScanner(Array(text.utf8))
            while try scanner.next() != nil {}
        }
    }

    @Test(
        "Serial dates in the 1900 system (with Excel's 29/2/1900) and the 1904 system",
        arguments: [
            (45_380.0, false, CivilDate(year: 2024, month: 3, day: 29)),
            (45_380.75, false, CivilDate(year: 2024, month: 3, day: 29)),
            (59, false, CivilDate(year: 1900, month: 2, day: 28)), (61, false, CivilDate(year: 1900, month: 3, day: 1)),
            (1, false, CivilDate(year: 1900, month: 1, day: 1)),
            (43_918, true, CivilDate(year: 2024, month: 3, day: 29)),
        ])
    func serialDates(serial: Double, date1904: Bool, expected: CivilDate?) {
        #expect(XLSXReader.serialDate(serial, date1904: date1904) == expected)
    }

    @Test("Serial 60 of the 1900 system is a day that never was")
    func fictitiousLeapDay() {
        #expect(XLSXReader.serialDate(60, date1904: false) == nil)
    }

    @Test(
        "Date formats",
        arguments: [
            ("dd/mm/yyyy", true), ("d-mmm-yy", true), ("[$-42A]dd/mm/yyyy", true), ("\"Ngày\" dd", true),
            ("0.00", false),
            ("#,##0", false), ("General", false), ("[Red]0", false), ("h:mm", false), ("\"tháng\" 0", false),
        ])
    func dateFormats(code: String, isDate: Bool) {
        #expect(XLSXReader.isDateFormat(code) == isDate)
    }

    @Test(
        "Cell references and column names", arguments: [("A1", 1, 1), ("B3", 2, 3), ("AB12", 28, 12), ("$C$4", 3, 4)])
    func references(reference: String, column: Int, row: Int) throws {
        let parsed = try #require(Sheet.parseReference(reference))
        #expect(parsed.column == column && parsed.row == row)
        #expect(Sheet.columnName(column) == reference.filter { $0.isLetter })
    }
}
