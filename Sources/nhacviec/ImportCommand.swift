import App
import ArgumentParser
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

    @OptionGroup var config: ConfigOptions

    func run() throws {
        let lower = file.lowercased()
        guard lower.hasSuffix(".xlsx") || lower.hasSuffix(".csv") else {
            throw CommandFailure("\(file): import reads .xlsx or .csv files (save an .xls or .ods as .xlsx first)")
        }
        // Names are checked when a config is at hand; without one the plan is written as the table has it.
        let directory = try config.configurationIfPresent()?.directory
        guard let result = PlanImport.run(path: file, year: year, sheet: sheet, directory: directory) else {
            throw CommandFailure("\(file): nothing could be read")
        }
        if result.taskCount > 0 {
            if let output {
                do {
                    try result.toml.write(toFile: output, atomically: true, encoding: .utf8)
                } catch {
                    throw CommandFailure("cannot write \(output): \(error.localizedDescription)")
                }
            } else {
                print(result.toml, terminator: "")
            }
        }
        let summary =
            "\(file): \(result.taskCount) tasks read, \(result.problems.count) problem(s)"
            + (directory == nil ? "; names not checked (no config)" : "")
        printError(summary)
        guard result.problems.isEmpty else {
            throw CommandFailure(result.problems.map(\.description).joined(separator: "\n"))
        }
    }
}
