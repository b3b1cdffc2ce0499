import Catalogue
import Model
import WorkingCalendar

/// Reads the rows under a header row, cell by cell, reporting each cell it cannot read at
/// `file!sheet:row:column`.
struct RowReader {
    let sheet: Sheet
    let header: HeaderRow
    let file: String
    let log: DiagnosticLog
    /// The plan's year, filling in deadlines that name none.
    var planYear = 0
    /// Whether the directory knows a name: a known name is never cut at its commas.
    var isKnown: (String) -> Bool = { _ in false }
    /// A CSV file has lost its merged cells: a blank cell under one merged down takes the value above.
    var fillsMergedCells: Bool { sheet.name.isEmpty }

    func location(_ row: Int, _ field: TableField? = nil) -> SourceLocation {
        SourceLocation(
            file: file, line: row, sheet: sheet.name.isEmpty ? nil : sheet.name,
            column: field.flatMap { header.columns[$0] }.map(Sheet.columnName), header: field.flatMap(header.header))
    }

    func value(_ row: Int, _ field: TableField) -> Sheet.Value? {
        header.columns[field].flatMap { sheet.value(row: row, column: $0) }
    }

    func text(_ row: Int, _ field: TableField) -> String? {
        value(row, field).map { VietnameseText.collapseSpaces($0.text) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The cells of names already cut: a table writes the same few bodies in thousands of rows.
    private let cutNames = NameCells()

    /// The names a cell lists (``BodyName/split(_:isKnown:)``).
    func names(_ row: Int, _ field: TableField) -> [String]? {
        value(row, field).map { cell in
            let text = cell.text
            if let names = cutNames.cells[text] { return names }
            let names = BodyName.split(text, isKnown: isKnown)
            cutNames.cells[text] = names
            return names
        }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The year the deadline column names most often, for a table whose year the config does not give.
    func mostNamedYear() -> Int? {
        var counts: [Int: Int] = [:]
        for row in header.firstDataRow...max(header.firstDataRow, sheet.rowCount) {
            switch value(row, .deadline) {
            case .date(let date)?: counts[date.year, default: 0] += 1
            case .number(let number)? where (1900.0...2100.0).contains(number) && number == number.rounded():
                counts[Int(number), default: 0] += 1
            case .text(let text)?:
                for token in DeadlineToken.tokenize(text) {
                    if case .number(let n, 4) = token, WorkingCalendar.supportedYears.contains(n) {
                        counts[n, default: 0] += 1
                    }
                }
            default: continue
            }
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// The first text above the header row: the table's title ("BIỂU PHÂN CÔNG THỰC HIỆN NHIỆM VỤ…").
    func titleAbove() -> String? {
        for row in stride(from: 1, to: header.row, by: 1) {
            for column in 1...max(1, sheet.columnCount) {
                if case .text(let text)? = sheet.value(row: row, column: column), !text.isEmpty {
                    return VietnameseText.collapseSpaces(text)
                }
            }
        }
        return nil
    }

    mutating func readRows(into table: inout AssignmentTable) {
        var section: Section?
        var ids: [String: Int] = [:]
        guard sheet.rowCount >= header.firstDataRow else {
            log.add(location(header.row), .noTaskRows)
            return
        }
        // The numbers written, so that a number given to a row without one is none of them.
        let written = Set((header.firstDataRow...sheet.rowCount).compactMap { number($0) })
        var previous: (id: String, row: Int)?
        for row in header.firstDataRow...sheet.rowCount {
            // A table that ran over several pages repeats its header (and its column numbers) on each.
            if header.isRepeated(in: sheet.cells[row] ?? [:]) { continue }
            let number = number(row)
            let title = text(row, .title)
            // A heading merged across the row ("I | NHÓM NHIỆM VỤ …" over every column) fills the deadline and
            // responsible cells with its own text.
            let acrossRow = title != nil && (text(row, .deadline) == title || text(row, .responsible) == title)
            let deadlineCell = acrossRow ? nil : value(row, .deadline)
            let responsibleCell = acrossRow ? nil : text(row, .responsible)
            guard number != nil || title != nil || deadlineCell != nil || responsibleCell != nil else {
                if let other = sheet.cells[row], !other.isEmpty, !isTotalRow(other) {
                    log.add(location(row), .rowWithoutTask(other.values.first!.text), hint: .fillInTheTitle)
                }
                continue
            }
            // "2.1. Về lĩnh vực kinh tế…": a number and text, no deadline and no responsible; or a heading in
            // capitals without a number ("NHIỆM VỤ TRỌNG TÂM").
            if deadlineCell == nil && (responsibleCell == nil || Self.isRomanOrLetter(number) || opensGroup(row)),
                let heading = Self.sectionHeading(number: number, title: title)
                    ?? title.flatMap({ Self.isHeadingText($0) ? (String(table.sections.count + 1), $0) : nil })
            {
                table.sections.append(heading)
                // A heading's lead leads the rows under it; its Chủ trì is theirs where they write none.
                section = Section(
                    id: heading.id, lead: text(row, .lead).map { ($0, location(row, .lead)) },
                    responsible: responsibleCell == nil ? nil : row)
                previous = nil
                continue
            }
            guard let title else {
                log.add(location(row, .title), .rowWithoutTitle)
                continue
            }
            let numberField: TableField = header.columns[.id] != nil ? .id : .stt
            let given: String
            if let number {
                given = number
            } else {
                // A task without a number (its STT merged with the row above, or a "-" item): the next one.
                given = Self.nextNumber(after: previous?.id.split(separator: ".").last.map(String.init), taken: written)
                table.numbered.append(row)
            }
            let id =
                header.columns[.id] != nil || section == nil || given.hasPrefix(section!.id + ".")
                ? given : "\(section!.id).\(given)"
            if let first = ids[id] {
                log.add(location(row, numberField), .secondTaskID(id), hint: .theFirstIsOnRow(first))
                continue
            }
            ids[id] = row
            if let read = readRow(row, id: id, title: title, section: section, above: previous?.row, table: &table) {
                table.rows.append(read)
            }
            previous = (given, row)
        }
    }

    /// The row's number (Mã, else STT), without a closing "." or ")" ("1." is 1, "a)" is a); a bullet ("-",
    /// "+") is none, and so is a number merged down from the row above (two tasks under one STT).
    private func number(_ row: Int) -> String? {
        let field: TableField = header.columns[.id] != nil ? .id : .stt
        if let column = header.columns[field], sheet.isMerged(row: row, column: column) { return nil }
        guard let text = text(row, field), !text.allSatisfy({ "-+•*–.".contains($0) }) else { return nil }
        var number = Substring(text)
        while let last = number.last, ".)".contains(last), number.count > 1 { number = number.dropLast() }
        return String(number)
    }

    /// A section of the table as its rows read it: its number, and the lead and Chủ trì its heading row
    /// writes for the rows under it.
    struct Section {
        let id: String
        let lead: (String, SourceLocation)?
        /// The heading's row, when it names who is in charge.
        let responsible: Int?
    }

    /// "I", "II", "A", "B": a number only a heading has.
    static func isRomanOrLetter(_ number: String?) -> Bool {
        guard let number, !number.isEmpty else { return false }
        return number.allSatisfy { "IVXL".contains($0) } || (number.count == 1 && number.first!.isUppercase)
    }

    /// Whether a row without a deadline opens a group: the task row under it has no number of its own (a
    /// "-" item) or one under its number ("2" over "2.1").
    private func opensGroup(_ row: Int) -> Bool {
        guard let own = number(row), row < sheet.rowCount else { return false }
        for next in (row + 1)...sheet.rowCount where sheet.cells[next]?.isEmpty == false {
            guard text(next, .title) != nil else { return false }
            guard let theirs = number(next) else { return true }
            return theirs.hasPrefix(own + ".")
        }
        return false
    }

    /// "Tổng cộng: 25 nhiệm vụ" under the table: no task.
    private func isTotalRow(_ cells: [Int: Sheet.Value]) -> Bool {
        cells.values.contains { VietnameseText.folded($0.text).hasPrefix("tong") }
    }

    /// A heading written in capitals ("NHÓM NHIỆM VỤ VỀ THỂ CHẾ"): at least two words, no lower-case letter.
    static func isHeadingText(_ text: String) -> Bool {
        text.split(separator: " ").count >= 2 && text.contains(where: \.isLetter)
            && !text.contains(where: \.isLowercase)
    }

    /// The number after `last` ("3" → "4"), passing over those the table writes; "1" for the first.
    static func nextNumber(after last: String?, taken: Set<String>) -> String {
        var next = (last.flatMap { Int($0) } ?? 0) + 1
        while taken.contains(String(next)) { next += 1 }
        return String(next)
    }

    private func readRow(
        _ row: Int, id: String, title: String, section: Section?, above: Int?,
        table: inout AssignmentTable
    ) -> AssignmentTable.Row? {
        let before = log.items.count
        // In a CSV file, the blank cells of a merged responsible or deadline column.
        func filled(_ field: TableField) -> Int {
            guard fillsMergedCells, header.columns[field] != nil, value(row, field) == nil, let above,
                value(above, field) != nil
            else { return row }
            table.filledCells += 1
            return above
        }
        let (responsibleRow, deadlineRow) = (filled(.responsible), filled(.deadline))
        // Phối hợp is blank by intent often; merged with Chủ trì, it goes down with it.
        let coordinatingRow = responsibleRow != row ? filled(.coordinating) : row
        guard
            let responsible = names(responsibleRow, .responsible)
                ?? section?.responsible.flatMap({ names($0, .responsible) })
        else {
            log.add(location(row, .responsible), .taskWithoutResponsible(id), hint: .writeResponsible)
            return nil
        }
        guard let deadlineCell = value(deadlineRow, .deadline) else {
            log.add(location(row, .deadline), .taskWithoutDeadline(id), hint: .writeOngoing)
            return nil
        }
        let (reading, deadlineText) =
            readDeadline(deadlineCell, row: row) ?? (.init(deadline: .ongoing, finishBefore: false), "")
        let deadline = reading.deadline
        if let years = Self.years(of: deadline), !years.contains(planYear) {
            log.warn(location(row, .deadline), .deadlineOutsidePlanYear(deadlineText, year: planYear))
        }
        let lead = text(row, .lead).map { ($0, location(row, .lead)) } ?? section?.lead
        let completed = readDate(row, .completed)
        if completed != nil, case .recurring = deadline {
            log.add(location(row, .completed), .recurringCompletedCell(id))
        }
        let focus = readFocus(row)
        let note = text(row, .note)
        let carried = readCarryOver(row) ?? note.flatMap { Self.carryOverYear(inNote: $0, planYear: planYear) }
        let report = text(row, .report).flatMap { text -> ReportCadence? in
            let folded = VietnameseText.folded(text)
            if folded.contains("6 thang") { return .halfYearly }
            if folded.contains("thang") { return .monthly }
            if folded.contains("quy") { return .quarterly }
            if folded.contains("nam") { return .yearly }
            log.add(location(row, .report), .notAReportPeriod(text), hint: .reportPeriods)
            return nil
        }
        let read = AssignmentTable.Row(
            location: location(row), id: id, section: section?.id, title: title,
            lead: lead.map { (name: $0.0, at: $0.1) },
            responsible: responsible.map { (name: $0, at: location(row, .responsible)) },
            coordinating: names(coordinatingRow, .coordinating) ?? [], deadline: deadline,
            finishBefore: reading.finishBefore,
            deadlineText: deadlineText,
            completed: completed, isFocus: focus, note: note, document: text(row, .document),
            target: text(row, .target), carriedOverFrom: carried, report: report)
        // A row with an error is not a task, but its names are checked all the same, so that the clerk
        // mends the table in one round.
        guard log.items.count == before else {
            table.unreadRows.append(read)
            return nil
        }
        return read
    }

    /// The carry-over column (Chuyển tiếp, Năm chuyển tiếp): a year, or a mark ("x") for the year before
    /// the plan's.
    private func readCarryOver(_ row: Int) -> Int? {
        guard let text = text(row, .carriedOverFrom) else { return nil }
        let folded = VietnameseText.folded(text)
        if ["x", "co", "v", "✓", "chuyen tiep"].contains(folded) { return planYear - 1 }
        guard let year = Int(text.filter(\.isNumber)), WorkingCalendar.supportedYears.contains(year), year < planYear
        else {
            log.add(location(row, .carriedOverFrom), .notACarryOverYear(text))
            return nil
        }
        return year
    }

    /// "Chuyển tiếp từ năm 2024" in a note: the year it names; "chuyển tiếp" alone, the year before the plan's.
    static func carryOverYear(inNote note: String, planYear: Int) -> Int? {
        let tokens = DeadlineToken.tokenize(note)
        guard
            let start = tokens.indices.first(where: {
                tokens[$0] == .word("chuyen") && $0 + 1 < tokens.count && tokens[$0 + 1] == .word("tiep")
            })
        else { return nil }
        for token in tokens[(start + 2)...].prefix(3) {
            if case .number(let year, 4) = token, year < planYear { return year }
        }
        return planYear - 1
    }

    /// The years a deadline falls in; nil for one that has none (ongoing, no fixed deadline).
    static func years(of deadline: Deadline) -> ClosedRange<Int>? {
        switch deadline {
        case .date(let date): date.year...date.year
        case .periodEnd(let period): period.lastDay.year...period.lastDay.year
        case .recurring(let recurrence): recurrence.start.year...recurrence.end.year
        case .beforeTet(let year): year...year
        case .ongoing, .noFixedDeadline: nil
        }
    }

    private func readDeadline(_ cell: Sheet.Value, row: Int) -> (DeadlinePhrase.Reading, String)? {
        switch cell {
        case .date(let date):
            return (.init(deadline: .date(date), finishBefore: false), date.iso)
        case .text(let phrase):
            do {
                return (try DeadlinePhrase.read(phrase, planYear: planYear), VietnameseText.collapseSpaces(phrase))
            } catch {
                log.add(location(row, .deadline), .deadline(error))
                return nil
            }
        case .number(let number) where (1900.0...2100.0).contains(number) && number == number.rounded():
            // "2025" typed into a cell Excel keeps as a number: the year.
            return (.init(deadline: .periodEnd(.year(Int(number))), finishBefore: false), cell.text)
        case .number, .boolean:
            log.add(location(row, .deadline), .cellNotADeadline(cell.text), hint: .formatAsDate)
            return nil
        }
    }

    private func readDate(_ row: Int, _ field: TableField) -> CivilDate? {
        switch value(row, field) {
        case nil: return nil
        case .date(let date)?: return date
        case let cell?:
            if let date = try? CivilDate.parse(cell.text) { return date }
            log.add(location(row, field), .cellNotADate(cell.text), hint: .writeADate)
            return nil
        }
    }

    private func readFocus(_ row: Int) -> Bool {
        guard let text = text(row, .focus) else { return false }
        switch VietnameseText.folded(text) {
        case "x", "co", "yes", "1", "true", "✓", "v", "trong tam": return true
        case "khong", "no", "0", "false", "-": return false
        default:
            log.add(location(row, .focus), .notAFocusMark(text), hint: .focusMark)
            return false
        }
    }

    mutating func readCompletions() -> [AssignmentTable.CompletionRow] {
        guard sheet.rowCount >= header.firstDataRow else { return [] }
        var completions: [AssignmentTable.CompletionRow] = []
        for row in header.firstDataRow...sheet.rowCount {
            guard let task = text(row, .id) else {
                if sheet.cells[row]?.isEmpty == false {
                    log.add(location(row, .id), .completionWithoutTask)
                }
                continue
            }
            let before = log.items.count
            let occurrence = readDate(row, .occurrence)
            let date = readDate(row, .completed)
            if date == nil && log.items.count == before {
                log.add(location(row, .completed), .completionWithoutDate(task: task))
            }
            guard let date, log.items.count == before else { continue }
            completions.append(
                AssignmentTable.CompletionRow(
                    location: location(row), task: task, occurrence: occurrence,
                    completion: Completion(date: date, note: text(row, .note))))
        }
        return completions
    }

    /// A section heading from its number and text: ("2.1", "Về lĩnh vực kinh tế"), the number taken
    /// from the start of the text when the number column is empty ("2.1. Về lĩnh vực…").
    static func sectionHeading(number: String?, title: String?) -> (id: String, title: String)? {
        if let number, let title { return (number.trimmingCharacters(in: ". "), title) }
        guard let text = number ?? title else { return nil }
        let prefix = text.prefix { $0.isNumber || $0 == "." }
        let id = prefix.trimmingCharacters(in: ". ")
        guard !id.isEmpty, id.first!.isNumber else {
            // A Roman numeral heading: "II. NHIỆM VỤ CHỦ YẾU".
            let roman = text.prefix { "IVXLC".contains($0) }
            guard !roman.isEmpty, text.dropFirst(roman.count).first == "." else { return nil }
            return (String(roman), text.dropFirst(roman.count + 1).trimmingCharacters(in: " "))
        }
        return (id, text.dropFirst(prefix.count).trimmingCharacters(in: ". "))
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}

/// The names of each cell text a table's reader has cut, shared by its copies.
final class NameCells {
    var cells: [String: [String]] = [:]
}
