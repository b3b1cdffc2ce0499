import App
import ArgumentParser
import Catalogue
import Foundation
import Model
import Planner

/// `nhacviec check`: validates the config and the plans, printing every error as `file:line: message`,
/// and says where each secret the config names is found.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the config and the plans; print every error with its place, and where each secret is.")

    @OptionGroup var config: ConfigOptions

    func run() throws {
        // Without the state (the plan versions applied in it are read as its owner): check stays root when
        // run by root, to see the credentials folder as the service manager will.
        let office = try config.office(state: .none)
        let language = office.language
        func warn(_ message: CommandMessage) {
            printError("nhacviec: " + CommandMessage.warning(message).text(language))
        }
        let schedule = office.schedule
        print(
            CommandMessage.checked(
                file: office.configuration.file, plans: schedule.plans.count, tasks: schedule.tasks.count,
                deadlines: office.planner.occurrences.count, officials: schedule.directory.officials.count,
                units: schedule.directory.units.count
            ).text(language))
        let unscheduled = schedule.tasks.filter { $0.deadline == .noFixedDeadline }.map(\.id)
        if !unscheduled.isEmpty { print(CommandMessage.withoutFixedDeadline(unscheduled).text(language)) }
        for warning in schedule.warnings { warn(.verbatim(warning.text(language))) }
        for year in Set(schedule.plans.map(\.year)).sorted() where !office.calendar.isAnnounced(year) {
            warn(.calendarNotAnnounced(year: year))
        }
        let secrets = office.secrets
        var unusable = 0
        for file in SecretFile.all(in: office.configuration) {
            let (purpose, name) = (file.purpose, file.name)
            if let path = secrets.location(of: name) {
                print(CommandMessage.secretAt(purpose: purpose, name: name, path: path).text(language))
                do {
                    if let warning = try file.read(from: secrets).warning { warn(warning) }
                } catch {
                    printError("nhacviec: \(error.text(language))")
                    unusable += 1
                }
            } else {
                warn(
                    .secretNotFound(
                        purpose: purpose, name: name, places: secrets.places(of: name),
                        credential: "$CREDENTIALS_DIRECTORY/\(Secrets.credentialID)_\(name)"))
            }
        }
        if unusable > 0 { throw CommandFailure(.secretsUnusable(count: unusable), in: language) }
    }
}
