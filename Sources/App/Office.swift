import Catalogue
import Foundation
import Messages
import Model
import Outbox
import Planner
import Reports
import ScheduleSources
import WorkingCalendar

/// The office as nhacviec knows it, built in one place from a config, an environment and a clock: the
/// config and its plans, the working calendar, the planner with the completions recorded in the state
/// database, the mail composer, and the state itself. `serve`, every command and the integration tests
/// open it with ``open(config:environment:clock:state:)``, so a test drives exactly what `serve` runs.
public struct Office: Sendable {
    /// How much of the state a caller needs.
    public enum StateUse: Sendable {
        /// None: the config alone (`check`, `calendar`).
        case none
        /// The state database when it exists, for its completions; no file is made (`tasks`, `plan`).
        case ifPresent
        /// The state database the service keeps; its absence is an error (`done`, `status`): the command
        /// line never makes a state of its own.
        case existing
        /// The state database, created when missing (`serve`).
        case create
    }

    public let configPath: String
    public let configuration: Configuration
    public let schedule: Schedule
    public let calendar: WorkingCalendar
    /// The schedule and the calendar with the completions of the plans and of the state's audit log.
    public let planner: Planner
    public let sendTime: SendTime
    /// Who receives the periodic report: `[summary] report_to`, or the clerk and the leaders.
    public var reportReaders: [OfficialID] {
        configuration.summary.readers(clerk: configuration.clerk, schedule: schedule)
    }
    /// Digests, reports and notices as mail and webhook bodies, with the office's templates.
    public let composer: MailComposer
    public let environment: [String: String]
    public let clock: any Clock
    /// Where the state database and the default Maildir live
    /// (``stateDirectory(configFile:stateDir:environment:)``).
    public let stateDirectory: String
    /// The state database; nil when not asked for, or asked for only if present and absent.
    public let state: StateDatabase?
    /// The live config or plans had errors, and this office is the version accepted before them.
    public let rejected: RejectedSchedule?
    /// The plan versions applied in the workspace that this office reads (``PlanVersions``).
    public let uploaded: UploadedPlans

    /// Reads the config and its plans, builds the calendar, opens the state as `state` asks and builds
    /// the planner with the completions recorded there.
    ///
    /// - Parameter acceptedIfBroken: when the config or a plan has errors, open the version the service
    ///   accepted last (``AcceptedSchedule``) instead, the errors in ``rejected``; only when there is none
    ///   are the errors thrown. For `serve` and `status`: a broken edit never stops the reminders.
    public static func open(
        config path: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        clock: any Clock = SystemClock(), state use: StateUse, acceptedIfBroken: Bool = false
    ) throws(OfficeError) -> Office {
        let directory = stateDirectory(ofConfig: path, environment: environment)
        let present = StateDatabase.exists(in: directory)
        if use == .existing && !present {
            throw .state(directory: directory, .noStateYet(file: StateDatabase.fileName))
        }
        if use == .create && !present && AcceptedSchedule(stateDirectory: directory).acceptedAt != nil {
            throw .state(directory: directory, .stateDeleted(file: StateDatabase.fileName))
        }
        if use != .none && FileManager.default.fileExists(atPath: directory) {
            try StateOwner.adopt(directory)
        }
        let state: StateDatabase?
        do {
            switch use {
            case .none: state = nil
            case .ifPresent, .existing: state = present ? try StateDatabase(directory: directory) : nil
            case .create: state = try StateDatabase(directory: directory)
            }
        } catch {
            throw .state(directory: directory, .verbatim("\(error)"))
        }
        let uploaded =
            use == .none && present
            ? try StateOwner.asOwner(directory) { () throws(OfficeError) in
                do {
                    return try uploadedPlans(in: try StateDatabase(directory: directory), stateDirectory: directory)
                } catch let error as OfficeError {
                    throw error
                } catch {
                    throw .state(directory: directory, .verbatim("\(error)"))
                }
            } : try uploadedPlans(in: state, stateDirectory: directory)
        let loaded: Loaded
        var rejected: RejectedSchedule?
        do {
            loaded = try load(config: path, uploaded: uploaded)
        } catch .schedule(let errors) where acceptedIfBroken {
            let accepted = AcceptedSchedule(stateDirectory: directory)
            guard let since = accepted.acceptedAt else { throw .schedule(errors) }
            loaded = try load(config: path, readingCopyIn: accepted.folder, uploaded: uploaded)
            rejected = RejectedSchedule(
                errors: errors, servingSince: since, servedLanguage: loaded.configuration.email.language)
        } catch {
            throw error
        }
        return try Office(
            configPath: path, loaded: loaded, uploaded: uploaded, environment: environment, clock: clock,
            stateDirectory: directory, state: state, rejected: rejected)
    }

