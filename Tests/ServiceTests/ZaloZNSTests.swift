import App
import Foundation
import Outbox
import TestSupport
import Testing

/// ``zaloConfig(_:port:)`` with a second Zalo webhook that sends by ZNS, with the group's tokens (one
/// authorization of the OA), and a phone for each official of the 14/03 digests and for the clerk.
func znsConfig(_ folder: TemporaryFolder, port: Int) throws -> String {
    let config = try zaloConfig(folder, port: port)
    var text = try String(contentsOfFile: config, encoding: .utf8)
    for (id, phone) in [
        ("hung", "0912 345 678"), ("khanh", "+84 983.111.222"), ("lam", "84377000111"), ("thu", "0905-123-456"),
    ] {
        text = text.replacingOccurrences(of: "id = \"\(id)\"\n", with: "id = \"\(id)\"\nphone = \"\(phone)\"\n")
    }
    text += """

        [[webhook]]
        name = "zalo-zns"
        kind = "zalo-zns"
        tokens_from = "zalo-ubnd"
        template_id = "tpl-nhac-viec"
        value_limit = 30
        url = "http://127.0.0.1:\(port)"

        [webhook.template_data]
        ten_can_bo = "official_name"
        so_viec = "count"
        viec_dau = "first_task"
        han = "first_deadline"

        """
    try text.write(toFile: config, atomically: true, encoding: .utf8)
    return config
}

/// The arguments of the Zalo server for ``znsConfig(_:port:)``.
func znsServer(_ folder: TemporaryFolder, _ more: [String] = []) throws -> TestServer {
    try TestServer(
        script: "zalo_server.py",
        arguments: [
            "--log", folder.file("zalo.log"), "--refresh-token", "lan-dau-tien", "--secret-key",
            "khoa-bi-mat-cua-ung-dung", "--template-id", "tpl-nhac-viec", "--template-params",
            "ten_can_bo,so_viec,viec_dau,han",
        ] + more)
}

/// Gives the OA's first refresh token, as the administrator does.
func authorizeZalo(_ folder: TemporaryFolder, _ config: String) throws {
    try "lan-dau-tien\n".write(toFile: folder.file("refresh-token"), atomically: true, encoding: .utf8)
    let run = try CommandLineRun(
        ["zalo-token", "zalo-ubnd", "--refresh-token", folder.file("refresh-token"), "--config", config])
    #expect(run.status == 0, "\(run.stderr)")
}

