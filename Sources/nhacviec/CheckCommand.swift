import App
import ArgumentParser
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
        // Without the state: check stays root when run by root, to see the credentials folder as the
        // service manager will.
        let office = try config.office(state: .none)
        let schedule = office.schedule
        let occurrences = office.planner.occurrences
        print(
            "\(office.configuration.file): OK: \(schedule.plans.count) plan(s), \(schedule.tasks.count) tasks "
                + "(\(occurrences.count) deadlines), \(schedule.directory.officials.count) officials, "
                + "\(schedule.directory.units.count) units")
        for year in Set(schedule.plans.map(\.year)).sorted() where !office.calendar.isAnnounced(year) {
            printError(
                "nhacviec: warning: the government's schedule of days off for \(year) is not announced yet (or not "
                    + "known to this version): Tết and the day beside 2/9 follow the rule; add calendar/\(year).toml "
                    + "beside the config when it is (docs/calendar.md)")
        }
        let secrets = office.secrets
        var unusable = 0
        for file in SecretFile.all(in: office.configuration) {
            let (purpose, name) = (file.purpose, file.name)
            if let path = secrets.location(of: name) {
                print("\(purpose) \"\(name)\": \(path)")
                do {
                    _ = try file.read(from: secrets)
                } catch {
                    printError("nhacviec: \(error)")
                    unusable += 1
                }
            } else {
                printError(
                    "nhacviec: warning: \(purpose) \"\(name)\" is not in \(secrets.places(of: name).joined(separator: " nor ")); "
                        + "under systemd the service reads $CREDENTIALS_DIRECTORY/\(Secrets.credentialID)_\(name), "
                        + "which the unit loads from the credentials folder beside the config")
            }
        }
        if unusable > 0 { throw CommandFailure("\(unusable) secret file(s) cannot be used as they are") }
    }
}
