import App
import Catalogue
import Foundation
import Outbox
import ServiceLifecycle
import UnixSignals

/// Reads the config and plans again on SIGHUP, when one of their files changes, or when the workspace asks
/// (a plan version applied in *Kế hoạch*). A version that loads whole replaces the office the workspace
/// serves and starts a round at once; a broken one is refused whole, and the old one keeps serving.
struct ReloadWatcher: Service {
    let workspace: Workspace
    let dispatcher: Dispatcher
    let clock: any Clock
    let journal: Journal
    let notifier: SystemdNotifier
    let status: ServiceStatus
    /// Rung to read the config and plans again now.
    let bell: Bell
    /// The reminders' bell, rung after a reload.
    let reminders: Bell
    /// The files' times when the service started, taken before it said READY.
    let startStamps: [String: Date]
    /// How often the files are looked at.
    static let interval: Duration = .seconds(1)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask {
                    for await _ in await UnixSignalsSequence(trapping: .sighup) { bell.ring() }
                }
                var watched = startStamps
                while !Task.isCancelled {
                    let asked = await bell.wait(upTo: Self.interval)
                    guard !Task.isCancelled else { break }
                    let office = await workspace.office
                    guard asked || Self.stamps(office) != watched else { continue }
                    await reload(office)
                    watched = Self.stamps(await workspace.office)
                }
                group.cancelAll()
            }
        }
    }

    private func reload(_ current: Office) async {
        notifier.send(["RELOADING": "1", "MONOTONIC_USEC": String(SystemdNotifier.monotonicMicroseconds())])
        defer { notifier.send(["READY": "1"]) }
        let reloads = ReloadLog(database: dispatcher.outbox.database)
        let now = clock.now().timeIntervalSince1970
        do {
            let office = try current.reloaded()
            // Its secrets are read before it serves: a missing one refuses the version.
            _ = try office.delivery()
            await workspace.replace(office)
            reminders.ring()
            // In the office's words: `status` shows it to the clerk.
            try? reloads.record(
                ok: true, message: CommandMessage.reloaded(tasks: office.schedule.tasks.count).text(office.language),
                at: now)
            journal.info("reloaded: \(office.schedule.tasks.count) tasks")
            status.degraded = nil
            Serving.keep(office, journal: journal)
        } catch OfficeError.schedule(let errors) {
            let accepted = AcceptedSchedule(stateDirectory: current.stateDirectory)
            await Serving.refused(
                RejectedSchedule(
                    errors: errors, servingSince: accepted.acceptedAt,
                    servedLanguage: current.configuration.email.language), office: current, when: "at reload",
                dispatcher: dispatcher, clock: clock, journal: journal, status: status)
        } catch {
            // The old version keeps serving; the files are not looked at again until they change.
            let said =
                (error as? OfficeError)?.text(current.language) ?? (error as? SecretError)?.text(current.language)
            try? reloads.record(ok: false, message: said ?? "\(error)", at: now)
            journal.error("reload rejected, the previous config keeps serving:\n\(error)")
        }
    }

    /// The modification times of the files the office's version is read from.
    static func stamps(_ office: Office) -> [String: Date] {
        var stamps: [String: Date] = [:]
        for path in office.configuration.files {
            stamps[path] =
                (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date ?? .distantPast
        }
        return stamps
    }
}
