import Foundation
import TestSupport
import Testing

@Suite("Secrets never leave: what a server echoes is scrubbed before it is stored, logged or shown", .serialized)
struct LeakTests {
    static let token = "987654321:AAH-nhacviec_Test-Token"

    @Test(
        "A webhook server that echoes the token in its 404 page: the journal, status, status --json, the reports, send-test, the database and the clerk's notices hold no form of it"
    )
    func echoedToken() throws {
        let folder = try TemporaryFolder()
        let receiver = try TestServer(script: "http_receiver.py", arguments: ["--log", folder.file("requests")])
        try (Self.token + "\n").write(toFile: folder.file("bot-token"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: folder.file("bot-token"))
        let config = try serviceConfig(
            folder,
            extra: """
                [[webhook]]
                name = "nhom"
                kind = "telegram"
                url = "http://127.0.0.1:\(receiver.port)/echo/bot{token}/sendMessage"
                token_file = "bot-token"
                chat_id = "-100123"
                """)
        let service = try RunningCommand(
            [
                "serve", "--config", config, "--clock-start", "2024-03-14T07:29:58+07:00", "--clock-speed", "4",
                "--until", "2024-03-14T07:30:10+07:00",
            ],
            environment: ["JOURNAL_STREAM": "8:1"], log: folder.file("serve.log"))
        #expect(service.exitStatus(within: 60) == 0, "\(service.log)")
        let requests = try String(contentsOfFile: folder.file("requests"), encoding: .utf8)
        #expect(requests.contains(Self.token), "the token did go to the server, in the URL")

        var outputs = ["journal": service.log]
        for arguments in [
            ["status"], ["status", "--json"], ["report", "--period", "2024-03", "--format", "md"],
            ["report", "--period", "2024-03", "--format", "html"],
            ["report", "--period", "2024-03", "--format", "json"],
            ["report", "--period", "2024-03", "--format", "csv"], ["send-test", "--webhook", "nhom"],
        ] {
            let run = try CommandLineRun(arguments + ["--config", config])
            outputs[arguments.joined(separator: " ")] = run.stdout + run.stderr
        }
        outputs["database"] = try dump(folder.file("state/nhacviec.sqlite"))
        for path in folder.files(in: "maildir/new", withExtension: "nhacviec") {
            let mail = try parseMail(path)
            outputs[path] = "\(mail["subject"] ?? "") \(mail["text"] ?? "") \(mail["html"] ?? "")"
        }
        // The echo was there, and was scrubbed, everywhere it was shown.
        #expect(outputs["journal"]?.contains("Cannot POST /echo/bot[secret]/sendMessage") == true, "\(service.log)")
        #expect(outputs["status"]?.contains("[secret]") == true, "\(outputs["status"] ?? "")")
        #expect(outputs["send-test --webhook nhom"]?.contains("refused the webhook") == true)
        #expect(outputs.keys.contains { $0.hasSuffix(".nhacviec") }, "a failure notice reached the clerk")
        let encoded = Self.token.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let forms = [Self.token, encoded, encoded.lowercased(), Data(Self.token.utf8).base64EncodedString()]
        for (name, text) in outputs {
            for form in forms { #expect(!text.contains(form), "\(name) holds the token as \(form)") }
        }
    }

    /// Every row of every table of the state database, as text.
    private func dump(_ database: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            "-c",
            """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            for (table,) in db.execute("select name from sqlite_master where type = 'table'"):
                for row in db.execute("select * from " + table):
                    print(table, [x.decode("utf-8", "replace") if isinstance(x, bytes) else x for x in row])
            """,
            database,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
