import Foundation
import ServiceLifecycle

/// Pings systemd's watchdog twice an interval while the reminders or a transfer have shown life within two
/// intervals: a slow mail server no longer starves it, a hung process still does.
struct Watchdog: Service {
    let interval: TimeInterval
    let heartbeat: Heartbeat
    let notifier: SystemdNotifier

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(interval / 2))
                if heartbeat.age < interval * 2 { notifier.send(["WATCHDOG": "1"]) }
            }
        }
    }
}
