import App
import Catalogue
import Foundation
import Hummingbird
import Logging
import Outbox
import ScheduleSources

/// The web server inside `serve` (`[web] listen`): Hummingbird on its own event loops, over the service's
/// own office (``LiveOffice``) and state. It starts before READY=1 and stops with the service.
public final class WebServer: @unchecked Sendable {
    public let settings: WebSettings
    private let live: LiveOffice
    private var task: Task<Void, any Error>?
    private let finished = DispatchSemaphore(value: 0)

    public init(settings: WebSettings, live: LiveOffice) {
        self.settings = settings
        self.live = live
    }

    /// Listens, and returns the port it listens on (the one given, or the one the system chose for 0).
    ///
    /// - Throws: ``WebServerError`` when the address cannot be bound within 10 seconds.
    public func start() throws -> Int {
        let started = DispatchSemaphore(value: 0)
        let port = PortBox()
        var logger = Logger(label: "nhacviec-web")
        logger.logLevel = .critical
        let app = Application(
            router: WebRoutes(live: live, settings: settings).router(),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
            onServerRunning: { channel in
                port.set(channel.localAddress?.port)
                started.signal()
            }, logger: logger)
        let finished = self.finished
        task = Task {
            defer {
                started.signal()
                finished.signal()
            }
            try await app.run()
        }
        guard started.wait(timeout: .now() + 10) == .success, let bound = port.get() else {
            task?.cancel()
            throw WebServerError(listen: "\(settings.host):\(settings.port)")
        }
        do {
            live.reportLinks = ReportLink.Signer(
                key: try WebAccess(database: try live.office.requiredState()).signingKey(),
                base: settings.linkBase(port: bound))
        } catch {
            stop()
            throw error
        }
        return bound
    }

    /// Stops listening and ends the open connections, within a few seconds.
    public func stop() {
        live.reportLinks = nil
        guard let task else { return }
        task.cancel()
        _ = finished.wait(timeout: .now() + 5)
        self.task = nil
    }
}

/// The web server could not listen: the port is taken, or the address is not this machine's.
public struct WebServerError: Error, CustomStringConvertible {
    public let listen: String
    public var description: String { "[web] listen = \"\(listen)\": cannot listen there (is the port taken?)" }
}

/// The port, set by the server's thread once it listens.
private final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var port: Int?
    func set(_ value: Int?) { lock.withLock { port = value } }
    func get() -> Int? { lock.withLock { port } }
}
