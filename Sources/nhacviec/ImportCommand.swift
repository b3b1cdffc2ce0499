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

    @OptionGroup var config: ConfigOptions

    func run() throws {
        let lower = file.lowercased()
        guard lower.hasSuffix(".xlsx") || lower.hasSuffix(".csv") else {
            throw CommandFailure(.importReads(file: file), in: config.language)
        }
        // Names are checked when a config is at hand; without one the plan is written as the table has it.
        // The config is read once, for its names and its language.
        let configuration = try config.configurationIfPresent()
        let directory = configuration?.directory
        let language = configuration?.email.language ?? .vi
        guard let result = PlanImport.run(path: file, year: year, sheet: sheet, directory: directory) else {
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
        printError(
            CommandMessage.imported(
                file: file, tasks: result.taskCount, problems: result.problems.count, namesChecked: directory != nil
            ).text(language))
        guard result.problems.isEmpty else {
            throw CommandFailure(text: result.problems.map { $0.text(language) }.joined(separator: "\n"))
        }
    }
}
