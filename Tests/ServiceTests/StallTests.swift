import Foundation
import TestSupport
import Testing

@Suite("Stalls: a mail server that stops answering or never greets", .serialized)
struct StallTests {
    @Test(
        "A server silent at DATA: the watchdog keeps its rhythm, SIGTERM cuts the transfer and ends the service within 10 seconds, every message still queued"
    )
    func silentAtData() throws {
        let folder = try TemporaryFolder()
        let (server, _) = try smtpServer(in: folder, extra: ["--delay", "300"])
        let config = try massConfig(folder, count: 5, port: server.port)
        let notify = try NotifySocket(in: folder)
        let service = try RunningCommand(
            ["serve", "--config", config, "--clock-start", "2024-03-14T07:29:59+07:00"],
            environment: ["NOTIFY_SOCKET": notify.path, "JOURNAL_STREAM": "8:1", "WATCHDOG_USEC": "2000000"],
            log: folder.file("serve.log"))
        _ = notify.wait(for: "READY=1", seconds: 20)
        // The first message is sent and the server sits on it.
        let deadline = Date().addingTimeInterval(15)
        while !FileManager.default.fileExists(atPath: folder.file("mail/connections")) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
        }
        let pings = notify.wait(for: "never", seconds: 4).filter { $0.contains("WATCHDOG=1") }
        #expect(pings.count >= 3, "the watchdog went on through the stall: \(pings.count) pings in 4 s")
        let stoppedAt = Date()
        service.signal(SIGTERM)
        #expect(service.exitStatus(within: 10) == 0, "\(service.log)")
        #expect(Date().timeIntervalSince(stoppedAt) < 10)
        let status = try CommandLineRun("status", "--config", config)
        #expect(status.stdout.contains("Đang chờ gửi:         5"), "\(status.stdout)")
        #expect(status.stdout.contains("Gửi hỏng:             0"))
        #expect(!status.stdout.contains("Đang thử gửi lại:"), "the cut transfer was not counted as an attempt")
    }

    @Test("A server that never greets: one connection defers the whole batch, each message kept for a retry")
    func neverGreets() async throws {
        let folder = try TemporaryFolder()
        let server = try TestServer(script: "silent_server.py", arguments: ["--log", folder.file("connections")])
        var config = try String(contentsOfFile: try massConfig(folder, count: 5, port: server.port), encoding: .utf8)
        config = config.replacingOccurrences(of: "connect_timeout = 2", with: "connect_timeout = 2\ntimeout = 3")
        try config.write(toFile: folder.file("nhacviec.toml"), atomically: true, encoding: .utf8)
        let service = try dispatcher(folder.file("nhacviec.toml"))
        try await service.evaluate(now: vn("2024-03-14T07:31:00"))
        let counts = try await service.deliver(now: vn("2024-03-14T07:31:00"))
        #expect(counts.retrying == 5 && counts.delivered == 0 && counts.failed == 0)
        let connections = try String(contentsOfFile: folder.file("connections"), encoding: .utf8)
        #expect(connections.split(separator: "\n").count == 1, "one connection tried, not one per message")
    }

    @Test("While the mail server sits on a message, the webhooks of the same round go out beside it")
    func webhooksBesideAStalledBatch() async throws {
        let folder = try TemporaryFolder()
        let (server, _) = try smtpServer(in: folder, extra: ["--delay", "300"])
        let receiver = try TestServer(script: "http_receiver.py", arguments: ["--log", folder.file("requests")])
        var config = try String(contentsOfFile: try massConfig(folder, count: 5, port: server.port), encoding: .utf8)
        config = config.replacingOccurrences(of: "connect_timeout = 2", with: "connect_timeout = 2\ntimeout = 8")
        config += "\n[[webhook]]\nname = \"nhom\"\nkind = \"generic\"\nurl = \"http://127.0.0.1:\(receiver.port)/ok\"\n"
        try config.write(toFile: folder.file("nhacviec.toml"), atomically: true, encoding: .utf8)
        let service = try dispatcher(folder.file("nhacviec.toml"))
        try await service.evaluate(now: vn("2024-03-14T07:31:00"))
        let started = Date().timeIntervalSince1970
        let counts = try await service.deliver(now: vn("2024-03-14T07:31:00"))
        // When each webhook reached the receiver, by its own clock: while the mail batch still waited on the
        // server (it gives up after 8 s), not after it.
        let arrivals = try String(contentsOfFile: folder.file("requests"), encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["at"] as? Double ?? 0
        }
        #expect(arrivals.count == 5)
        #expect(
            arrivals.allSatisfy { $0 - started < 6 },
            "the 5 webhooks arrived while the mail batch was still waiting: \(arrivals.map { $0 - started })")
        #expect(counts.delivered == 5 && counts.retrying == 5, "\(counts)")
    }
}
