import Foundation
import TestSupport
import Testing

/// A config of `count` officials, each responsible for one task due Thursday 14/03/2024, so that
/// `count` digests are due at 07:30 that day; mail to the SMTP server on `port`.
func massConfig(_ folder: TemporaryFolder, count: Int, port: Int) throws -> String {
    var config = """
        state_dir = "\(folder.file("state"))"
        plans = ["plan.toml"]

        [email]
        url = "smtp://127.0.0.1:\(port)"
        from = "Văn phòng <vanphong@x.example>"
        connect_timeout = 2

        """
    var plan = "[plan]\nid = \"p\"\ntitle = \"Kế hoạch\"\nyear = 2024\n"
    for i in 1...count {
        config += "\n[[official]]\nid = \"o\(i)\"\nname = \"Cán bộ Số \(i)\"\nemail = \"o\(i)@x.example\"\n"
        plan += "\n[[task]]\nid = \"T\(i)\"\ntitle = \"Việc \(i)\"\nresponsible = \"o\(i)\"\ndue = 2024-03-14\n"
    }
    try config.write(toFile: folder.file("nhacviec.toml"), atomically: true, encoding: .utf8)
    try plan.write(toFile: folder.file("plan.toml"), atomically: true, encoding: .utf8)
    return folder.file("nhacviec.toml")
}

/// The Message-IDs of what the test SMTP server received.
func receivedMessageIDs(_ folder: TemporaryFolder) -> [String] {
    folder.files(in: "mail", withExtension: ".eml").compactMap { path in
        (try? String(contentsOfFile: path, encoding: .utf8))?.split(separator: "\r\n").first {
            $0.hasPrefix("Message-ID: ")
        }
        .map { String($0.dropFirst("Message-ID: ".count)) }
    }
}

@Suite("Faults: kill -9, a mail server away", .serialized)
struct FaultTests {
    static let count = 210

    @Test(
        "kill -9 at random moments while 210 notifications are delivered, restarted 10 times: all delivered, at most one duplicate per kill"
    )
    func killNine() throws {
        let folder = try TemporaryFolder()
        let (server, _) = try smtpServer(in: folder, extra: ["--delay", "0.02"])
        let config = try massConfig(folder, count: Self.count, port: server.port)
        var generator = SystemRandomNumberGenerator()
        var kills = 0
        var receivedAtKills: [Int] = []
        for round in 0...10 {
            let notify = try NotifySocket(in: folder, name: "notify-\(round).sock")
            let service = try RunningCommand(
                ["serve", "--config", config, "--clock-start", "2024-03-14T07:30:00+07:00"],
                environment: ["NOTIFY_SOCKET": notify.path], log: folder.file("serve-\(round).log"))
            if round < 10 {
                Thread.sleep(forTimeInterval: Double.random(in: 0.3...2.0, using: &generator))
                kill(service.process.processIdentifier, SIGKILL)
                service.process.waitUntilExit()
                kills += 1
                receivedAtKills.append(receivedMessageIDs(folder).count)
            } else {
                let deadline = Date().addingTimeInterval(60)
                while Set(receivedMessageIDs(folder)).count < Self.count && Date() < deadline {
                    Thread.sleep(forTimeInterval: 0.2)
                }
                service.signal(SIGTERM)
                // Exit within 10 s is ServeTests' and the systemd test's to check; here, under the load
                // of the whole suite, a clean exit is what matters (once seen taking longer: see the log).
                #expect(service.exitStatus(within: 30) == 0, "\(service.log)")
            }
        }
        let received = receivedMessageIDs(folder)
        let unique = Set(received)
        print(
            "kill -9 figures: \(kills) kills; messages received at each kill \(receivedAtKills); \(received.count) received, \(unique.count) distinct, \(received.count - unique.count) duplicate(s)"
        )
        #expect(unique.count == Self.count, "received \(received.count), after each kill: \(receivedAtKills)")
        #expect(
            received.count - unique.count <= kills, "\(received.count - unique.count) duplicates for \(kills) kills")
        // The kills did land while the batch was going out.
        #expect(receivedAtKills.contains { $0 > 0 && $0 < Self.count })
        let status = try CommandLineRun("status", "--config", config, "--json")
        let json = try status.json()
        #expect(json["delivered"] as? Int == Self.count && json["queued"] as? Int == 0 && json["failed"] as? Int == 0)
    }

    @Test("The mail server away for a while, then back: everything delivered, nothing failed")
    func serverAwayThenBack() throws {
        let folder = try TemporaryFolder()
        let port = try closedPort()
        let config = try massConfig(folder, count: 20, port: port)
        // Ten virtual minutes per real second: retries after 1, 2, 4, 8 minutes come quickly.
        let service = try RunningCommand(
            ["serve", "--config", config, "--clock-start", "2024-03-14T07:29:59+07:00", "--clock-speed", "600"],
            environment: [:], log: folder.file("serve.log"))
        let tried = Date().addingTimeInterval(20)
        while !service.log.contains("will retry") && Date() < tried { Thread.sleep(forTimeInterval: 0.1) }
        #expect(service.log.contains("will retry"), "\(service.log)")
        #expect(receivedMessageIDs(folder).isEmpty)
        let server = try TestServer(
            script: "smtp_server.py", arguments: ["--store", folder.file("mail"), "--port", String(port)])
        let deadline = Date().addingTimeInterval(30)
        while receivedMessageIDs(folder).count < 20 && Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        #expect(Set(receivedMessageIDs(folder)).count == 20, "\(service.log)")
        service.signal(SIGTERM)
        #expect(service.exitStatus(within: 10) == 0)
        let json = try CommandLineRun("status", "--config", config, "--json").json()
        #expect(json["delivered"] as? Int == 20 && json["failed"] as? Int == 0)
        _ = server
    }
}
