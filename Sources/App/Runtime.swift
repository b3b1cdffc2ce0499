import Foundation
import Messages
import Model
import Planner
import ScheduleSources
import WorkingCalendar

/// Everything a command or the service works with, built from one config the same way for both.
public struct Runtime: Sendable {
    public let configuration: Configuration
    public let schedule: Schedule
    public let calendar: WorkingCalendar
    public let planner: Planner
    public let sendTime: SendTime
    /// Digests as mail and webhook bodies, with the office's templates.
    public let composer: MailComposer

    /// Reads the config and its plans and builds the calendar and the planner.
    ///
    /// - Parameter recorded: completions recorded beyond the plans (nil: reopened).
    public static func load(
        config path: String, recorded: [CompletionKey: Completion?] = [:]
    ) throws(Diagnostics) -> Runtime {
        let loaded = try ScheduleLoader.load(config: path)
        let calendar = WorkingCalendar(adjustments: loaded.configuration.calendar)
        let policy = loaded.schedule.policy
        let timeZone = TimeZone(identifier: loaded.configuration.timezone) ?? TimeZone(secondsFromGMT: 7 * 3_600)!
        let email = loaded.configuration.email
        let templates: DigestTemplates
        do {
            templates = try DigestTemplates.load(language: email.language, overrides: email.templates)
        } catch {
            throw Diagnostics([error])
        }
        let composer = MailComposer(
            from: email.from, templates: templates, directory: loaded.schedule.directory, language: email.language,
            count: policy.count, attachCalendar: email.attachCalendar, timeZone: timeZone)
        return Runtime(
            configuration: loaded.configuration, schedule: loaded.schedule, calendar: calendar,
            planner: Planner(schedule: loaded.schedule, calendar: calendar, recorded: recorded),
            sendTime: SendTime(hour: policy.sendHour, minute: policy.sendMinute, timeZone: timeZone), composer: composer
        )
    }

    /// The transports of the config, their secrets read.
    public func delivery(environment: [String: String] = ProcessInfo.processInfo.environment) throws(SecretError)
        -> Delivery
    {
        try Delivery(
            configuration: configuration, composer: composer,
            secrets: Secrets(environment: environment, configFile: configuration.file),
            stateDirectory: stateDirectory(environment: environment))
    }

    /// The same schedule with the completions recorded in the state database.
    public func with(recorded: [CompletionKey: Completion?]) -> Runtime {
        Runtime(
            configuration: configuration, schedule: schedule, calendar: calendar,
            planner: Planner(schedule: schedule, calendar: calendar, recorded: recorded), sendTime: sendTime,
            composer: composer)
    }

    /// Where the state database lives: `state_dir`, else systemd's `$STATE_DIRECTORY`, else ./state.
    public func stateDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        configuration.stateDirectory ?? environment["STATE_DIRECTORY"]?.split(separator: ":").first.map(String.init)
            ?? "state"
    }

    /// Today in the office's time zone.
    public func today(now: Date = Date()) -> CivilDate { sendTime.day(of: now) }
}
