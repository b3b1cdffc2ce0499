import App
import Foundation
import Outbox
import TestSupport
import Testing

/// A config whose digests also go to a Zalo group of the OA, through a local server speaking Zalo's
/// shapes (Tests/Support/zalo_server.py).
func zaloConfig(_ folder: TemporaryFolder, port: Int) throws -> String {
    let config = try serviceConfig(folder)
    try FileManager.default.createDirectory(atPath: folder.file("credentials"), withIntermediateDirectories: true)
    try "khoa-bi-mat-cua-ung-dung\n".write(
        toFile: folder.file("credentials/zalo-secret-key"), atomically: true, encoding: .utf8)
    chmod(folder.file("credentials/zalo-secret-key"), 0o600)
    var text = try String(contentsOfFile: config, encoding: .utf8)
    text += """

        [[webhook]]
        name = "zalo-ubnd"
        kind = "zalo-group"
        group_id = "nhom-giao-ban"
        app_id = "4242"
        secret_key_file = "zalo-secret-key"
        url = "http://127.0.0.1:\(port)"
        oauth_url = "http://127.0.0.1:\(port)"

        """
    try text.write(toFile: config, atomically: true, encoding: .utf8)
    return config
}

/// What the Zalo server was asked, in order.
func zaloRequests(_ log: String) throws -> [[String: Any]] {
    try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map {
        try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
    }
}

@Suite("Zalo: a group of the OA, its tokens in the state", .serialized)
struct ZaloTests {
    @Test(
        "The first refresh token from the administrator; the digests delivered to the group; an access token Zalo stops taking mid-batch refreshed once, committed before use: no request with a stale token after it, no refresh token spent twice"
    )
    func deliveredAndRefreshed() async throws {
        let folder = try TemporaryFolder()
        try "lan-dau-tien\n".write(toFile: folder.file("refresh-token"), atomically: true, encoding: .utf8)
        let server = try TestServer(
            script: "zalo_server.py",
            arguments: [
                "--log", folder.file("zalo.log"), "--refresh-token", "lan-dau-tien", "--secret-key",
                "khoa-bi-mat-cua-ung-dung", "--expire-after", "2",
            ])
        let config = try zaloConfig(folder, port: server.port)
        let service = try dispatcher(config)
        let authorized = try CommandLineRun(
            ["zalo-token", "zalo-ubnd", "--refresh-token", folder.file("refresh-token"), "--config", config])
        #expect(authorized.status == 0, "\(authorized.stderr)")
        #expect(!authorized.stdout.contains("lan-dau-tien"), "the token is never printed")

        try await service.evaluate(now: vn("2024-03-14T07:31:00"))
        let counts = try await service.deliver(now: vn("2024-03-14T07:31:00"))
        #expect(counts.failed == 0 && counts.retrying == 0, "\(counts)")
        let requests = try zaloRequests(folder.file("zalo.log"))
        let refreshes = requests.filter { $0["path"] as? String == "/v4/oa/access_token" }
        let messages = requests.filter { $0["path"] as? String == "/v3.0/oa/group/message" }
        #expect(refreshes.count == 2, "the first, and once when Zalo stopped taking the token")
        #expect(messages.count == 4, "three digests, one sent again after the refresh")
        // Each refresh spends the refresh token the one before it gave, once.
        var expected = "lan-dau-tien"
        var access = ""
        for request in requests {
            let headers = request["headers"] as? [String: String] ?? [:]
            let answer = request["answer"] as? [String: Any] ?? [:]
            if request["path"] as? String == "/v4/oa/access_token" {
                let form = request["body"] as? String ?? ""
                #expect(form.contains("refresh_token=\(expected)") && form.contains("app_id=4242"), "\(form)")
                #expect(headers["secret_key"] == "khoa-bi-mat-cua-ung-dung")
                expected = answer["refresh_token"] as? String ?? "?"
                access = answer["access_token"] as? String ?? "?"
            } else {
                #expect(headers["access_token"] == access, "no request with a token older than the last refresh")
                let body =
                    try JSONSerialization.jsonObject(with: Data((request["body"] as? String ?? "").utf8))
                    as? [String: Any]
                #expect((body?["recipient"] as? [String: String])?["group_id"] == "nhom-giao-ban")
                let text = (body?["message"] as? [String: String])?["text"] ?? ""
                #expect(text.count <= 2_000 && text.contains("Nhắc việc"), "\(text)")
            }
        }
        let kept = try ZaloTokens(database: service.outbox.database).pair(of: "zalo-ubnd")
        #expect(kept?.refreshToken == expected && kept?.accessToken == access, "the last pair is the one kept")
        let status = try CommandLineRun(["status", "--config", config, "--json"])
        let zalo = try #require((try status.json()["zalo"] as? [[String: Any]])?.first)
        #expect(zalo["webhook"] as? String == "zalo-ubnd" && zalo["authorize_again"] as? Bool == false)
        #expect((zalo["access_expires_at"] as? String)?.hasPrefix("2024-03-15T") == true, "about 25 hours on")
        #expect(!status.stdout.contains(access) && !status.stdout.contains(expected), "no token in what status says")
    }

