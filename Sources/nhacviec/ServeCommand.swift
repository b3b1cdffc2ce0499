import App
import ArgumentParser
import Foundation
import Serve
import Service

/// `nhacviec serve`: the service (a systemd Type=notify unit; see systemd/nhacviec.service), composed by
/// the Serve module.
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
        await Serve.run(configPath: config.resolvedPath, clock: clock, until: stop)
    }

    static func instant(_ text: String, option: String) throws -> Date {
        guard let date = ISO8601DateFormatter().date(from: text) else {
            throw CommandFailure(
                text: "\(option): \"\(text)\" is not an ISO 8601 instant (write 2024-03-01T06:00:00+07:00)")
        }
        return date
    }
}