    /// The same office with its config and plans read again (a reload), over the same state, with the plan
    /// versions applied there.
    public func reloaded() throws(OfficeError) -> Office {
        try withPlans(try Self.uploadedPlans(in: state, stateDirectory: stateDirectory))
    }

    /// The same office with its config read again and these plan versions instead of those applied: a
    /// version uploaded in the workspace is checked, and applied, as this office.
    public func withPlans(_ uploaded: UploadedPlans) throws(OfficeError) -> Office {
        try Office(
            configPath: configPath, loaded: try Self.load(config: configPath, uploaded: uploaded), uploaded: uploaded,
            environment: environment, clock: clock, stateDirectory: stateDirectory, state: state, rejected: nil)
    }

    /// The same office with the completions read again from the state's audit log.
    public func withRecordedCompletions() throws(OfficeError) -> Office {
        try Office(
            configPath: configPath,
            loaded: (configuration, schedule, calendar, sendTime, composer), uploaded: uploaded,
            environment: environment, clock: clock, stateDirectory: stateDirectory, state: state, rejected: rejected)
    }

    /// The transports of the config, their secrets read; the Zalo webhooks' tokens in `state` (this
    /// office's own when not given).
    public func delivery(state: StateDatabase? = nil) throws(SecretError) -> Delivery {
        try Delivery(
            configuration: configuration, composer: composer, secrets: secrets, stateDirectory: stateDirectory,
            state: state ?? self.state)
    }

    /// The state opened as its owner, for `send-test` run by root: it reads the secrets as root and sends
    /// to Zalo with the OA's tokens of the state (``asStateOwner(_:)``).
    public func openStateAsOwner() throws(OfficeError) -> StateDatabase {
        let directory = stateDirectory
        guard StateDatabase.exists(in: directory) else {
            throw .state(directory: directory, .noStateYet(file: StateDatabase.fileName))
        }
        return try StateOwner.asOwner(directory) { () throws(OfficeError) in
            do {
                return try StateDatabase(directory: directory)
            } catch {
                throw .state(directory: directory, .verbatim("\(error)"))
            }
        }
    }

    /// Runs `body` as the state's owner: every file a send to Zalo writes in the state (the database's
    /// `-wal` and `-shm`, a refresh's lock file) stays the service's to open.
    public func asStateOwner<Value>(_ body: () -> Value) throws(OfficeError) -> Value {
        try StateOwner.asOwner(stateDirectory) { () throws(OfficeError) in body() }
    }

    /// The state database of an office opened with ``StateUse/create``.
    public func requiredState() throws(OfficeError) -> StateDatabase {
        guard let state else { throw .state(directory: stateDirectory, .openedWithoutState) }
        return state
    }

    /// Where secrets are read, in this office's environment.
    public var secrets: Secrets { Secrets(environment: environment, configFile: configuration.file) }

    /// The service's pipeline over this office's state and transports, telling `watch` what it does.
    public func dispatcher(backoff: Backoff = Backoff(), watch: DispatchWatch = DispatchWatch()) throws(OfficeError)
        -> Dispatcher
    {
        let state = try requiredState()
        do {
            return try Dispatcher(office: self, state: state, backoff: backoff, watch: watch)
        } catch {
            throw .secret(error)
        }
    }

    /// Records a `done` (a completion date) or a `reopen` (nil) in the audit log, with who and when.
    public func record(
        task: TaskID, occurrence: CivilDate?, completedOn: CivilDate?, note: String?, user: String,
        client: String? = nil
    ) throws(OfficeError) {
        let state = try requiredState()
        do {
            try CompletionLog(database: state).record(
                .init(
                    task: task, occurrence: occurrence?.iso ?? "", completedOn: completedOn?.iso, note: note,
                    user: user,
                    at: clock.now().timeIntervalSince1970, client: client))
        } catch {
            throw .state(directory: stateDirectory, .verbatim("\(error)"))
        }
    }

