import Catalogue

/// The header of a sheet's table and the column of each field it names: one row, or two when a parent
/// header spans its parts ("Đơn vị thực hiện" over "Chủ trì" and "Phối hợp"), followed or not by a row of
/// column numbers ("(1) (2) (3)").
struct HeaderRow {
    /// The header's last row.
    let row: Int
    /// The first row under the header and its column numbers.
    let firstDataRow: Int
    private(set) var columns: [TableField: Int]
    /// Each column's header as written; a two-level header's words joined ("Đơn vị thực hiện / Chủ trì").
    let written: [Int: String]
    /// Columns given their role by what their cells hold, their header naming none: for the summary.
    private(set) var byContent: [(column: Int, field: TableField)] = []

    var isTaskTable: Bool {
        columns[.title] != nil && (columns[.deadline] != nil || columns[.responsible] != nil)
    }

    var isCompletionTable: Bool {
        columns[.id] != nil && columns[.completed] != nil && columns[.title] == nil
    }

    /// The header as written of a field's column.
    func header(of field: TableField) -> String? { columns[field].flatMap { written[$0] } }

    /// Headers the table has that nhacviec does not read, as written: "Nguồn kinh phí", "Sản phẩm dự kiến".
    var unused: [String] {
        let read = Set(columns.filter { $0.key != .product }.values)
        return written.keys.sorted().filter { !read.contains($0) }.map { written[$0]! }
    }

    /// The first of the sheet's first 30 rows whose cells name a task table or a completions table.
    static func find(in sheet: Sheet, mapping: ColumnMapping) -> HeaderRow? {
        for row in 1...max(1, min(30, sheet.rowCount)) {
            let found = fields(of: row, in: sheet, mapping: mapping)
            let header = HeaderRow(sheet: sheet, rows: [row], fields: found, mapping: mapping)
            guard header.isTaskTable || header.isCompletionTable else { continue }
            // A second header row: every cell in it a header, or a column number.
            let next = fields(of: row + 1, in: sheet, mapping: mapping)
            let cells = sheet.cells[row + 1] ?? [:]
            // A header merged down both rows ("Nguồn kinh phí") repeats its text in the second.
            let repeated = { (column: Int, value: Sheet.Value) in sheet.value(row: row, column: column) == value }
            if !next.isEmpty,
                cells.allSatisfy({ next[$0.key] != nil || isColumnNumber($0.value) || repeated($0.key, $0.value) })
            {
                return HeaderRow(
                    sheet: sheet, rows: [row, row + 1], fields: found.merging(next) { $1 }, mapping: mapping)
            }
            return header
        }
        return nil
    }

    /// The row of a table with the most headers, for a sheet where none names the roles it needs: the
    /// roles are then proposed from the cells under it.
    static func likeliest(in sheet: Sheet, mapping: ColumnMapping) -> HeaderRow? {
        let rows = 1...max(1, min(30, sheet.rowCount))
        let texts = { (row: Int) in
            (sheet.cells[row] ?? [:]).values.filter { if case .text = $0 { true } else { false } }.count
        }
        guard let row = rows.max(by: { (texts($0), $1) < (texts($1), $0) }), texts(row) >= 2 else { return nil }
        return HeaderRow(
            sheet: sheet, rows: [row], fields: fields(of: row, in: sheet, mapping: mapping), mapping: mapping)
    }

    private init(sheet: Sheet, rows: [Int], fields: [Int: TableField], mapping: ColumnMapping) {
        row = rows.last!
        var written: [Int: String] = [:]
        for row in rows {
            for (column, value) in sheet.cells[row] ?? [:] {
                guard case .text(let raw) = value else { continue }
                let text = VietnameseText.collapseSpaces(raw)
                written[column] = written[column].map { $0 == text ? $0 : "\($0) / \(text)" } ?? text
            }
        }
        self.written = written
        var columns: [TableField: Int] = [:]
        for (column, field) in fields.sorted(by: { $0.key < $1.key }) where columns[field] == nil {
            columns[field] = column
        }
        // A letter names a column unless a header is written so ("TT").
        let headers = Set(written.values.map(TableField.fold))
        for (column, field) in mapping.byColumn where !headers.contains(TableField.fold(Sheet.columnName(column))) {
            columns[field] = column
        }
        self.columns = columns
        let next = row + 1
        let numbers = sheet.cells[next].map {
            !$0.isEmpty && $0.count >= 2 && $0.values.allSatisfy(Self.isColumnNumber)
        }
        firstDataRow = numbers == true ? next + 1 : next
    }

