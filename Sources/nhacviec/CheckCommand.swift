import App
import ArgumentParser
import Model
import Planner

/// `nhacviec check`: validates the config and the plans, printing every error as `file:line: message`.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate the config and the plans; print every error with its place.")

    @OptionGroup var config: ConfigOptions

    func run() throws {
        let runtime = try config.runtime()
        let schedule = runtime.schedule
        let occurrences = runtime.planner.occurrences
        print(
            "\(runtime.configuration.file): OK: \(schedule.plans.count) plan(s), \(schedule.tasks.count) tasks "
                + "(\(occurrences.count) deadlines), \(schedule.directory.officials.count) officials, "
                + "\(schedule.directory.units.count) units")
    }
}
