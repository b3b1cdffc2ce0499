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
        var responsible: [(name: String, at: SourceLocation)]
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
    /// The header the rows were read under: the columns used, those not read, those found by their cells.
    var header: HeaderRow?
    /// Blank cells of a CSV file's merged columns given the value above.
    var filledCells = 0
    /// Rows with an error in a cell: no task, their names checked all the same.
    var unreadRows: [Row] = []
    /// Rows without a number, given the next one.
    var numbered: [Int] = []

    /// Reads the table from the sheets of one file.
    ///
    /// - Parameters:
    ///   - sheetName: the sheet the config names; else the first sheet whose headers are recognised.
    ///   - columns: header texts the config maps to fields, for other layouts.
    static func read(
        _ sheets: [Sheet], file: String, source: PlanSource, columns: ColumnMapping, log: DiagnosticLog,
        isKnown: @escaping (String) -> Bool = { _ in false }
    ) -> AssignmentTable? {
        let fileLocation = SourceLocation(file: file)
        let located = sheets.compactMap { sheet in HeaderRow.find(in: sheet, mapping: columns).map { (sheet, $0) } }
        let taskSheet: (Sheet, HeaderRow)?
        if let wanted = source.sheet {
            guard let sheet = sheets.first(where: { $0.name == wanted }) else {
                log.add(
                    source.listedAt, .noSuchSheet(file: file, sheet: wanted), hint: .sheetsAre(sheets.map(\.name)))
                return nil
            }
            guard let header = taskHeader(in: sheet, columns: columns) else {
                log.add(
                    SourceLocation(file: file, sheet: sheet.name.isEmpty ? nil : sheet.name),
                    sheet.rowCount == 0 ? .emptySheet : .noHeaderRow, hint: .headersExpected)
                refuse(sheet, columns: columns, at: SourceLocation(file: file, sheet: sheet.name), log: log)
                return nil
            }
            taskSheet = (sheet, header)
        } else {
            // A sheet whose headers name its roles first; else one whose roles its cells give.
            let ordered = located.filter { $0.1.isTaskTable }.map(\.0) + sheets
            taskSheet =
                ordered.lazy.compactMap { sheet in taskHeader(in: sheet, columns: columns).map { (sheet, $0) } }
                .first
        }
        guard let (sheet, header) = taskSheet else {
            let empty = sheets.allSatisfy { $0.rowCount == 0 }
            log.add(fileLocation, empty ? .emptySpreadsheet : .noTaskSheet, hint: .headersExpected)
            if !empty, let sheet = sheets.max(by: { $0.rowCount < $1.rowCount }) {
                refuse(sheet, columns: columns, at: fileLocation, log: log)
            }
            return nil
        }
        var reader = RowReader(sheet: sheet, header: header, file: file, log: log)
        reader.isKnown = isKnown
        guard let year = source.year ?? reader.mostNamedYear() else {
            log.add(source.listedAt, .noPlanYear(file: file), hint: .writeTheYear)
            return nil
        }
        reader.planYear = year
        // Without a title row above the headers: the year, and the file's name to tell two such plans apart
        // (the report and the mails show the title; a path would read as a fault).
        let title = reader.titleAbove() ?? "Kế hoạch năm \(year) (\((file as NSString).lastPathComponent))"
        var table = AssignmentTable(title: title, year: year)
        table.header = header
        reader.readRows(into: &table)
        for (other, otherHeader) in located where other.name != sheet.name && otherHeader.isCompletionTable {
            var completions = RowReader(sheet: other, header: otherHeader, file: file, log: log)
            table.completions += completions.readCompletions()
        }
        return table
    }

    /// A sheet's header when its roles are found, some from what the cells hold.
    private static func taskHeader(in sheet: Sheet, columns: ColumnMapping) -> HeaderRow? {
        if var header = HeaderRow.find(in: sheet, mapping: columns), header.isTaskTable {
            header.proposeRoles(in: sheet)
            return header
        }
        guard var header = HeaderRow.likeliest(in: sheet, mapping: columns) else { return nil }
        header.proposeRoles(in: sheet)
        return header.isTaskTable ? header : nil
    }

    /// Says, for a table whose roles cannot be found, the headers seen, the role each got, and the mapping to
    /// write.
    private static func refuse(_ sheet: Sheet, columns: ColumnMapping, at location: SourceLocation, log: DiagnosticLog)
    {
        guard let header = HeaderRow.likeliest(in: sheet, mapping: columns) else { return }
        let seen = header.written.sorted { $0.key < $1.key }.map { column, text in
            SeenHeader(
                column: Sheet.columnName(column), header: text,
                role: header.columns.first { $0.value == column }?.key.rawValue)
        }
        let needed: [TableField] = [.title, .deadline, .responsible].filter { header.columns[$0] == nil }
        let free = seen.filter { $0.role == nil }
        let mapping = needed.enumerated().map { index, field in
            "\(field.rawValue) = \"\(index < free.count ? free[index].header : "…")\""
        }
        log.add(location, .headersSeen(seen), hint: .writeColumns(mapping))
    }
}
extension AssignmentTable {
    /// Keeps the rows a body must follow (`import --for`): it, or a collective that includes it ("UBND các
    /// xã, phường" includes a ward), in charge or assisting. A collective in charge becomes the body.
    mutating func keep(for unit: String) {
        let key = NameResolver.key(unit)
        let level = BodyName.level(of: unit)
        func names(_ name: String) -> Bool {
            if NameResolver.key(name) == key { return true }
            guard let level, let levels = BodyName.collective(name) else { return false }
            return levels.contains(level)
        }
        rows = rows.filter { row in
            row.responsible.contains { names($0.name) } || row.coordinating.contains(where: names)
        }.map { row in
            var row = row
            var seen: Set<String> = []
            row.responsible = row.responsible.map { names($0.name) ? (unit, $0.at) : $0 }
                .filter { seen.insert(NameResolver.key($0.name)).inserted }
            return row
        }
    }
}
