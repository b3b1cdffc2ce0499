import Foundation
import TestSupport
import Testing

/// A config of the example's officials and plan whose `[email]` section is `email`, in `folder`.
func configWithEmail(_ folder: TemporaryFolder, email: String, extra: String = "") throws -> String {
    var text = try String(contentsOfFile: repositoryRoot + "/config/nhacviec.toml", encoding: .utf8)
        .replacingOccurrences(of: "plans = [\"plans/", with: "plans = [\"\(repositoryRoot)/config/plans/")
    let start = text.range(of: "[email]")!
    let end = text.range(of: "[[official]]")!
    text.replaceSubrange(start.lowerBound..<end.lowerBound, with: "[email]\n\(email)\n\n\(extra)\n")
    try text.write(toFile: folder.file("nhacviec.toml"), atomically: true, encoding: .utf8)
    return folder.file("nhacviec.toml")
}

@Suite("nhacviec send-test", .serialized)
struct SendTestCommandTests {
    @Test(
        "Through STARTTLS and AUTH, the password from $CREDENTIALS_DIRECTORY as systemd names a loaded folder's file: the server's answer printed, no secret"
    )
    func smtp() throws {
        let folder = try TemporaryFolder()
        let (server, certificate) = try smtpServer(in: folder, tls: true, auth: "vanphong:Mat-Khau-9")
        let cert = try #require(certificate)
        try FileManager.default.createDirectory(atPath: folder.file("creds"), withIntermediateDirectories: true)
        // LoadCredential=nhacviec:/etc/nhacviec/credentials hands over credentials/smtp-password so.
        try "Mat-Khau-9\n".write(
            toFile: folder.file("creds/nhacviec_smtp-password"), atomically: true, encoding: .utf8)
        let config = try configWithEmail(
            folder,
            email:
                "url = \"smtp://127.0.0.1:\(server.port)\"\nfrom = \"Văn phòng <vanphong@phuong-ngoquyen.example>\"\nusername = \"vanphong\"\npassword_file = \"smtp-password\"\nca_file = \"\(cert)\""
        )
        let run = try CommandLineRun(
            ["send-test", "--to", "thu@phuong-ngoquyen.example", "--config", config],
            environment: ["CREDENTIALS_DIRECTORY": folder.file("creds")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "delivered: 250 2.0.0 Ok: queued as Q0001\n")
        #expect(!(run.stdout + run.stderr).contains("Mat-Khau-9"))
        let parsed = try parseMail(try #require(folder.files(in: "mail", withExtension: ".eml").first))
        #expect(parsed["subject"] as? String == "[Nhắc việc] Thư thử nghiệm")

        try "wrong\n".write(toFile: folder.file("creds/nhacviec_smtp-password"), atomically: true, encoding: .utf8)
        let refused = try CommandLineRun(
            ["send-test", "--to", "thu@phuong-ngoquyen.example", "--config", config],
            environment: ["CREDENTIALS_DIRECTORY": folder.file("creds")])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("not delivered (permanent): the mail server refused the login"))
        #expect(!(refused.stdout + refused.stderr).contains("wrong"))
    }

    @Test(
        "STARTTLS is skipped for what resolves to loopback, not for a name that looks like it: no password in plain text to 127.relay.example"
    )
    func loopbackByAddress() throws {
        let folder = try TemporaryFolder()
        let (server, _) = try smtpServer(in: folder, auth: "vanphong:Mat-Khau-9")
        try FileManager.default.createDirectory(atPath: folder.file("creds"), withIntermediateDirectories: true)
        try "Mat-Khau-9\n".write(toFile: folder.file("creds/smtp-password"), atomically: true, encoding: .utf8)
        // The binary runs with a hosts file of its own (a private mount namespace): 127.relay.example is
        // 0.0.0.0, which is no loopback address yet reaches the test server; relay.loopback.test is 127.0.0.1.
        try "0.0.0.0 127.relay.example\n127.0.0.1 relay.loopback.test\n".write(
            toFile: folder.file("hosts"), atomically: true, encoding: .utf8)
        let ownHosts = [
            "/usr/bin/unshare", "--mount", "--propagation", "private", "/bin/sh", "-c",
            "mount --bind \"$0\" /etc/hosts && exec \"$@\"", folder.file("hosts"),
        ]
        func sendTest(host: String) throws -> CommandLineRun {
            let config = try configWithEmail(
                folder,
                email:
                    "url = \"smtp://\(host):\(server.port)\"\nfrom = \"vanphong@phuong-ngoquyen.example\"\nusername = \"vanphong\"\npassword_file = \"smtp-password\""
            )
            return try CommandLineRun(
                ["send-test", "--to", "thu@phuong-ngoquyen.example", "--config", config],
                environment: ["CREDENTIALS_DIRECTORY": folder.file("creds")], wrapper: ownHosts)
        }
        let lookalike = try sendTest(host: "127.relay.example")
        #expect(lookalike.status == 3, "\(lookalike.stderr)")
        #expect(lookalike.stderr.contains("does not offer STARTTLS, which is required off loopback"))
        #expect(folder.files(in: "mail", withExtension: ".eml").isEmpty)
        let loopback = try sendTest(host: "relay.loopback.test")
        #expect(loopback.status == 0, "\(loopback.stderr)")
        let stored = try #require(folder.files(in: "mail", withExtension: ".json").first)
        let session =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: stored))) as? [String: Any]
        #expect(session?["auth"] as? Bool == true && session?["tls"] as? Bool == false, "\(session ?? [:])")
    }

    @Test("A server that is down: exit 3, temporary, the reason given")
    func down() throws {
        let folder = try TemporaryFolder()
        let config = try configWithEmail(
            folder,
            email:
                "url = \"smtp://127.0.0.1:\(try closedPort())\"\nfrom = \"vp@phuong-ngoquyen.example\"\nconnect_timeout = 2"
        )
        let run = try CommandLineRun("send-test", "--to", "thu@phuong-ngoquyen.example", "--config", config)
        #expect(run.status == 3)
        #expect(run.stderr.contains("not delivered (temporary): cannot reach the mail server"))
    }

    @Test("A missing password file is named, and nothing is sent")
    func missingPassword() throws {
        let folder = try TemporaryFolder()
        let config = try configWithEmail(
            folder,
            email:
                "url = \"smtp://127.0.0.1:25\"\nfrom = \"vp@x.example\"\nusername = \"vp\"\npassword_file = \"smtp-password\""
        )
        let run = try CommandLineRun(
            ["send-test", "--to", "a@x.example", "--config", config],
            environment: ["CREDENTIALS_DIRECTORY": folder.file("none")])
        #expect(run.status == 1)
        #expect(run.stderr.contains("[email] password_file: the file \"smtp-password\" is not in"))
    }

    @Test("Into the Maildir of the default config; and to a webhook by name")
    func maildirAndWebhook() throws {
        let folder = try TemporaryFolder()
        let receiver = try TestServer(script: "http_receiver.py", arguments: ["--log", folder.file("log")])
        let config = try configWithEmail(
            folder, email: "url = \"file://\(folder.file("maildir"))\"\nfrom = \"vp@phuong-ngoquyen.example\"",
            extra:
                "[[webhook]]\nname = \"he-thong\"\nkind = \"generic\"\nurl = \"http://127.0.0.1:\(receiver.port)/ok\"\n"
        )
        let mail = try CommandLineRun("send-test", "--to", "thu@phuong-ngoquyen.example", "--config", config)
        #expect(mail.status == 0, "\(mail.stderr)")
        #expect(mail.stdout.hasPrefix("delivered: written to \(folder.file("maildir"))/new/"))
        let hook = try CommandLineRun("send-test", "--webhook", "he-thong", "--config", config)
        #expect(hook.status == 0, "\(hook.stderr)")
        #expect(hook.stdout.hasPrefix("delivered: HTTP 200"))
        let unknown = try CommandLineRun("send-test", "--webhook", "nhom-zalo", "--config", config)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no webhook is named \"nhom-zalo\" (configured: he-thong)"))
        let usage = try CommandLineRun("send-test", "--config", config)
        #expect(usage.status == 2)
    }

    @Test("check reports a broken template with its file and line")
    func checkTemplate() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.file("templates"), withIntermediateDirectories: true)
        try "Kính gửi {{recipient.name}}\n\n{{#overdue}}\n{{title}}\n".write(
            toFile: folder.file("templates/digest-text.mustache"), atomically: true, encoding: .utf8)
        let config = try configWithEmail(folder, email: "from = \"vp@x.example\"\ntemplates = \"templates\"")
        let run = try CommandLineRun("check", "--config", config)
        #expect(run.status == 1)
        #expect(run.stderr.contains("templates/digest-text.mustache:"), "\(run.stderr)")

        // A partial that includes itself passes the engine's parser but would overflow the stack at the
        // first send: check refuses it, with its place.
        try "Kính gửi {{recipient.name}}\n".write(
            toFile: folder.file("templates/digest-text.mustache"), atomically: true, encoding: .utf8)
        try "{{title}}\n{{> item-text}}\n".write(
            toFile: folder.file("templates/item-text.mustache"), atomically: true, encoding: .utf8)
        let recursive = try CommandLineRun("check", "--config", config)
        #expect(recursive.status == 1)
        #expect(
            recursive.stderr.contains(
                "templates/item-text.mustache:2: các mẫu thư gọi lẫn nhau không dứt: item-text → item-text"),
            "\(recursive.stderr)")
    }
}
