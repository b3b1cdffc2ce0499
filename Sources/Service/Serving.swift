import App
import Catalogue
import Foundation
import Outbox
import ServiceLifecycle

/// `nhacviec serve`, set up: the office opened over its state (the version accepted last when the config
/// has errors), the state directory held for this process alone, the ``Workspace`` that serves the office,
/// and the services that run over it — the reminders, the reload watcher and systemd's watchdog. `serve`
/// adds the web's and runs them as one `ServiceGroup`, which takes SIGTERM and SIGINT.
public final class Serving: Sendable {
    public let workspace: Workspace
    /// The reminders, the reload watcher and the watchdog.
    public let services: [any Service]
    public let journal: Journal
    /// The state directory held for this process alone; kept until the process exits.
    private let lock: InstanceLock

    /// Opens everything, or says in the journal why it cannot and throws.
    public init(
        configPath: String, clock: any Clock, until: Date? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        let journal = Journal(environment: environment)
        let notifier = SystemdNotifier(environment: environment)
        let heartbeat = Heartbeat()
        let stop = StopRequest()
        let watch = DispatchWatch(
            shouldStop: { stop.isRaised || until.map { clock.now() >= $0 } ?? false }, onAlive: { heartbeat.beat() },
            onEvent: { journal.record($0) })
        let office: Office
        let dispatcher: Dispatcher
        do {
            office = try Office.open(
                config: configPath, environment: environment, clock: clock, state: .create, acceptedIfBroken: true)
            dispatcher = try office.dispatcher(watch: watch)
        } catch .schedule(let diagnostics) {
            journal.error("cannot start: the config has errors:\n\(diagnostics.description)")
            throw ServeFailure()
        } catch {
            journal.error("cannot start: \(error)")
            throw ServeFailure()
        }
        // Before anything is evaluated or sent; after the state is opened, as the state folder's owner.
        do {
            lock = try InstanceLock(stateDirectory: office.stateDirectory)
        } catch {
            journal.error("cannot start: \(error)")
            throw ServeFailure()
        }
        let reminders = Bell()
        let reloads = Bell()
        workspace = try Workspace(office: office) { nudge in
            switch nudge {
            case .send: reminders.ring()
            case .reload: reloads.ring()
            }
        }
        let status = ServiceStatus()
        var services: [any Service] = [
            ReminderService(
                workspace: workspace, dispatcher: dispatcher, clock: clock, until: until, journal: journal,
                notifier: notifier, status: status, bell: reminders, heartbeat: heartbeat, stop: stop),
            ReloadWatcher(
                workspace: workspace, dispatcher: dispatcher, clock: clock, journal: journal, notifier: notifier,
                status: status, bell: reloads, reminders: reminders, startStamps: ReloadWatcher.stamps(office)),
        ]
        // Stopped by a signal before the group had its handlers: the group ends gracefully.
        services.append(EarlySignals.Handover(reload: reloads))
        if let interval = notifier.watchdogInterval {
            services.append(Watchdog(interval: interval, heartbeat: heartbeat, notifier: notifier))
        }
        self.services = services
        self.journal = journal
    }

    /// A version refused at start or at a reload: told in the journal, in the reload log (for `status`), to
    /// the clerk by mail (once per version), and in systemd's STATUS= until a good version comes.
    static func refused(
        _ rejected: RejectedSchedule, office: Office, when: String, dispatcher: Dispatcher, clock: any Clock,
        journal: Journal, status: ServiceStatus
    ) async {
        let since = rejected.servingSince.map { " accepted at \(office.iso($0))" } ?? ""
        status.degraded = "\(rejected.errors.items.count) error(s) in the config or plans, serving the version\(since)"
        try? ReloadLog(database: dispatcher.outbox.database).record(
            ok: false, message: rejected.errors.text(rejected.language), at: clock.now().timeIntervalSince1970)
        journal.error(
            "the config or a plan has errors \(when); the version\(since) keeps serving:\n\(rejected.errors.text(rejected.language))"
        )
        do {
            if try await dispatcher.tellClerk(of: rejected, now: clock.now()) {
                journal.info("the clerk is told of the errors by mail")
            }
        } catch {
            journal.error("state database: \(error)")
        }
    }

    /// Keeps a version that loaded whole as the one to serve should a later edit be broken at a restart.
    static func keep(_ office: Office, journal: Journal) {
        do {
            try AcceptedSchedule(stateDirectory: office.stateDirectory).keep(office)
        } catch {
            journal.warning("cannot keep a copy of the accepted config in \(office.stateDirectory): \(error)")
        }
    }
}
