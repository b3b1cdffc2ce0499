import App
import Foundation
import Messages
import Planner
import TestSupport
import Testing
import Transports
import WorkingCalendar

/// The requests a receiver logged.
func loggedRequests(_ path: String) throws -> [[String: Any]] {
    guard FileManager.default.fileExists(atPath: path) else { return [] }
    return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
        try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
    }
}

@Suite("Webhooks through libcurl, against a real HTTP receiver", .serialized)
struct WebhookTransportTests {
    static let secret = "whsec_" + Data("nhacviec-test-key-0123456789abcdef".utf8).base64EncodedString()

    @Test("A generic webhook is signed as Standard Webhooks says; the receiver verifies the signature on its own")
    func signedGeneric() throws {
        let folder = try TemporaryFolder()
        let receiver = try TestServer(
            script: "http_receiver.py", arguments: ["--log", folder.file("log"), "--secret", Self.secret])
        let office = try exampleOffice()
        let day = CivilDate(year: 2024, month: 3, day: 14)!
        let digest = try #require(office.planner.digests(in: day...day).first { $0.recipient == "hung" })
        let body = WebhookPayload.body(digest, format: .generic, composer: office.composer)
        let signer = try WebhookSigner(secret: Self.secret)
        let headers =
            [("Content-Type", "application/json")]
            + signer.headers(id: digest.id.description, timestamp: 1_710_376_200, body: body)
        let result = WebhookTransport().post(
            WebhookRequest(url: "http://127.0.0.1:\(receiver.port)/ok", headers: headers, body: body))
        #expect(try result.get().answer.hasPrefix("HTTP 200"))
        let request = try #require(try loggedRequests(folder.file("log")).first)
        #expect(request["signature_valid"] as? Bool == true)
        let sent = try #require(
            try JSONSerialization.jsonObject(with: Data((request["body"] as? String ?? "").utf8)) as? [String: Any])
        #expect(sent["type"] as? String == "nhacviec.digest")
        #expect(sent["id"] as? String == "2024-03-14/hung/email")
        #expect((sent["recipient"] as? [String: Any])?["name"] as? String == "Trần Văn Hùng")
        let items = try #require(sent["items"] as? [[String: Any]])
        #expect(items.map { $0["task"] as? String } == ["2.1.4", "2.1.3"])
        #expect(items[0]["escalation"] as? Int == 2 && items[0]["stage"] as? String == "overdue")
        let headersSeen = try #require(request["headers"] as? [String: String])
        #expect(
            headersSeen["webhook-id"] == "2024-03-14/hung/email" && headersSeen["webhook-timestamp"] == "1710376200")
        // A body changed in flight no longer matches.
        let tampered = WebhookTransport().post(
            WebhookRequest(url: "http://127.0.0.1:\(receiver.port)/ok", headers: headers, body: body + Array(" ".utf8)))
        _ = try tampered.get()
        #expect(try loggedRequests(folder.file("log")).last?["signature_valid"] as? Bool == false)
    }

    @Test(
        "Answers: 2xx delivered; 500 and 429 (with Retry-After) worth retrying; 404 permanent; no answer in time retried",
        arguments: [
            ("/ok", nil, nil), ("/fail", true, nil), ("/limit", true, 7), ("/gone", false, nil), ("/never", true, nil),
        ] as [(String, Bool?, Int?)])
    func answers(path: String, retryable: Bool?, retryAfter: Int?) throws {
        let folder = try TemporaryFolder()
        let receiver = try TestServer(script: "http_receiver.py", arguments: ["--log", folder.file("log")])
        let request = WebhookRequest(
            url: "http://127.0.0.1:\(receiver.port)\(path)", headers: [], body: Array("{}".utf8), timeout: 2)
        switch WebhookTransport().post(request) {
        case .success(let receipt):
            #expect(retryable == nil, "delivered: \(receipt.answer)")
        case .failure(let error):
            #expect(error.isRetryable == retryable, "\(error.message)")
            #expect(error.retryAfter == retryAfter)
        }
    }

    @Test("Slack and Telegram bodies; the Telegram token goes into the URL and never into an error")
    func slackAndTelegram() throws {
        let office = try exampleOffice()
        let day = CivilDate(year: 2024, month: 3, day: 14)!
        let digest = try #require(office.planner.digests(in: day...day).first { $0.recipient == "hung" })
        let slack =
            try JSONSerialization.jsonObject(
                with: Data(WebhookPayload.body(digest, format: .slack, composer: office.composer))) as? [String: Any]
        #expect((slack?["text"] as? String)?.hasPrefix("*[Nhắc việc] 1 quá hạn, 1 sắp đến hạn (14/03/2024)*") == true)
        let telegram =
            try JSONSerialization.jsonObject(
                with: Data(
                    WebhookPayload.body(digest, format: .telegram(chatID: "-100123"), composer: office.composer)))
            as? [String: Any]
        #expect(telegram?["chat_id"] as? String == "-100123")
        #expect((telegram?["text"] as? String)?.contains("[2.1.4]") == true)

        let folder = try TemporaryFolder()
        let receiver = try TestServer(script: "http_receiver.py", arguments: ["--log", folder.file("log")])
        try "123456:SECRET-TOKEN\n".write(toFile: folder.file("telegram-token"), atomically: true, encoding: .utf8)
        let config = try webhookConfig(
            folder,
            webhook:
                "name = \"nhom\"\nkind = \"telegram\"\nurl = \"http://127.0.0.1:\(receiver.port)/telegram/bot{token}/sendMessage\"\ntoken_file = \"telegram-token\"\nchat_id = \"-100123\""
        )
        let delivery = try Office.open(config: config, environment: [:], state: .none).delivery()
        #expect(try delivery.postWebhook("nhom", body: Array("{}".utf8), id: "x").get().answer.hasPrefix("HTTP 200"))
        #expect(
            try loggedRequests(folder.file("log")).first?["path"] as? String
                == "/telegram/bot123456:SECRET-TOKEN/sendMessage")
        // The same webhook pointed at nothing: the error names the host, not the URL with its token.
        let down = try webhookConfig(
            folder,
            webhook:
                "name = \"nhom\"\nkind = \"telegram\"\nurl = \"http://127.0.0.1:\(try closedPort())/bot{token}/sendMessage\"\ntoken_file = \"telegram-token\"\nchat_id = \"1\""
        )
        guard
            case .failure(let error) = try Office.open(config: down, environment: [:], state: .none).delivery()
                .postWebhook(
                    "nhom", body: [], id: "x")
        else {
            Issue.record("delivered to nothing")
            return
        }
        #expect(!error.message.contains("SECRET-TOKEN"))
    }

    @Test("Secrets come from $CREDENTIALS_DIRECTORY first; a world-readable secret file earns a warning")
    func credentials() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.file("creds"), withIntermediateDirectories: true)
        try Self.secret.write(toFile: folder.file("creds/webhook-secret"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o600], ofItemAtPath: folder.file("creds/webhook-secret"))
        try "whsec_bm90LXRoaXMtb25l".write(toFile: folder.file("webhook-secret"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: folder.file("webhook-secret"))
        let config = try webhookConfig(
            folder,
            webhook:
                "name = \"he-thong\"\nkind = \"generic\"\nurl = \"http://127.0.0.1:9/x\"\nsecret_file = \"webhook-secret\""
        )
        let fromCredentials = try Office.open(
            config: config, environment: ["CREDENTIALS_DIRECTORY": folder.file("creds")], state: .none
        ).delivery()
        #expect(fromCredentials.warnings.isEmpty)
        let besideConfig = try Office.open(config: config, environment: [:], state: .none).delivery()
        #expect(besideConfig.warnings.count == 1)
        #expect(besideConfig.warnings[0].contains("can be read by every user"))
        #expect(!besideConfig.warnings[0].contains("bm90LXRoaXMtb25l"))
    }

    /// A config of the example's officials with one webhook, in `folder`.
    func webhookConfig(_ folder: TemporaryFolder, webhook: String) throws -> String {
        let text = try String(contentsOfFile: repositoryRoot + "/config/nhacviec.toml", encoding: .utf8)
            .replacingOccurrences(of: "plans = [\"plans/", with: "plans = [\"\(repositoryRoot)/config/plans/")
            .replacingOccurrences(
                of: "[[official]]\nid = \"khanh\"", with: "[[webhook]]\n\(webhook)\n\n[[official]]\nid = \"khanh\"")
        try text.write(toFile: folder.file("nhacviec.toml"), atomically: true, encoding: .utf8)
        return folder.file("nhacviec.toml")
    }
}

@Suite("Maildir")
struct MaildirTransportTests {
    @Test("Messages land in new/, whole, and tmp/ is left empty")
    func maildir() throws {
        let folder = try TemporaryFolder()
        let transport = MaildirTransport(url: "file://" + folder.file("maildir"))
        let results = transport.send(
            (1...3).map {
                MailEnvelope(
                    from: "a@x.example", to: "b@x.example", message: plainMessage(to: "b@x.example", subject: "s\($0)"))
            })
        #expect(results.allSatisfy { (try? $0.get()) != nil })
        let delivered = folder.files(in: "maildir/new", withExtension: "nhacviec")
        #expect(delivered.count == 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("maildir/tmp")).isEmpty)
        let subjects = try Set(
            delivered.map { try String(contentsOfFile: $0, encoding: .utf8).split(separator: "\r\n")[2] })
        #expect(subjects == ["Subject: s1", "Subject: s2", "Subject: s3"])
    }
}