    @Test(
        "A refresh token Zalo refuses (-14020): every digest to the group fails for good, saying to authorize the OA again, and the clerk is told; no secret in what is kept"
    )
    func authorizeAgain() async throws {
        let folder = try TemporaryFolder()
        try "da-dung-roi\n".write(toFile: folder.file("refresh-token"), atomically: true, encoding: .utf8)
        let server = try TestServer(
            script: "zalo_server.py",
            arguments: [
                "--log", folder.file("zalo.log"), "--refresh-token", "con-hieu-luc", "--secret-key",
                "khoa-bi-mat-cua-ung-dung",
            ])
        let config = try zaloConfig(folder, port: server.port)
        let service = try dispatcher(config)
        #expect(
            try CommandLineRun(
                ["zalo-token", "zalo-ubnd", "--refresh-token", folder.file("refresh-token"), "--config", config]
            ).status == 0)
        try await service.evaluate(now: vn("2024-03-14T07:31:00"))
        let counts = try await service.deliver(now: vn("2024-03-14T07:31:00"))
        #expect(counts.failed == 3, "\(counts)")
        let failed = try service.outbox.all().filter { $0.state == .failed }
        #expect(
            failed.allSatisfy {
                ($0.lastAnswer ?? "").contains("-14020") && ($0.lastAnswer ?? "").contains("authorize the OA again")
            })
        #expect(
            failed.allSatisfy {
                !($0.lastAnswer ?? "").contains("khoa-bi-mat") && !($0.lastAnswer ?? "").contains("da-dung-roi")
            })
        // The clerk's notice of the failures goes out at the next round.
        try await service.evaluate(now: vn("2024-03-14T07:40:00"))
        _ = try await service.deliver(now: vn("2024-03-14T07:40:00"))
        let notices = try folder.files(in: "maildir/new", withExtension: "nhacviec").map { try parseMail($0) }.filter {
            $0["to_address"] as? String == "thu@phuong-ngoquyen.example"
                && ($0["text"] as? String)?.contains("-14020") == true
        }
        #expect(notices.count == 3, "one notice for each digest that failed")
        let refreshes = try zaloRequests(folder.file("zalo.log")).filter {
            $0["path"] as? String == "/v4/oa/access_token"
        }
        #expect(refreshes.count == 1, "a refresh token Zalo refused is not tried again")
        let status = try CommandLineRun(["status", "--config", config, "--json"])
        let zalo = try #require((try status.json()["zalo"] as? [[String: Any]])?.first)
        #expect(zalo["authorize_again"] as? Bool == true && (zalo["reason"] as? String)?.contains("-14020") == true)
        let text = try CommandLineRun(["status", "--config", config]).stdout
        #expect(text.contains("Zalo zalo-ubnd: cần ủy quyền lại cho OA (nhacviec zalo-token zalo-ubnd"), "\(text)")
        // Authorized again, it works: the refusal is forgotten.
        try "con-hieu-luc\n".write(toFile: folder.file("refresh-token"), atomically: true, encoding: .utf8)
        #expect(
            try CommandLineRun(
                ["zalo-token", "zalo-ubnd", "--refresh-token", folder.file("refresh-token"), "--config", config]
            ).status == 0)
        let body = Array(#"{"recipient": {"group_id": "nhom-giao-ban"}, "message": {"text": "thử"}}"#.utf8)
        guard case .success = try (await service.office).delivery().postWebhook("zalo-ubnd", body: body, id: "t") else {
            Issue.record("not delivered after authorizing again")
            return
        }
    }

    @Test(
        "A refresh token that would expire unused within 7 days: the clerk and the administrator are told once by mail; renewed by a send, nothing more"
    )
    func expiresUnused() async throws {
        let folder = try TemporaryFolder()
        let server = try TestServer(
            script: "zalo_server.py",
            arguments: [
                "--log", folder.file("zalo.log"), "--refresh-token", "sap-het-han", "--secret-key",
                "khoa-bi-mat-cua-ung-dung",
            ])
        let config = try zaloConfig(folder, port: server.port)
        // The administrator, who authorizes the OA, is told as well.
        let text = try String(contentsOfFile: config, encoding: .utf8).replacingOccurrences(
            of: "<vanphong@phuong-ngoquyen.example>\"\n",
            with: "<vanphong@phuong-ngoquyen.example>\"\nadministrator = \"quantri@phuong-ngoquyen.example\"\n")
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        let service = try dispatcher(config)
        let tokens = ZaloTokens(database: service.outbox.database)
        // Given 85 days before 14/03 07:00: it expires unused on 19/03.
        try tokens.authorize(
            "zalo-ubnd", refreshToken: "sap-het-han", at: vn("2024-03-14T07:00:00").timeIntervalSince1970 - 85 * 86_400)
        func warnings() throws -> [[String: Any]] {
            try folder.files(in: "maildir/new", withExtension: "nhacviec").map { try parseMail($0) }.filter {
                ($0["subject"] as? String)?.contains("refresh token sắp hết hạn") == true
            }
        }
        try await service.evaluate(now: vn("2024-03-14T07:00:00"))
        _ = try await service.deliver(now: vn("2024-03-14T07:00:00"))
        try await service.evaluate(now: vn("2024-03-14T07:10:00"))
        _ = try await service.deliver(now: vn("2024-03-14T07:10:00"))
        let told = try warnings()
        #expect(
            Set(told.compactMap { $0["to_address"] as? String })
                == ["thu@phuong-ngoquyen.example", "quantri@phuong-ngoquyen.example"] && told.count == 2)
        #expect(told.allSatisfy { ($0["text"] as? String)?.contains("nhacviec zalo-token zalo-ubnd") == true })
        // The 07:30 digests go to the group: the refresh renews the token, and no warning follows.
        try await service.evaluate(now: vn("2024-03-14T07:31:00"))
        _ = try await service.deliver(now: vn("2024-03-14T07:31:00"))
        try await service.evaluate(now: vn("2024-03-14T07:40:00"))
        _ = try await service.deliver(now: vn("2024-03-14T07:40:00"))
        #expect(try warnings().count == 2)
        let renewed = try #require(try tokens.pair(of: "zalo-ubnd"))
        #expect(renewed.refreshExpiresAt > vn("2024-06-01T00:00:00").timeIntervalSince1970)
    }

    @Test(
        "Killed (-9) while Zalo's answer to a refresh was on its way: the new pair is lost, and after the restart the service does not fail silently: status and a mail to the clerk say to authorize the OA again"
    )
    func pairLostAtKill() throws {
        let folder = try TemporaryFolder()
        try "truoc-khi-mat\n".write(toFile: folder.file("refresh-token"), atomically: true, encoding: .utf8)
        let server = try TestServer(
            script: "zalo_server.py",
            arguments: [
                "--log", folder.file("zalo.log"), "--refresh-token", "truoc-khi-mat", "--secret-key",
                "khoa-bi-mat-cua-ung-dung", "--lose-refresh",
            ])
        let config = try zaloConfig(folder, port: server.port)
        func serve(_ log: String) throws -> RunningCommand {
            try RunningCommand(
                ["serve", "--config", config, "--clock-start", "2024-03-14T07:31:00+07:00"], environment: [:],
                log: folder.file(log))
        }
        func wait(_ what: String, in command: RunningCommand, _ seconds: Double = 20) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while !command.log.contains(what) && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
            return command.log.contains(what)
        }
        // The state made, and the token given, before the service's first round.
        _ = try Office.open(config: config, environment: [:], state: .create)
        #expect(
            try CommandLineRun(
                ["zalo-token", "zalo-ubnd", "--refresh-token", folder.file("refresh-token"), "--config", config]
            ).status == 0)
        let first = try serve("serve-1.log")
        let deadline = Date().addingTimeInterval(20)
        while (try? String(contentsOfFile: folder.file("zalo.log"), encoding: .utf8))?.contains("\"lost\"") != true
            && Date() < deadline
        {
            Thread.sleep(forTimeInterval: 0.1)
        }
        first.signal(SIGKILL)
        _ = first.exitStatus(within: 10)

        let second = try serve("serve-2.log")
        defer {
            second.signal(SIGTERM)
            _ = second.exitStatus(within: 10)
        }
        #expect(wait("failed", in: second, 30), "\(second.log)")
        let status = try CommandLineRun(["status", "--config", config])
        #expect(status.stdout.contains("Zalo zalo-ubnd: cần ủy quyền lại cho OA"), "\(status.stdout)")
        let told = try mails(to: "thu@phuong-ngoquyen.example", in: folder, containing: "-14020", within: 20)
        #expect(!told.isEmpty, "the clerk is mailed")
        let spent = try zaloRequests(folder.file("zalo.log")).filter { $0["path"] as? String == "/v4/oa/access_token" }
            .map { ($0["body"] as? String ?? "") }
        #expect(spent.count == 2 && spent.allSatisfy { $0.contains("refresh_token=truoc-khi-mat") }, "\(spent)")
    }
}
