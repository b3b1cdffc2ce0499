import App
import ArgumentParser
import Foundation
import Model
import ScheduleSources
import WorkingCalendar

/// `--config PATH`: a file, or a folder holding `nhacviec.toml`; default `$NHACVIEC_CONFIG`, else
/// `/etc/nhacviec/nhacviec.toml`.
struct ConfigOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: "The config file, or a folder holding nhacviec.toml.")
    var path: String?

    var resolvedPath: String {
        path ?? ProcessInfo.processInfo.environment["NHACVIEC_CONFIG"] ?? "/etc/nhacviec/nhacviec.toml"
    }

    /// The config and plans, or every error in them as the failure.
    func runtime() throws -> Runtime {
        do {
            return try Runtime.load(config: resolvedPath)
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// The officials and units of the config, when one is at hand: none at the default place is no error.
    func directoryIfPresent() throws -> Directory? {
        let explicit = path != nil || ProcessInfo.processInfo.environment["NHACVIEC_CONFIG"] != nil
        guard explicit || FileManager.default.fileExists(atPath: resolvedPath) else { return nil }
        return try runtime().schedule.directory
    }

    /// The working calendar with the config's decisions. Without a config at the default place the law
    /// alone applies; a config that was asked for must load.
    func calendar() throws -> WorkingCalendar {
        let explicit = path != nil || ProcessInfo.processInfo.environment["NHACVIEC_CONFIG"] != nil
        guard explicit || FileManager.default.fileExists(atPath: resolvedPath) else { return WorkingCalendar() }
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
