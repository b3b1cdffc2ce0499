import App
import Catalogue
import Foundation
import Outbox
import ServiceLifecycle
import Synchronization

/// The reminders: sleeps until the next due instant (never longer than a minute on the wall clock, so a
/// clock jump or a suspend cannot skip a send time), evaluates, delivers, and sleeps again, over the office
/// the ``Workspace`` serves. A ring of its bell (a sign-in link to send, a reload done) starts a round at
/// once. A graceful shutdown cuts a transfer in progress; what is left stays queued.
struct ReminderService: Service {
    let workspace: Workspace
    let dispatcher: Dispatcher
    let clock: any Clock
    let until: Date?
    let journal: Journal
    let notifier: SystemdNotifier
    let status: ServiceStatus
    /// Rung for a round now.
    let bell: Bell
    let heartbeat: Heartbeat
    let stop: StopRequest

    func run() async throws {
        await announce()
        try await cancelWhenGracefulShutdown {
            try await withTaskCancellationHandler {
                try await rounds()
            } onCancel: {
                stop.raise()
                bell.ring()
            }
        }
        notifier.send(["STOPPING": "1"])
        journal.info("stopped")
    }

    private func rounds() async throws {
        let outbox = dispatcher.outbox
        var generation = await workspace.generation
        while !Task.isCancelled {
            heartbeat.beat()
            let now = clock.now()
            if let until, now >= until { break }
            generation = try await take(generation)
            do {
                try await dispatcher.evaluate(now: now)
                try await dispatcher.deliver(now: now)
                try outbox.setNextSend(await dispatcher.nextSend(after: now).timeIntervalSince1970)
                try outbox.recordRound(at: Date().timeIntervalSince1970)
                // Completions written by `done` were read in the round: the pages show them too.
                generation = await workspace.adopt(await dispatcher.office, ifStill: generation)
            } catch  where StateDatabase.isDamage(error) {
                // Going on would send nothing and record nothing; a restart refuses the file and says why.
                journal.error("stopping: the state database is damaged: \(error)")
                throw ServeFailure()
            } catch {
                journal.error("state database: \(error)")
            }
            guard outbox.database.isInPlace() else {
                journal.error(
                    "stopping: the state database \(StateDatabase.path(in: await dispatcher.office.stateDirectory)) "
                        + "was deleted or replaced while the service ran; restore the last backup (docs/service.md)")
                throw ServeFailure()
            }
            let next = (try? await dispatcher.nextDue(after: now)) ?? now.addingTimeInterval(60)
            let pending = (try? outbox.summary().pending) ?? 0
            let office = await dispatcher.office
            let running = "next send \(office.iso(await dispatcher.nextSend(after: now))); \(pending) queued"
            notifier.send(["STATUS": status.degraded.map { "degraded: \($0); \(running)" } ?? running])
            var wait = min(clock.realSeconds(for: max(0, next.timeIntervalSince(now))), 60)
            if let until { wait = min(wait, clock.realSeconds(for: max(0, until.timeIntervalSince(now))) + 0.001) }
            if let interval = notifier.watchdogInterval { wait = min(wait, interval) }
            await bell.wait(upTo: .seconds(max(0.001, wait)))
        }
    }

    /// Says how the start went (the journal, the reload log, a refused version to the clerk), waits up to
    /// 10 seconds for the web to listen when `[web]` asks for it, and tells systemd the service is ready.
    private func announce() async {
        let office = await workspace.office
        (await dispatcher.warnings).forEach(journal.warning)
        let reloads = ReloadLog(database: dispatcher.outbox.database)
        if let rejected = office.rejected {
            await Serving.refused(
                rejected, office: office, when: "at start", dispatcher: dispatcher, clock: clock, journal: journal,
                status: status)
        } else {
            try? reloads.record(
                ok: true,
                message: CommandMessage.serviceStarted(tasks: office.schedule.tasks.count).text(office.language),
                at: clock.now().timeIntervalSince1970)
            Serving.keep(office, journal: journal)
        }
        if office.configuration.web != nil { await workspace.webAnswered.wait(upTo: .seconds(10)) }
        journal.info("started: \(office.schedule.tasks.count) tasks, state in \(office.stateDirectory)")
        notifier.send(["READY": "1", "STATUS": status.degraded.map { "degraded: \($0)" } ?? "started"])
    }

    /// The office the workspace serves now, and the web's links, given to the dispatcher when they changed.
    private func take(_ generation: Int) async throws -> Int {
        let served = await workspace.served
        await dispatcher.sign(reportLinks: await workspace.reportLinks)
        guard served.generation != generation else { return generation }
        do {
            try await dispatcher.replace(office: served.office)
        } catch {
            journal.error("the new version's secrets cannot be read; the reminders go on with the previous: \(error)")
        }
        return served.generation
    }
}

/// The service stops with a non-zero status; the journal said why.
struct ServeFailure: Error {}

/// What systemd's STATUS= says beside the next send while a refused version is pending.
final class ServiceStatus: Sendable {
    private let text = Mutex<String?>(nil)

    var degraded: String? {
        get { text.withLock { $0 } }
        set { text.withLock { $0 = newValue } }
    }
}

extension Office {
    /// An instant in ISO 8601 in the office's time zone, as the journal and STATUS= write it.
    func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = sendTime.timeZone
        return formatter.string(from: date)
    }
}
