import App
import ArgumentParser
import Foundation
import Logging
import Service
import ServiceLifecycle
import Web

/// `nhacviec serve`: the service (a systemd Type=notify unit; see systemd/nhacviec.service). The one place
/// the web and the service meet: the reminders, the reload watcher and the watchdog (``Serving``) and the
/// web workspace (``WebService``) run as one `ServiceGroup` over the same ``Workspace``; SIGTERM and SIGINT
/// stop them all gracefully.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the reminder service (systemd Type=notify).")

    @OptionGroup var config: ConfigOptions

    @Option(
        help:
            "Run on a virtual clock starting at this instant (ISO 8601, e.g. 2024-03-01T06:00:00+07:00), for demos and tests."
    )
    var clockStart: String?

    @Option(help: "With --clock-start: how many times faster than real time the virtual clock runs.")
    var clockSpeed: Double = 1

    @Option(help: "Stop when the clock reaches this instant (ISO 8601).")
    var until: String?

    func run() async throws {
        let clock: any Clock
        if let clockStart {
            clock = VirtualClock(start: try Self.instant(clockStart, option: "--clock-start"), speed: clockSpeed)
        } else {
            clock = SystemClock()
        }
        let stop = try until.map { try Self.instant($0, option: "--until") }
        guard let serving = try? Serving(configPath: config.resolvedPath, clock: clock, until: stop) else {
            throw ExitCode(1)
        }
        let journal = serving.journal
        let web = Logger(label: "nhacviec-web") { _ in JournalLogHandler(journal: journal, level: .info) }
        let quiet = Logger(label: "nhacviec") { _ in JournalLogHandler(journal: journal, level: .critical) }
        let services =
            serving.services.map {
                ServiceGroupConfiguration.ServiceConfiguration(
                    service: $0, successTerminationBehavior: .gracefullyShutdownGroup,
                    failureTerminationBehavior: .gracefullyShutdownGroup)
            } + [
                // The pages never stop the reminders.
                .init(
                    service: WebService(workspace: serving.workspace, log: web), successTerminationBehavior: .ignore,
                    failureTerminationBehavior: .ignore)
            ]
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: quiet))
        var status: Int32 = 0
        do {
            try await group.run()
        } catch {
            status = 1
        }
        // Exits while the state database is still held: closing GRDB's connections one by one makes Dispatch
        // start a thread at a priority a service may not take, and say so in the journal at every stop.
        // SQLite needs no close to be consistent.
        withExtendedLifetime(serving) { Foundation.exit(status) }
    }

    static func instant(_ text: String, option: String) throws -> Date {
        guard let date = ISO8601DateFormatter().date(from: text) else {
            throw CommandFailure(
                text: "\(option): \"\(text)\" is not an ISO 8601 instant (write 2024-03-01T06:00:00+07:00)")
        }
        return date
    }
}
