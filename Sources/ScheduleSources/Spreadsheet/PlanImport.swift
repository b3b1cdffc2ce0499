import Foundation
import Model

/// `nhacviec import`: an assignment table turned into an equivalent TOML plan, with every row that
/// could not be read.
public enum PlanImport {
    public struct Result: Sendable {
        /// The TOML plan of the rows that were read.
        public let toml: String
        public let taskCount: Int
        /// The rows (and cells) that could not be read, or whose names do not resolve.
        public let problems: [Diagnostic]
    }

    /// Reads `path` (.xlsx or .csv). With a directory, names are checked against it too.
    public static func run(path: String, year: Int?, sheet: String?, directory: Directory?) -> Result? {
        let log = DiagnosticLog()
        let source = PlanSource(
            path: path, year: year, sheet: sheet, columns: [:], listedAt: SourceLocation(file: path))
        guard let table = SpreadsheetPlanReader.table(source, log: log) else {
            return log.isEmpty ? nil : Result(toml: "", taskCount: 0, problems: log.items)
        }
        if let directory { _ = SpreadsheetPlanReader.read(source, directory: directory, log: log) }
        let problems = Array(Set(log.items)).sorted {
            ($0.location.line ?? 0, $0.description) < ($1.location.line ?? 0, $1.description)
        }
        return Result(
            toml: toml(table, id: ((path as NSString).lastPathComponent as NSString).deletingPathExtension),
            taskCount: table.rows.count, problems: problems)
    }

    static func toml(_ table: AssignmentTable, id: String) -> String {
        var lines = [
            "# Imported by nhacviec from the assignment table; names and deadlines as the table writes them.",
            "", "[plan]", "id = \(quote(id))", "title = \(quote(table.title))", "year = \(table.year)",
        ]
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
