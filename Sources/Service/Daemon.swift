import App
import Catalogue
import Foundation
import Outbox
import ScheduleSources
import Web

/// `nhacviec serve`: loads the config and the state database, tells systemd it is ready, and then
/// sleeps until the next due instant (never longer than a minute on the wall clock, so a clock jump
/// or a suspend cannot skip a send time), evaluates, delivers, and sleeps again. SIGHUP and a changed
/// config or plan file reload everything; a broken version is rejected whole and the old one keeps
/// serving. SIGTERM and SIGINT stop it cleanly.
public final class Daemon {
    private let configPath: String
    private let clock: any Clock
    private let until: Date?
    private let environment: [String: String]
    private let journal: Journal
    private let notifier: SystemdNotifier
    private let wake = DispatchSemaphore(value: 0)
    private let flags = SignalFlags()
    private var watched: [String: Date] = [:]
    /// Kept until the process exits (see ``run()``).
    private var dispatcher: Dispatcher?
    /// The state directory held for this process alone.
    private var lock: InstanceLock?
    /// What STATUS= says while a refused version is pending.
    private var degraded: String?
    /// The web workspace (`[web]`), over the office this daemon serves.
    private var web: WebServer?
    private var live: LiveOffice?

    public init(
        configPath: String, clock: any Clock, until: Date? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.configPath = configPath
        self.clock = clock
        self.until = until
        self.environment = environment
        journal = Journal(environment: environment)
        notifier = SystemdNotifier(environment: environment)
    }

    /// Runs until stopped; returns the exit status. The caller exits with it while this daemon still
    /// holds the state database: closing GRDB's connections one by one makes Dispatch start a thread at
    /// a priority a service may not take, and say so in the journal at every stop. SQLite needs no
    /// close to be consistent.
    public func run() -> Int32 {
        installSignalHandlers()
        let dispatcher: Dispatcher
        do {
            dispatcher = try Office.open(
                config: configPath, environment: environment, clock: clock, state: .create, acceptedIfBroken: true
            ).dispatcher()
        } catch .schedule(let diagnostics) {
            journal.error("cannot start: the config has errors:\n\(diagnostics.description)")
            return 1
        } catch {
            journal.error("cannot start: \(error)")
            return 1
        }
        // Before anything is evaluated or sent; after the state is opened, as the state folder's owner.
        do {
            lock = try InstanceLock(stateDirectory: dispatcher.office.stateDirectory)
        } catch {
            journal.error("cannot start: \(error)")
            return 1
        }
        self.dispatcher = dispatcher
        let office = dispatcher.office
        dispatcher.warnings.forEach(journal.warning)
        // A stop, or the end of a run with --until, cuts a transfer in progress.
        dispatcher.shouldStop = { [flags, clock, until] in flags.stop || until.map { clock.now() >= $0 } ?? false }
        let heartbeat = Heartbeat()
        dispatcher.onAlive = { heartbeat.beat() }
        if let interval = notifier.watchdogInterval { startWatchdog(every: interval, heartbeat: heartbeat) }
        dispatcher.onEvent = { [journal] in journal.record($0) }
        let reloads = ReloadLog(database: dispatcher.outbox.database)
        watched = fileStamps(office)
        if let rejected = office.rejected {
            refused(rejected, dispatcher, reloads, when: "at start")
        } else {
            try? reloads.record(
                ok: true,
                message: CommandMessage.serviceStarted(tasks: office.schedule.tasks.count).text(office.language),
                at: clock.now().timeIntervalSince1970)
            keep(office)
        }
        let live = LiveOffice(
            office, wake: { [wake] in wake.signal() },
            reload: { [flags, wake] in
                flags.raise(.reload)
                wake.signal()
            })
        self.live = live
        startWeb(office.configuration.web)
        journal.info("started: \(office.schedule.tasks.count) tasks, state in \(office.stateDirectory)")
        notifier.send(["READY": "1", "STATUS": degraded == nil ? "started" : "degraded: \(degraded!)"])

        while !flags.stop {
            heartbeat.beat()
            if flags.takeReload() || fileStamps(dispatcher.office) != watched {
                reload(dispatcher, reloads)
            }
            let now = clock.now()
            if let until, now >= until { break }
            do {
                try dispatcher.evaluate(now: now)
                try dispatcher.deliver(now: now)
                try dispatcher.outbox.setNextSend(dispatcher.nextSend(after: now).timeIntervalSince1970)
                try dispatcher.outbox.recordRound(at: Date().timeIntervalSince1970)
                live.update(dispatcher.office)
            } catch  where StateDatabase.isDamage(error) {
                // Going on would send nothing and record nothing; a restart refuses the file and says why.
                journal.error("stopping: the state database is damaged: \(error)")
                return 1
            } catch {
                journal.error("state database: \(error)")
            }
            guard dispatcher.outbox.database.isInPlace() else {
                journal.error(
                    "stopping: the state database \(StateDatabase.path(in: dispatcher.office.stateDirectory)) was "
                        + "deleted or replaced while the service ran; restore the last backup (docs/service.md)")
                return 1
            }
            let next = (try? dispatcher.nextDue(after: now)) ?? now.addingTimeInterval(60)
            let pending = (try? dispatcher.outbox.summary().pending) ?? 0
            let running = "next send \(Self.iso(dispatcher.nextSend(after: now), dispatcher.office)); \(pending) queued"
            notifier.send(["STATUS": degraded.map { "degraded: \($0); \(running)" } ?? running])
            var wait = min(clock.realSeconds(for: max(0, next.timeIntervalSince(now))), 60)
            if let until { wait = min(wait, clock.realSeconds(for: max(0, until.timeIntervalSince(now))) + 0.001) }
            if let interval = notifier.watchdogInterval { wait = min(wait, interval) }
            _ = wake.wait(timeout: .now() + max(0.001, wait))
        }
        notifier.send(["STOPPING": "1"])
        web?.stop()
        journal.info("stopped")
        return 0
    }

