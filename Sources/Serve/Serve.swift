import App
import Foundation
import Logging
import Service
import ServiceLifecycle
import Web

/// `nhacviec serve`, composed: the one place the service and the web meet. The reminders, the reload
/// watcher and the watchdog (``Serving``) and the web workspace (``WebService``) run as one `ServiceGroup`
/// over the same ``Workspace``; SIGTERM and SIGINT stop them all gracefully.
public enum Serve {
    /// Runs until stopped, then exits the process: 0 stopped, 1 could not start or had to stop.
    public static func run(configPath: String, clock: any Clock, until: Date?) async -> Never {
        guard let serving = try? Serving(configPath: configPath, clock: clock, until: until) else { exit(1) }
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
        // Exits while `serving` still holds the state database: closing GRDB's connections one by one makes
        // Dispatch start a thread at a priority a service may not take, and say so in the journal at every
        // stop. SQLite needs no close to be consistent.
        withExtendedLifetime(serving) { exit(status) }
    }
}
