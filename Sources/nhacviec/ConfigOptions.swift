import App
import ArgumentParser
import Catalogue
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

    /// The office of the config (``Office/open(config:environment:clock:state:)``), or every error in
    /// its config and plans as the failure.
    ///
    /// - Parameter acceptedIfBroken: with errors in the config or plans, the version the service accepted
    ///   last, the errors beside it (``Office/rejected``).
    func office(state: Office.StateUse, acceptedIfBroken: Bool = false) throws -> Office {
        do {
            return try Office.open(config: resolvedPath, state: state, acceptedIfBroken: acceptedIfBroken)
        } catch {
            throw CommandFailure(text: error.text(language))
        }
    }

    /// The language of the config's messages (`[email] language`), Vietnamese when there is no config or it
    /// cannot be read: for what is said before, or without, an office.
    var language: Language {
        guard configAtHand, let configuration = try? ScheduleLoader.configuration(config: resolvedPath) else {
            return .vi
        }
        return configuration.email.language
    }

    /// A config was asked for (`--config`, `$NHACVIEC_CONFIG`), or one is at the default place.
    private var configAtHand: Bool {
        path != nil || ProcessInfo.processInfo.environment["NHACVIEC_CONFIG"] != nil
            || FileManager.default.fileExists(atPath: resolvedPath)
    }

    /// The config file alone (its plans unread), when one is at hand: none at the default place is no
    /// error.
    func configurationIfPresent() throws -> Configuration? {
        guard configAtHand else { return nil }
        do {
            return try ScheduleLoader.configuration(config: resolvedPath)
        } catch {
            throw CommandFailure(text: error.description)
        }
    }

    /// The working calendar with the config's decisions. Without a config at the default place the law
    /// alone applies; a config that was asked for must load.
    func calendar() throws -> WorkingCalendar {
        guard configAtHand else { return WorkingCalendar() }
        return try office(state: .none).calendar
    }
}

extension CommandFailure {
    /// A date typed on the command line, or the failure that says why it is none.
    static func date(_ text: String, option: String, language: Language) throws -> CivilDate {
        do {
            return try CivilDate.parse(text)
        } catch {
            throw CommandFailure(.option(option, error), in: language)
        }
    }
}