    private func reload(_ dispatcher: Dispatcher, _ reloads: ReloadLog) {
        notifier.send(["RELOADING": "1", "MONOTONIC_USEC": String(SystemdNotifier.monotonicMicroseconds())])
        defer { notifier.send(["READY": "1"]) }
        let now = clock.now().timeIntervalSince1970
        do {
            let office = try dispatcher.office.reloaded()
            try dispatcher.replace(office: office)
            live?.update(dispatcher.office)
            if office.configuration.web != web?.settings {
                web?.stop()
                web = nil
                dispatcher.reportLinks = nil
                startWeb(office.configuration.web)
            }
            watched = fileStamps(office)
            // In the office's words: `status` shows it to the clerk.
            try? reloads.record(
                ok: true, message: CommandMessage.reloaded(tasks: office.schedule.tasks.count).text(office.language),
                at: now)
            journal.info("reloaded: \(office.schedule.tasks.count) tasks")
            degraded = nil
            keep(office)
        } catch OfficeError.schedule(let errors) {
            watched = fileStamps(dispatcher.office)
            let accepted = AcceptedSchedule(stateDirectory: dispatcher.office.stateDirectory)
            refused(
                RejectedSchedule(
                    errors: errors, servingSince: accepted.acceptedAt,
                    servedLanguage: dispatcher.office.configuration.email.language), dispatcher, reloads,
                when: "at reload")
        } catch {
            // The old version keeps serving; the files are not looked at again until they change.
            watched = fileStamps(dispatcher.office)
            let message = "\(error)"
            let said = (error as? OfficeError)?.text(dispatcher.office.language) ?? message
            try? reloads.record(ok: false, message: said, at: now)
            journal.error("reload rejected, the previous config keeps serving:\n\(message)")
        }
    }

    /// A version refused at start or at a reload: told in the journal, in the reload log (for `status`),
    /// to the clerk by mail (once per version), and in systemd's STATUS= until a good version comes.
    private func refused(_ rejected: RejectedSchedule, _ dispatcher: Dispatcher, _ reloads: ReloadLog, when: String) {
        let since = rejected.servingSince.map { " accepted at \(Self.iso($0, dispatcher.office))" } ?? ""
        let count = rejected.errors.items.count
        degraded = "\(count) error(s) in the config or plans, serving the version\(since)"
        try? reloads.record(
            ok: false, message: rejected.errors.text(rejected.language), at: clock.now().timeIntervalSince1970)
        journal.error(
            "the config or a plan has errors \(when); the version\(since) keeps serving:\n\(rejected.errors.text(rejected.language))"
        )
        do {
            if try dispatcher.tellClerk(of: rejected, now: clock.now()) {
                journal.info("the clerk is told of the errors by mail")
            }
        } catch {
            journal.error("state database: \(error)")
        }
    }

