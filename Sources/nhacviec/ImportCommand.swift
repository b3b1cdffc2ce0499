import App
import ArgumentParser
import Catalogue
import Foundation
import Model
import ScheduleSources

/// `nhacviec import FILE`: the assignment table (.xlsx, .csv) as an equivalent TOML plan, and every row
/// it could not read.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn an assignment table (.xlsx or .csv) into a TOML plan, listing every row it cannot read.")

    @Argument(help: "The spreadsheet, .xlsx or .csv.")
    var file: String

    @Option(help: "Write the plan here instead of standard output.")
    var output: String?

    @Option(help: "The plan year, when the deadlines do not name it.")
    var year: Int?

    @Option(help: "The sheet to read (default: the first whose headers are recognised).")
    var sheet: String?

    @Option(
        help: ArgumentHelp(
            "A column's role: ROLE=HEADER or ROLE=LETTER (task, deadline, in_charge, assisting, lead, id, stt, note…); "
                + "several joined with commas or the option repeated.",
            valueName: "role=header"))
    var columns: [String] = []

    @Option(
        name: .customLong("for"), help: "Keep only the rows where this unit, or a collective including it, is named.")
    var unit: String?

    @OptionGroup var config: ConfigOptions

    func run() throws {
        let lower = file.lowercased()
        guard lower.hasSuffix(".xlsx") || lower.hasSuffix(".csv") else {
            throw CommandFailure(.importReads(file: file), in: config.language)
        }
        // Names are checked when a config is at hand; without one the plan is written as the table has it.
        // The config is read once, for its names, its language and the columns it gives this file.
        let configuration = try config.configurationIfPresent()
        let directory = configuration?.directory
        let language = configuration?.email.language ?? .vi
        let listed = configuration?.plans.first { Self.sameFile($0.path, file) }
        var mapping = listed?.columns ?? [:]
        let roles = TableField.names
        for (role, header) in Self.columnPairs(columns) {
            guard roles.contains(role) else {
                throw CommandFailure(
                    text: "nhacviec import --columns: \"\(role)\"? (" + roles.joined(separator: ", ") + ")")
            }
            mapping[role] = header
        }
        let request = PlanImport.Request(
            path: file, year: year ?? listed?.year, sheet: sheet ?? listed?.sheet, columns: mapping, unit: unit)
        guard let result = PlanImport.run(request, directory: directory) else {
            throw CommandFailure(.nothingRead(file: file), in: language)
        }
        if result.taskCount > 0 {
            if let output {
                do {
                    try result.toml.write(toFile: output, atomically: true, encoding: .utf8)
                } catch {
                    throw CommandFailure(
                        .cannotWrite(path: output, reason: error.localizedDescription), in: language)
                }
            } else {
                print(result.toml, terminator: "")
            }
        }
        let summary = result.summary
        var lines = [
            CommandMessage.imported(
                file: file, tasks: result.taskCount, problems: result.problems.count, namesChecked: directory != nil)
        ]
        // A table refused whole has no rows to count; its errors say why.
        if summary.rowsRead + summary.refusedRows > 0 {
            lines.append(
                .importCounts(
                    read: summary.rowsRead, kept: unit == nil ? nil : summary.kept,
                    noFixedDeadline: summary.noFixedDeadline, refused: summary.refusedRows))
        }
        if !summary.unusedColumns.isEmpty { lines.append(.importUnusedColumns(summary.unusedColumns)) }
        if !summary.byContent.isEmpty {
            lines.append(.importRolesByContent(summary.byContent.map { "\"\($0.header)\" → \($0.role)" }))
        }
        if summary.filledCells > 0 || !summary.numberedRows.isEmpty {
            lines.append(.importFilled(cells: summary.filledCells, numbered: summary.numberedRows))
        }
        if !summary.outsideBodies.isEmpty { lines.append(.importOutsideBodies(summary.outsideBodies)) }
        for line in lines { printError(line.text(language)) }
        for warning in result.warnings {
            printError("nhacviec: " + CommandMessage.warning(.verbatim(warning.text(language))).text(language))
        }
        guard result.problems.isEmpty else {
            throw CommandFailure(text: result.problems.map { $0.text(language) }.joined(separator: "\n"))
        }
    }

    /// "task=Nhiệm vụ, giải pháp,deadline=E" and repeated options: each role with its header, a comma
    /// inside a header kept (a new pair begins only where "role=" follows the comma).
    static func columnPairs(_ options: [String]) -> [(String, String)] {
        var pairs: [(String, String)] = []
        for option in options {
            var current = ""
            for piece in option.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
                let startsPair = piece.range(of: #"^\s*[a-z_]+\s*="#, options: .regularExpression) != nil
                if startsPair, !current.isEmpty {
                    pairs.append(pair(current))
                    current = piece
                } else {
                    current += current.isEmpty ? piece : "," + piece
                }
            }
            if !current.isEmpty { pairs.append(pair(current)) }
        }
        return pairs
    }

    private static func pair(_ text: String) -> (String, String) {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        return (parts[0], parts.count > 1 ? parts[1] : "")
    }

    private static func sameFile(_ a: String, _ b: String) -> Bool {
        URL(fileURLWithPath: a).standardizedFileURL.path == URL(fileURLWithPath: b).standardizedFileURL.path
    }
}
