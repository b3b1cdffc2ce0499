import App
import Foundation
import Hummingbird
import Logging
import ScheduleSources
import ServiceLifecycle

/// The web workspace as a service of `serve`'s group (`[web] listen`): Hummingbird over the ``Workspace``,
/// served while the config asks for it and served anew when a reload changes `[web]`. A port that cannot be
/// had stops no reminder: the journal says so, and the service goes on without its pages.
public struct WebService: Service {
    let workspace: Workspace
    /// Where the web's own lines go: listening, failures with their request id.
    let log: Logger

    public init(workspace: Workspace, log: Logger) {
        self.workspace = workspace
        self.log = log
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            var settings = await workspace.office.configuration.web
            while !Task.isCancelled {
                let current = settings
                let changed: WebSettings?? = await withTaskGroup(of: WebSettings??.self) { group in
                    group.addTask {
                        await serve(current)
                        return .none
                    }
                    group.addTask {
                        while !Task.isCancelled {
                            await workspace.replaced.wait(upTo: .seconds(3600))
                            let now = await workspace.office.configuration.web
                            if now != current { return .some(now) }
                        }
                        return .none
                    }
                    let first = await group.next() ?? .none
                    group.cancelAll()
                    return first
                }
                guard case .some(let next) = changed else { break }
                settings = next
            }
            await workspace.stoppedListening()
        }
    }

    /// Serves until cancelled; without settings, or when the address cannot be had, waits to be cancelled.
    private func serve(_ settings: WebSettings?) async {
        guard let settings else {
            await workspace.stoppedListening()
            return await idle()
        }
        var quiet = Logger(label: "nhacviec-web")
        quiet.logLevel = .critical
        let app = Application(
            router: WebRoutes(workspace: workspace, settings: settings, log: log).router(),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
            onServerRunning: { [workspace, log] channel in
                let port = channel.localAddress?.port ?? settings.port
                log.info(
                    "web: listening on \(settings.host):\(port); the links in mails start \(settings.linkBase(port: port))"
                )
                do {
                    _ = try await workspace.listening(at: settings.linkBase(port: port))
                } catch {
                    log.error("web: \(error)")
                }
            }, logger: quiet)
        do {
            try await app.run()
        } catch {
            guard !Task.isCancelled else { return }
            log.error(
                """
                web: [web] listen = "\(settings.host):\(settings.port)": cannot listen there (is the port taken?); \
                the reminders go on without the pages
                """)
            await workspace.stoppedListening()
            await idle()
        }
        await workspace.stoppedListening()
    }

    private func idle() async {
        while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
    }
}
