import Foundation
import Model

/// `nhacviec import`: an assignment table turned into an equivalent TOML plan, with every row that
/// could not be read.
public enum PlanImport {
    /// What the clerk asks of an import.
    public struct Request: Sendable {
        public let path: String
        public let year: Int?
        public let sheet: String?
        /// `field = header` (or a column letter), from `--columns` and the config's entry for the file.
        public let columns: [String: String]
        /// `--for UNIT`: only the rows where this body, or a collective that includes it, is in charge or
        /// assisting; a collective in charge becomes the body itself.
        public let unit: String?

        public init(path: String, year: Int?, sheet: String?, columns: [String: String] = [:], unit: String? = nil) {
            self.path = path
            self.year = year
            self.sheet = sheet
            self.columns = columns
            self.unit = unit
        }
    }

    public struct Result: Sendable {
        /// The TOML plan of the rows that were read.
        public let toml: String
        public let taskCount: Int
        /// The rows (and cells) that could not be read, or whose names do not resolve.
        public let problems: [Diagnostic]
        /// What was read but deserves a look: a deadline outside the plan's year.
        public let warnings: [Diagnostic]
        public let summary: ImportSummary
    }

    /// Reads the request's file (.xlsx or .csv). With a directory, names are checked against it too; bodies it
    /// does not know are written into the plan as its `[[unit]]`s.
    public static func run(_ request: Request, directory: Directory?) -> Result? {
        let log = DiagnosticLog()
        let source = PlanSource(
            path: request.path, year: request.year, sheet: request.sheet, columns: request.columns,
            listedAt: SourceLocation(file: request.path))
        let known = directory.map { CachedNameResolver(NameResolver(directory: $0)) }
        guard
            var table = SpreadsheetPlanReader.table(
                source, log: log,
                isKnown: { name in
                    known.map { (try? $0.assignee(name)) != nil } ?? false
                })
        else {
            return log.isEmpty
                ? nil : Result(toml: "", taskCount: 0, problems: log.items, warnings: [], summary: .init())
        }
        let read = table.rows.count + table.unreadRows.count
        if let unit = request.unit { table.keep(for: unit) }
        // Bodies the directory does not know (every body, without one), kept as the plan's own.
        var outside: [String] = []
        for name in table.rows.flatMap({ $0.responsible.map(\.name) }) where !outside.contains(name) {
            if let known, (try? known.assignee(name)) != nil { continue }
            if known == nil || BodyName.looksLikeBody(name) { outside.append(name) }
        }
        if let directory {
            let units = outside.map { Unit(id: BodyName.id($0), name: $0, contact: "") }
            let resolver = CachedNameResolver(NameResolver(directory: directory.adding(units)))
            _ = SpreadsheetPlanReader.plan(of: table, source: source, resolver: resolver, log: log)
        }
        let problems = Array(Set(log.items)).sorted {
            ($0.location.line ?? 0, $0.description) < ($1.location.line ?? 0, $1.description)
        }
        let refusedRows = Set(problems.compactMap(\.location.line)).count
        let summary = ImportSummary(
            rowsRead: read, kept: table.rows.count,
            noFixedDeadline: table.rows.filter { $0.deadline == .noFixedDeadline }.count,
            refusedRows: refusedRows, unusedColumns: table.header?.unused ?? [],
            byContent: (table.header?.byContent ?? []).map {
                (table.header?.written[$0.column] ?? Sheet.columnName($0.column), $0.field.rawValue)
            },
            filledCells: table.filledCells, numberedRows: table.numbered, outsideBodies: outside)
        return Result(
            toml: toml(
                table, id: ((request.path as NSString).lastPathComponent as NSString).deletingPathExtension,
                units: outside),
            taskCount: table.rows.count, problems: problems, warnings: log.warnings, summary: summary)
    }

    static func toml(_ table: AssignmentTable, id: String, units: [String] = []) -> String {
        var lines = [
            "# Imported by nhacviec from the assignment table; names and deadlines as the table writes them.",
            "", "[plan]", "id = \(quote(id))", "title = \(quote(table.title))", "year = \(table.year)",
        ]
        if !units.isEmpty {
            lines += [
                "", "# Bodies the config does not know: their reminders go to the clerk. Add them to the config as",
                "# [[unit]] with a contact to have them reminded.",
            ]
        }
        for unit in units {
            lines += ["", "[[unit]]", "id = \(quote(BodyName.id(unit)))", "name = \(quote(unit))"]
        }
        for section in table.sections {
            lines += ["", "[[section]]", "id = \(quote(section.id))", "title = \(quote(section.title))"]
        }
        var occurrences: [String: [(occurrence: String, done: String)]] = [:]
        for entry in table.completions {
            guard let occurrence = entry.occurrence else { continue }
            occurrences[entry.task, default: []].append((occurrence.iso, entry.completion.date.iso))
        }
        for row in table.rows {
            lines += ["", "[[task]]", "id = \(quote(row.id))"]
            if let section = row.section { lines.append("section = \(quote(section))") }
            lines.append("title = \(quote(row.title))")
            if row.isFocus { lines.append("focus = true") }
            if let lead = row.lead { lines.append("lead = \(quote(lead.name))") }
            lines.append("responsible = [\(row.responsible.map { quote($0.name) }.joined(separator: ", "))]")
            if !row.coordinating.isEmpty {
                lines.append("coordinating = [\(row.coordinating.map(quote).joined(separator: ", "))]")
            }
            if let document = row.document { lines.append("document = \(quote(document))") }
            if let target = row.target { lines.append("target = \(quote(target))") }
            if let year = row.carriedOverFrom { lines.append("carried_over_from = \(year)") }
            // A date cell is a TOML date; a date typed as text ("31/12/2025") stays the phrase it was.
            if case .date(let date) = row.deadline, row.deadlineText == date.iso {
                lines.append("due = \(date.iso)")
            } else {
                lines.append("due = \(quote(row.deadlineText))")
            }
            if let completed = row.completed {
                lines.append("completed = \(completed.iso)")
                if let note = row.note { lines.append("completion_note = \(quote(note))") }
            } else if let note = row.note {
                lines.append("note = \(quote(note))")
            }
            if let report = row.report { lines.append("report = \(quote(report.rawValue))") }
            if let done = occurrences[row.id], !done.isEmpty {
                lines.append(
                    "completed_occurrences = { \(done.map { "\(quote($0.0)) = \($0.1)" }.joined(separator: ", ")) }")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A TOML basic string: quotes, backslashes and control characters escaped.
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += String(format: "\\u%04X", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
