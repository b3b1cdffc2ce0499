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
        let office = try config.office(state: .ifPresent)
        let schedule = office.schedule
        let occurrences = office.planner.occurrences
        print(
            "\(office.configuration.file): OK: \(schedule.plans.count) plan(s), \(schedule.tasks.count) tasks "
                + "(\(occurrences.count) deadlines), \(schedule.directory.officials.count) officials, "
                + "\(schedule.directory.units.count) units")
    }
}