@Suite("Zalo: ZNS to an official's phone, its quota, send-test", .serialized)
struct ZaloZNSTests {
    @Test(
        "Each official with a phone gets the approved template, its parameters filled as the config maps them and cut at value_limit; the group's tokens serve it (one refresh); status shows the quota left"
    )
    func deliveredByTemplate() async throws {
        let folder = try TemporaryFolder()
        let server = try znsServer(folder, ["--quota", "50", "--report-quota"])
        let config = try znsConfig(folder, port: server.port)
        let service = try dispatcher(config)
        try authorizeZalo(folder, config)
        try await service.evaluate(now: vn("2024-03-14T07:31:00"))
        let counts = try await service.deliver(now: vn("2024-03-14T07:31:00"))
        #expect(counts.failed == 0 && counts.retrying == 0, "\(counts)")
        let requests = try zaloRequests(folder.file("zalo.log"))
        #expect(requests.filter { $0["path"] as? String == "/v4/oa/access_token" }.count == 1, "one pair for both")
        let zns = requests.filter { $0["path"] as? String == "/message/template" }
        #expect(zns.count == 3, "Hùng, Khánh and Lâm")
        var phones: Set<String> = []
        for request in zns {
            #expect((request["answer"] as? [String: Any])?["error"] as? Int == 0, "\(request)")
            let body = try #require(
                try JSONSerialization.jsonObject(with: Data((request["body"] as? String ?? "").utf8)) as? [String: Any])
            phones.insert(body["phone"] as? String ?? "")
            #expect(body["template_id"] as? String == "tpl-nhac-viec")
            let data = try #require(body["template_data"] as? [String: String])
            #expect(data.values.allSatisfy { $0.count <= 30 }, "\(data)")
            #expect(Int(data["so_viec"] ?? "") ?? 0 >= 1)
            #expect(data["viec_dau"]?.hasPrefix("[") == true)
            #expect(data["han"]?.range(of: #"^\d{2}/\d{2}/\d{4}$"#, options: .regularExpression) != nil, "\(data)")
            #expect((body["tracking_id"] as? String)?.count ?? 99 <= 48)
            if body["phone"] as? String == "84912345678" { #expect(data["ten_can_bo"] == "Trần Văn Hùng") }
        }
        #expect(phones == ["84912345678", "84983111222", "84377000111"], "each as ZNS writes it")
        let status = try CommandLineRun(["status", "--config", config, "--json"])
        let quota = try #require((try status.json()["zalo_quota"] as? [[String: Any]])?.first)
        #expect(
            quota["webhook"] as? String == "zalo-zns" && quota["remaining"] as? Int == 47
                && quota["daily"] as? Int == 50)
        let text = try CommandLineRun(["status", "--config", config]).stdout
        #expect(text.contains("Zalo zalo-zns: hạn mức ZNS còn 47/50 tin"), "\(text)")
    }

    @Test(
        "The quota used up mid-batch (-211): the rest stay queued, uncounted, until the next send time, the clerk told once; the next working day they go"
    )
    func quotaUsedUp() async throws {
        let folder = try TemporaryFolder()
        let server = try znsServer(folder, ["--quota", "1"])
        let config = try znsConfig(folder, port: server.port)
        let service = try dispatcher(config)
        try authorizeZalo(folder, config)
        try await service.evaluate(now: vn("2024-03-14T07:31:00"))
        let counts = try await service.deliver(now: vn("2024-03-14T07:31:00"))
        #expect(counts.failed == 0, "\(counts)")
        func zns() throws -> [OutboxItem] { try service.outbox.all().filter { $0.channel == .webhook("zalo-zns") } }
        let sent = try zns()
        let waiting = sent.filter { $0.state == .pending }
        #expect(waiting.count == 2 && sent.filter { $0.state == .delivered }.count == 1)
        #expect(waiting.allSatisfy { $0.attempts == 0 }, "no attempt counted against them")
        let resumes = vn("2024-03-15T07:30:00").timeIntervalSince1970
        #expect(waiting.allSatisfy { $0.nextAttemptAt == resumes }, "the next send time, never a midnight message")
        let refused = try zaloRequests(folder.file("zalo.log")).filter { $0["path"] as? String == "/message/template" }
        #expect(refused.count == 2, "the third is not sent to be refused")
        // The notice goes at the next round; a later round of the same day tells nothing more.
        for instant in ["2024-03-14T07:40:00", "2024-03-14T09:00:00"] {
            try await service.evaluate(now: vn(instant))
            _ = try await service.deliver(now: vn(instant))
        }
        func notices() throws -> [[String: Any]] {
            try folder.files(in: "maildir/new", withExtension: "nhacviec").map { try parseMail($0) }.filter {
                ($0["subject"] as? String)?.contains("hết hạn mức ZNS") == true
            }
        }
        let told = try notices()
        #expect(told.count == 1 && told.first?["to_address"] as? String == "thu@phuong-ngoquyen.example")
        #expect((told.first?["text"] as? String)?.contains("2 tin nhắc việc chưa gửi được") == true, "\(told)")
        #expect(
            try zaloRequests(folder.file("zalo.log")).filter { $0["path"] as? String == "/message/template" }.count
                == 2)
        let status = try CommandLineRun(["status", "--config", config, "--json"])
        let quota = try #require((try status.json()["zalo_quota"] as? [[String: Any]])?.first)
        #expect(quota["remaining"] as? Int == 0)
        // Zalo's new day, and the next send time: the two go, with the day's own.
        _ = try run(
            "/usr/bin/curl",
            ["-s", "-X", "POST", "-d", #"{"quota": 100}"#, "http://127.0.0.1:\(server.port)/test/new-day"])
        try await service.evaluate(now: vn("2024-03-15T07:31:00"))
        _ = try await service.deliver(now: vn("2024-03-15T07:31:00"))
        let after = try service.outbox.all()
        #expect(waiting.allSatisfy { item in after.first { $0.key == item.key }?.state == .delivered })
        #expect(try notices().count == 1)
    }

    @Test(
        "send-test --webhook: to the group, and by ZNS to the clerk's phone or --phone, with the state's tokens; before zalo-token it says what to do; a phone that is not one refused"
    )
    func sendTest() throws {
        let folder = try TemporaryFolder()
        let server = try znsServer(folder)
        let config = try znsConfig(folder, port: server.port)
        _ = try Office.open(config: config, environment: [:], state: .create)
        let early = try CommandLineRun(["send-test", "--webhook", "zalo-zns", "--config", config])
        #expect(early.status == 3 && early.stderr.contains("nhacviec zalo-token zalo-ubnd"), "\(early.stderr)")
        try authorizeZalo(folder, config)
        let group = try CommandLineRun(["send-test", "--webhook", "zalo-ubnd", "--config", config])
        #expect(group.status == 0 && group.stdout.hasPrefix("delivered: Zalo message"), "\(group.stderr)")
        let clerk = try CommandLineRun(["send-test", "--webhook", "zalo-zns", "--config", config])
        #expect(clerk.status == 0 && clerk.stdout.hasPrefix("delivered: Zalo message"), "\(clerk.stderr)")
        let other = try CommandLineRun(
            ["send-test", "--webhook", "zalo-zns", "--phone", "0987 654 321", "--config", config])
        #expect(other.status == 0, "\(other.stderr)")
        let bad = try CommandLineRun(["send-test", "--webhook", "zalo-zns", "--phone", "12345", "--config", config])
        #expect(bad.status != 0 && bad.stderr.contains("\"12345\""), "\(bad.stderr)")
        let requests = try zaloRequests(folder.file("zalo.log"))
        let phones = requests.filter { $0["path"] as? String == "/message/template" }.compactMap {
            (try? JSONSerialization.jsonObject(with: Data(($0["body"] as? String ?? "").utf8)) as? [String: Any])?[
                "phone"] as? String
        }
        #expect(phones == ["84905123456", "84987654321"])
        #expect(
            requests.filter { $0["path"] as? String == "/v4/oa/access_token" }.count == 1, "the pair kept is reused")
        for run in [group, clerk, other] {
            #expect(!run.stdout.contains("lan-dau-tien") && !run.stderr.contains("khoa-bi-mat"))
        }
    }
}

@Suite("ZNS's quota in the state, counted in Vietnam's days")
struct ZaloQuotaTests {
    @Test("Used up until midnight in Vietnam (17:00 UTC), not a moment longer; a quota left is no quota used up")
    func vietnamDays() throws {
        let folder = try TemporaryFolder()
        let quota = ZaloQuota(database: try StateDatabase(directory: folder.file("state")))
        try quota.record("zns", remaining: 0, daily: 500, at: vn("2024-03-14T08:00:00").timeIntervalSince1970)
        let used = try #require(try quota.standing(of: "zns"))
        #expect(used.usedUp(now: vn("2024-03-14T23:59:59")))
        #expect(!used.usedUp(now: vn("2024-03-15T00:00:00")), "a new day in Vietnam is a new allowance")
        try quota.record("zns", remaining: 3, daily: 500, at: vn("2024-03-15T08:00:00").timeIntervalSince1970)
        #expect(try quota.standing(of: "zns")?.usedUp(now: vn("2024-03-15T09:00:00")) == false)
        #expect(try quota.all().count == 1, "one row per webhook, the last answer")
    }
}