    /// Starts the web workspace when the config asks for it. A port that cannot be had stops no
    /// reminder: the journal says so, and the service goes on without its pages.
    private func startWeb(_ settings: WebSettings?) {
        guard let settings, let live else { return }
        let server = WebServer(settings: settings, live: live)
        do {
            let port = try server.start()
            web = server
            dispatcher?.reportLinks = live.reportLinks
            journal.info(
                "web: listening on \(settings.host):\(port); the links in mails start \(settings.linkBase(port: port))")
        } catch {
            journal.error("web: \(error); the reminders go on without the pages")
        }
    }

    /// Keeps a version that loaded whole as the one to serve should a later edit be broken at a restart.
    private func keep(_ office: Office) {
        do {
            try AcceptedSchedule(stateDirectory: office.stateDirectory).keep(office)
        } catch {
            journal.warning("cannot keep a copy of the accepted config in \(office.stateDirectory): \(error)")
        }
    }

    /// The modification times of the files the office's version is read from.
    private func fileStamps(_ office: Office) -> [String: Date] {
        var stamps: [String: Date] = [:]
        for path in office.configuration.files {
            stamps[path] =
                (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date ?? .distantPast
        }
        return stamps
    }

    /// SIGHUP, SIGTERM and SIGINT are blocked in every thread and taken by one thread that waits for
    /// them (`sigwait`): one that arrives during start-up stays pending until then. A plain thread, not a
    /// Dispatch signal source: Dispatch would start its manager thread, which asks for a higher
    /// priority than a service may take and says so in the journal at every start.
    private func installSignalHandlers() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGHUP, SIGTERM, SIGINT] { sigaddset(&signals, signal) }
        // Blocked here, before any other thread exists, so that every thread made later inherits it.
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let waiter = Thread { [flags, wake, signals] in
            var wanted = signals
            while true {
                var number: Int32 = 0
                guard sigwait(&wanted, &number) == 0 else { continue }
                flags.raise(number == SIGHUP ? .reload : .stop)
                wake.signal()
            }
        }
        waiter.name = "signals"
        waiter.start()
    }

    /// Pings systemd's watchdog from a thread of its own, twice an interval, while the loop or a transfer
    /// has shown life within two intervals: a slow mail server no longer starves it, a hung process
    /// still does.
    private func startWatchdog(every interval: TimeInterval, heartbeat: Heartbeat) {
        let watchdog = Thread { [notifier] in
            while true {
                Thread.sleep(forTimeInterval: interval / 2)
                if heartbeat.age < interval * 2 { notifier.send(["WATCHDOG": "1"]) }
            }
        }
        watchdog.name = "watchdog"
        watchdog.start()
    }

    static func iso(_ date: Date, _ office: Office) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = office.sendTime.timeZone
        return formatter.string(from: date)
    }
}

/// When the service last showed life: a round of the loop, or a tick of a transfer in progress.
final class Heartbeat: @unchecked Sendable {
    private let lock = NSLock()
    private var last = Date()

    func beat() {
        lock.lock()
        defer { lock.unlock() }
        last = Date()
    }

    var age: TimeInterval {
        lock.lock()
        defer { lock.unlock() }
        return Date().timeIntervalSince(last)
    }
}

/// What the signal handlers asked for, read by the loop.
final class SignalFlags: @unchecked Sendable {
    enum Action { case reload, stop }

    private let lock = NSLock()
    private var reloadRequested = false
    private var stopRequested = false

    func raise(_ action: Action) {
        lock.lock()
        defer { lock.unlock() }
        switch action {
        case .reload: reloadRequested = true
        case .stop: stopRequested = true
        }
    }

    var stop: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopRequested
    }

    func takeReload() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let requested = reloadRequested
        reloadRequested = false
        return requested
    }
}