    /// The next send time after `now`: reminders and summaries go out on working days only, so never a
    /// Saturday, a Sunday or a holiday.
    public func nextSend(after now: Date) -> Date {
        var day = sendTime.day(of: now)
        if sendTime.instant(on: day) <= now { day = day.adding(days: 1) }
        return sendTime.instant(on: calendar.workingDay(onOrAfter: day))
    }

    /// The task occurrences an official reported done that the clerk has not decided on yet: they are not
    /// reminded meanwhile (``Planner/without(_:in:)``), by the service, `plan` and the pages alike.
    public func waitingForConfirmation() throws -> Set<CompletionKey> {
        try state.map { try CompletionReports(database: $0).waitingKeys() } ?? []
    }

    /// The periodic report of a period as it stands today, with the deliveries that failed for good in it
    /// (from the state, when there is one): what `report` prints and the workspace's *Báo cáo* shows.
    ///
    /// - Parameter day: the day it is judged at, when not today (`report --at`).
    public func report(for period: Period, at day: CivilDate? = nil) throws -> PlanReport {
        var failures: [PlanReport.FailedDelivery] = []
        if let state {
            let from = sendTime.instant(on: period.firstDay).timeIntervalSince1970 - 86_400
            let to = sendTime.instant(on: period.lastDay).timeIntervalSince1970 + 86_400
            failures = try Outbox(database: state).failed(sentBetween: from, and: to).map {
                PlanReport.FailedDelivery(
                    digest: $0.digest.description, destination: $0.destination, answer: $0.lastAnswer ?? "")
            }
        }
        return ReportBuilder.build(planner: planner, period: period, today: day ?? today(), failures: failures)
    }

    /// The language of the office's mail and of what the commands say (`[email] language`).
    public var language: Language { configuration.email.language }

    /// Today in the office's time zone, on its clock.
    public func today() -> CivilDate { sendTime.day(of: clock.now()) }

    // MARK: Building

    private typealias Loaded = (
        configuration: Configuration, schedule: Schedule, calendar: WorkingCalendar, sendTime: SendTime,
        composer: MailComposer
    )

    private init(
        configPath: String, loaded: Loaded, uploaded: UploadedPlans, environment: [String: String], clock: any Clock,
        stateDirectory: String, state: StateDatabase?, rejected: RejectedSchedule?
    ) throws(OfficeError) {
        var recorded: [CompletionKey: Completion?] = [:]
        if let state {
            do {
                recorded = try CompletionLog(database: state).recorded()
            } catch {
                throw .state(directory: stateDirectory, .cannotReadCompletions(reason: "\(error)"))
            }
        }
        self.configPath = configPath
        self.uploaded = uploaded
        configuration = loaded.configuration
        schedule = loaded.schedule
        calendar = loaded.calendar
        planner = Planner(schedule: loaded.schedule, calendar: loaded.calendar, recorded: recorded)
        sendTime = loaded.sendTime
        composer = loaded.composer
        self.environment = environment
        self.clock = clock
        self.stateDirectory = stateDirectory
        self.state = state
        self.rejected = rejected
    }

    /// - Parameter copy: a folder holding a copy of the version's files (``AcceptedSchedule``).
    private static func load(config path: String, readingCopyIn copy: String? = nil, uploaded: UploadedPlans)
        throws(OfficeError) -> Loaded
    {
        let loaded: LoadedSchedule
        do {
            loaded = try ScheduleLoader.load(config: path, readingCopyIn: copy, uploaded: uploaded)
        } catch {
            throw .schedule(error)
        }
        let calendar = WorkingCalendar(
            schedules: PublishedSchedule.known.merging(loaded.configuration.publishedSchedules) { $1 },
            adjustments: loaded.configuration.calendar)
        let policy = loaded.schedule.policy
        let timeZone = TimeZone(identifier: loaded.configuration.timezone) ?? TimeZone(secondsFromGMT: 7 * 3_600)!
        let email = loaded.configuration.email
        let templates: DigestTemplates
        do {
            templates = try DigestTemplates.load(
                language: email.language,
                overrides: email.templates.map { folder in
                    copy.map { ScheduleLoader.copyPath(of: folder, in: $0) } ?? folder
                })
        } catch {
            throw .schedule(Diagnostics([error]))
        }
        let composer = MailComposer(
            from: email.from, templates: templates, directory: loaded.schedule.directory, language: email.language,
            count: policy.count, attachCalendar: email.attachCalendar, timeZone: timeZone)
        return (
            loaded.configuration, loaded.schedule, calendar,
            SendTime(hour: policy.sendHour, minute: policy.sendMinute, timeZone: timeZone), composer
        )
    }

