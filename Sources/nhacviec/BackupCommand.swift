import App
import ArgumentParser
import Foundation
import Outbox

/// `nhacviec backup FILE`: a consistent copy of the service's state, taken while it runs.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the service's state to FILE while the service runs (docs/service.md).")

    @Argument(help: "Where to write the copy; it must not exist. Root writes it as the service's user.")
    var file: String

    @OptionGroup var config: ConfigOptions

    func run() throws {
        let target =
            (file as NSString).isAbsolutePath
            ? file : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(file)
        let office = try config.office(state: .existing)
        do {
            let state = try office.requiredState()
            try state.backup(to: target)
            print("\(StateDatabase.path(in: office.stateDirectory)) copied to \(target)")
        } catch {
            throw CommandFailure(text: "cannot back up the state to \(target): \(error)")
        }
    }
}
