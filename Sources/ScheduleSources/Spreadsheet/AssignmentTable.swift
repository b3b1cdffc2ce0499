import Catalogue
import Foundation
import Model
import WorkingCalendar

/// The assignment table (biểu phân công) of a spreadsheet, read row by row into plain values: names as
/// written, deadlines parsed. Rows that cannot be read are reported with their cell, never skipped.
struct AssignmentTable {
    /// One task row, before its names are resolved.
    struct Row {
        let location: SourceLocation
        let id: String
        let section: String?
        let title: String
        let lead: (name: String, at: SourceLocation)?
        let responsible: [(name: String, at: SourceLocation)]
        let coordinating: [String]
        let deadline: Deadline
        let finishBefore: Bool
        /// The deadline as the cell holds it, for `import`: a phrase, or an ISO date.
        let deadlineText: String
        let completed: CivilDate?
        let isFocus: Bool
        let note: String?
        let document: String?
        let target: String?
        let carriedOverFrom: Int?
        let report: ReportCadence?
    }

    /// A completion from a completions sheet: a task, its occurrence, the day it was done.
    struct CompletionRow {
        let location: SourceLocation
        let task: String
        let occurrence: CivilDate?
        let completion: Completion
    }

    let title: String
    let year: Int
    var sections: [(id: String, title: String)] = []
    var rows: [Row] = []
    var completions: [CompletionRow] = []

    /// Reads the table from the sheets of one file.
    ///
    /// - Parameters:
    ///   - sheetName: the sheet the config names; else the first sheet whose headers are recognised.
    ///   - columns: header texts the config maps to fields, for other layouts.
    static func read(
        _ sheets: [Sheet], file: String, source: PlanSource, columns: [String: TableField], log: DiagnosticLog
    ) -> AssignmentTable? {
        let fileLocation = SourceLocation(file: file)
        let located = sheets.compactMap { sheet in HeaderRow.find(in: sheet, overrides: columns).map { (sheet, $0) } }
        let taskSheet: (Sheet, HeaderRow)?
        if let wanted = source.sheet {
            guard let sheet = sheets.first(where: { $0.name == wanted }) else {
                log.add(
                    source.listedAt, .noSuchSheet(file: file, sheet: wanted), hint: .sheetsAre(sheets.map(\.name)))
                return nil
            }
            guard let header = HeaderRow.find(in: sheet, overrides: columns), header.isTaskTable else {
                log.add(
                    SourceLocation(file: file, sheet: sheet.name.isEmpty ? nil : sheet.name),
                    sheet.rowCount == 0 ? .emptySheet : .noHeaderRow, hint: .headersExpected)
                return nil
            }
            taskSheet = (sheet, header)
        } else {
            taskSheet = located.first { $0.1.isTaskTable }
        }
        guard let (sheet, header) = taskSheet else {
            let empty = sheets.allSatisfy { $0.rowCount == 0 }
            log.add(fileLocation, empty ? .emptySpreadsheet : .noTaskSheet, hint: .headersExpected)
            return nil
        }
        var reader = RowReader(sheet: sheet, header: header, file: file, log: log)
        guard let year = source.year ?? reader.mostNamedYear() else {
            log.add(source.listedAt, .noPlanYear(file: file), hint: .writeTheYear)
            return nil
        }
        reader.planYear = year
        // Without a title row above the headers: the year, and the file's name to tell two such plans apart
        // (the report and the mails show the title; a path would read as a fault).
        let title = reader.titleAbove() ?? "Kế hoạch năm \(year) (\((file as NSString).lastPathComponent))"
        var table = AssignmentTable(title: title, year: year)
        reader.readRows(into: &table)
        for (other, otherHeader) in located where other.name != sheet.name && otherHeader.isCompletionTable {
            var completions = RowReader(sheet: other, header: otherHeader, file: file, log: log)
            table.completions += completions.readCompletions()
        }
        return table
    }
}

/// The header row of a sheet and the column of each field it names.
struct HeaderRow {
    let row: Int
    let columns: [TableField: Int]

    var isTaskTable: Bool {
        columns[.title] != nil && (columns[.deadline] != nil || columns[.responsible] != nil)
    }

    var isCompletionTable: Bool {
        columns[.id] != nil && columns[.completed] != nil && columns[.title] == nil
    }

    /// The first of the sheet's first 30 rows whose cells name a task table or a completions table.
    static func find(in sheet: Sheet, overrides: [String: TableField]) -> HeaderRow? {
        for row in 1...max(1, min(30, sheet.rowCount)) {
            var columns: [TableField: Int] = [:]
            for column in 1...max(1, sheet.columnCount) {
                guard case .text(let text)? = sheet.value(row: row, column: column),
                    let field = TableField.field(forHeader: text, overrides: overrides), columns[field] == nil
                else { continue }
                columns[field] = column
            }
            let header = HeaderRow(row: row, columns: columns)
            if header.isTaskTable || header.isCompletionTable { return header }
        }
        return nil
    }
}