    /// The plan versions the state says are applied: each plan's last switch, unless it is to a listed
    /// plan's file in the config folder changed since (the administrator's edit is newer, and wins).
    static func uploadedPlans(in state: StateDatabase?, stateDirectory: String) throws(OfficeError) -> UploadedPlans {
        guard let state else { return UploadedPlans() }
        let versions = PlanVersions(database: state, stateDirectory: stateDirectory)
        var uploaded = UploadedPlans()
        do {
            for (plan, change) in try versions.lastChanges().sorted(by: { $0.key < $1.key }) {
                guard let id = change.version, let version = try versions.version(id) else { continue }
                let file = try versions.file(of: version)
                if PlanVersions.isNewPlan(plan) {
                    uploaded.added.append(PlanSource(path: file, year: version.year))
                } else if PlanVersions.sha256(ofFileAt: plan) == change.configFileSHA {
                    uploaded.replacing[plan] = file
                }
            }
        } catch {
            throw .state(directory: stateDirectory, .verbatim("\(error)"))
        }
        return uploaded
    }

    /// Where the state of the config at `path` lives, read even when the config has errors.
    private static func stateDirectory(ofConfig path: String, environment: [String: String]) -> String {
        stateDirectory(
            configFile: ScheduleLoader.configFile(path), stateDir: ScheduleLoader.stateDirectoryWritten(inConfig: path),
            environment: environment)
    }

    /// Where the state of a config lives: its `state_dir`; else systemd's `$STATE_DIRECTORY` (the
    /// service); else, for an installed config, the service's own: `/etc/nhacviec/nhacviec.toml` keeps
    /// its state in `/var/lib/nhacviec`, a ward's `/etc/nhacviec/WARD/nhacviec.toml` in
    /// `/var/lib/nhacviec/WARD` (the units' `StateDirectory=`); else `./state` (a development tree).
    public static func stateDirectory(configFile: String, stateDir: String?, environment: [String: String]) -> String {
        if let stateDir { return stateDir }
        if let directory = environment["STATE_DIRECTORY"]?.split(separator: ":").first { return String(directory) }
        let folder = ((configFile as NSString).standardizingPath as NSString).deletingLastPathComponent
        if folder == installedConfigFolder { return installedStateFolder }
        if (folder as NSString).deletingLastPathComponent == installedConfigFolder {
            return (installedStateFolder as NSString).appendingPathComponent((folder as NSString).lastPathComponent)
        }
        return "state"
    }

    /// Where an installed nhacviec keeps its config, and the service its state.
    public static let installedConfigFolder = "/etc/nhacviec"
    public static let installedStateFolder = "/var/lib/nhacviec"
}

/// Why an office cannot be opened: its schedule has errors, its state cannot be had, or a secret is
/// missing. The message names files and places, never a secret's content.
public enum OfficeError: Error, Sendable, CustomStringConvertible {
    /// Every error of the config, the plans and the templates, with its place.
    case schedule(Diagnostics)
    case state(directory: String, CommandMessage)
    case secret(SecretError)

    /// In a language: the errors of the config and plans in the config's own when it could be read that far.
    public func text(_ language: Language) -> String {
        switch self {
        case .schedule(let diagnostics): diagnostics.text(diagnostics.language ?? language)
        case .state(let directory, let message): CommandMessage.state(directory: directory, message).text(language)
        case .secret(let error): error.text(language)
        }
    }

    /// For the journal: the config and plans in the config's language, the rest in English.
    public var description: String {
        switch self {
        case .schedule(let diagnostics): diagnostics.description
        case .state, .secret: text(.en)
        }
    }
}
