import Catalogue
import Testing

@testable import ScheduleSources

/// Inputs that once crashed a reader, kept so they never do again.
@Suite("Regressions found by fuzzing")
struct RegressionTests {
    @Test(
        "A cell reference with a row number past Int.max is no reference",
        arguments: ["A99999999999999999999", "ZZZZZZZZZZZZZZZ1"])
    func hugeReference(reference: String) {
        #expect(Sheet.parseReference(reference) == nil)
    }

    @Test(
        "Rows numbered beyond Excel's limit, reversed and sheet-sized merges: refused or skipped, never a crash or a hang"
    )
    func sheetXML() throws {
        let workbook = """
            <worksheet><sheetData><row r="3"><c r="A3" t="inlineStr"><is><t>x</t></is></c></row></sheetData>
            <mergeCells><mergeCell ref="B5:A1"/><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>
            """
        let sheet = try worksheet(workbook)
        #expect(sheet.value(row: 3, column: 1) == .text("x"))
        #expect(sheet.rowCount == 3)
        #expect(throws: SpreadsheetError.self) {
            try worksheet("<worksheet><sheetData><row r=\"99999999999\"/></sheetData></worksheet>")
        }
    }

    /// A worksheet's XML read alone, without shared strings or date styles.
    private func worksheet(_ xml: String) throws -> Sheet {
        try XLSXReader.sheet(Array(xml.utf8), name: "t", strings: [], dateStyles: [], date1904: false)
    }
}