    /// The field each text cell of a row names.
    private static func fields(of row: Int, in sheet: Sheet, mapping: ColumnMapping) -> [Int: TableField] {
        var fields: [Int: TableField] = [:]
        for (column, value) in sheet.cells[row] ?? [:] {
            guard case .text(let text) = value,
                let field = TableField.field(forHeader: text, overrides: mapping.byHeader)
            else { continue }
            fields[column] = field
        }
        return fields
    }

    /// Whether a row repeats the header or its column numbers, as a table printed over several pages does.
    func isRepeated(in cells: [Int: Sheet.Value]) -> Bool {
        guard cells.count >= 2 else { return false }
        // Every cell as the header writes it (one of a two-level header's words), or a column number.
        return cells.values.allSatisfy(Self.isColumnNumber)
            || cells.allSatisfy { column, value in
                guard case .text(let text) = value, let header = written[column] else { return false }
                let cell = VietnameseText.collapseSpaces(text)
                return header == cell || header.split(separator: " / ").contains { $0 == cell }
            }
    }

    /// "(1)", "1", "A", "(a)": a column's number under its header.
    static func isColumnNumber(_ value: Sheet.Value) -> Bool {
        switch value {
        case .number(let number): return number == number.rounded() && number >= 0 && number < 100
        case .text(let text):
            let bare = text.filter { !"() ".contains($0) }
            return !bare.isEmpty && bare.count <= 3 && bare.allSatisfy { $0.isASCII && ($0.isNumber || $0.isLetter) }
        default: return false
        }
    }

    /// Gives roles the header left unnamed to the columns whose cells hold them: deadlines ("Quý IV/2025",
    /// dates), bodies ("Sở Tư pháp", "UBND các xã, phường") or the longest texts (the tasks).
    mutating func proposeRoles(in sheet: Sheet) {
        let free = Set(written.keys).union(sheet.cells[firstDataRow]?.keys.map { $0 } ?? []).subtracting(columns.values)
        let rows = firstDataRow...max(firstDataRow, sheet.rowCount)
        func share(_ column: Int, _ test: (Sheet.Value) -> Bool) -> Double {
            let values = rows.compactMap { sheet.value(row: $0, column: column) }
            guard values.count >= 2 else { return 0 }
            return Double(values.filter(test).count) / Double(values.count)
        }
        func propose(_ field: TableField, _ test: (Sheet.Value) -> Bool) {
            guard columns[field] == nil else { return }
            let best = free.subtracting(columns.values).map { ($0, share($0, test)) }.max {
                ($0.1, $1.0) < ($1.1, $0.0)
            }
            guard let (column, score) = best, score >= 0.5 else { return }
            columns[field] = column
            byContent.append((column, field))
        }
        propose(.deadline) { value in
            switch value {
            case .date: true
            case .text(let text): (try? DeadlinePhrase.parse(text, planYear: 2025)) != nil
            default: false
            }
        }
        propose(.responsible) { value in
            if case .text(let text) = value { BodyName.looksLikeBody(text) } else { false }
        }
        propose(.title) { value in
            if case .text(let text) = value { text.count >= 25 } else { false }
        }
    }
}

/// The columns the config's `columns` or `import --columns` give: by header as written, or by letter.
struct ColumnMapping {
    var byHeader: [String: TableField] = [:]
    var byColumn: [Int: TableField] = [:]

    /// From `field = "header"` pairs: a header that no cell of the sheets holds and that reads as column
    /// letters ("E") names that column.
    init(_ pairs: [String: String] = [:]) {
        for (name, header) in pairs {
            guard let field = TableField(name: name) else { continue }
            let letters = header.trimmingCharacters(in: .whitespaces)
            byHeader[TableField.fold(header)] = field
            if letters.count <= 3, letters.allSatisfy({ $0.isASCII && $0.isUppercase }),
                let (column, _) = Sheet.parseReference(letters + "1")
            {
                byColumn[column] = field
            }
        }
    }
}
