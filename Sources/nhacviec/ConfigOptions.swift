import App
import ArgumentParser
import Foundation
import Model
import Outbox
import ScheduleSources
import Service
import WorkingCalendar

/// `--config PATH`: a file, or a folder holding `nhacviec.toml`; default `$NHACVIEC_CONFIG`, else
/// `/etc/nhacviec/nhacviec.toml`.
struct ConfigOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: "The config file, or a folder holding nhacviec.toml.")
    var path: String?

    var resolvedPath: String {
        path ?? ProcessInfo.processInfo.environment["NHACVIEC_CONFIG"] ?? "/etc/nhacviec/nhacviec.toml"
    }

    /// The config and plans, or every error in them as the failure, with the completions recorded by
    /// `done` and `reopen` when the state database exists.
    func runtime() throws -> Runtime {
        let runtime: Runtime
        do {
            runtime = try Runtime.load(config: resolvedPath)
        } catch {
            throw CommandFailure(error.description)
        }
        let file = (runtime.stateDirectory() as NSString).appendingPathComponent("nhacviec.sqlite")
        guard FileManager.default.fileExists(atPath: file) else { return runtime }
        do {
            let database = try StateDatabase(directory: runtime.stateDirectory())
            return runtime.with(recorded: try CompletionLog(database: database).recorded())
        } catch {
            throw CommandFailure("cannot read the completions in \(file): \(error)")
        }
    }

    /// A config was asked for (`--config`, `$NHACVIEC_CONFIG`), or one is at the default place.
    private var configAtHand: Bool {
        path != nil || ProcessInfo.processInfo.environment["NHACVIEC_CONFIG"] != nil
            || FileManager.default.fileExists(atPath: resolvedPath)
    }

    /// The officials and units of the config, when one is at hand: none at the default place is no error.
    func directoryIfPresent() throws -> Directory? {
        guard configAtHand else { return nil }
        return try runtime().schedule.directory
    }

    /// The working calendar with the config's decisions. Without a config at the default place the law
    /// alone applies; a config that was asked for must load.
    func calendar() throws -> WorkingCalendar {
        guard configAtHand else { return WorkingCalendar() }
        return try runtime().calendar
    }
}

extension CommandFailure {
    /// A date typed on the command line, or the failure that says why it is none.
    static func date(_ text: String, option: String) throws -> CivilDate {
        do {
            return try CivilDate.parse(text)
        } catch {
            throw CommandFailure("\(option): \(error)")
        }
    }
}
