import App
import Foundation
import TestSupport
import Testing

@Suite("Where secrets are found")
struct SecretsTests {
    /// A folder holding `files` (relative paths), each holding "Mật khẩu " and its own path.
    func folder(with files: [String]) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for file in files {
            let path = folder.file(file)
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try "Mật khẩu \(file)\n".write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        }
        return folder
    }

    @Test(
        "systemd's name for a loaded folder's file first, then a single-file credential, then the credentials folder and the config's folder",
        arguments: [
            (
                ["run/nhacviec_smtp-password", "run/smtp-password", "etc/credentials/smtp-password"],
                "run/nhacviec_smtp-password"
            ),
            (["run/smtp-password", "etc/credentials/smtp-password", "etc/smtp-password"], "run/smtp-password"),
            (["etc/credentials/smtp-password", "etc/smtp-password"], "etc/credentials/smtp-password"),
            (["etc/smtp-password"], "etc/smtp-password"),
        ])
    func order(files: [String], expected: String) throws {
        let folder = try folder(with: files)
        let secrets = Secrets(
            environment: ["CREDENTIALS_DIRECTORY": folder.file("run")], configFile: folder.file("etc/nhacviec.toml"))
        #expect(secrets.places(of: "smtp-password").count == 4)
        #expect(try secrets.read("smtp-password", purpose: "[email] password_file").value == "Mật khẩu \(expected)")
    }

    @Test(
        "Without $CREDENTIALS_DIRECTORY (the command line): the credentials folder beside the config, then the config's folder"
    )
    func commandLine() throws {
        let folder = try folder(with: ["etc/credentials/bot-token"])
        let secrets = Secrets(environment: [:], configFile: folder.file("etc/nhacviec.toml"))
        #expect(
            secrets.places(of: "bot-token") == [folder.file("etc/credentials/bot-token"), folder.file("etc/bot-token")])
        #expect(secrets.location(of: "bot-token") == folder.file("etc/credentials/bot-token"))
        #expect(throws: SecretError.self) { try secrets.read("other", purpose: "webhook x token_file") }
    }

    @Test("check says where each secret is, and warns of a missing one with the places looked in and systemd's name")
    func check() throws {
        let folder = try folder(with: ["credentials/smtp-password"])
        let config = try configWithEmail(
            folder,
            email:
                "url = \"smtps://mail.example:465\"\nfrom = \"vp@x.example\"\nusername = \"vp\"\npassword_file = \"smtp-password\"",
            extra:
                "[[webhook]]\nname = \"nhom\"\nkind = \"generic\"\nurl = \"https://h.example/x\"\nsecret_file = \"hook-secret\"\n"
        )
        let run = try CommandLineRun("check", "--config", config)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout.contains("[email] password_file \"smtp-password\": \(folder.file("credentials/smtp-password"))"))
        #expect(
            run.stderr.contains(
                "cảnh báo: webhook nhom secret_file \"hook-secret\": không thấy tệp ở \(folder.file("credentials/hook-secret")) hay \(folder.file("hook-secret"))"
            ), "\(run.stderr)")
        #expect(run.stderr.contains("$CREDENTIALS_DIRECTORY/nhacviec_hook-secret"))
        #expect(!(run.stdout + run.stderr).contains("Mật khẩu"), "the secret's content is never printed")
        // A password every user of the machine can read is said, as the service says it.
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o644], ofItemAtPath: folder.file("credentials/smtp-password"))
        let readable = try CommandLineRun("check", "--config", config)
        #expect(
            readable.stderr.contains(
                "cảnh báo: \(folder.file("credentials/smtp-password")) ([email] password_file) mọi người dùng trên máy đều đọc được"
            ), "\(readable.stderr)")

        // A signing secret that is there but not whsec_ and base64: check fails as serve would.
        try "whsec_not base64!\n".write(
            toFile: folder.file("credentials/hook-secret"), atomically: true, encoding: .utf8)
        let malformed = try CommandLineRun("check", "--config", config)
        #expect(malformed.status == 1)
        #expect(malformed.stderr.contains("1 tệp bí mật chưa dùng được như hiện có"), "\(malformed.stderr)")
        #expect(
            malformed.stderr.contains(
                "webhook nhom secret_file: khóa ký webhook phải là \"whsec_\" theo sau là chuỗi base64"),
            "\(malformed.stderr)")
        #expect(!malformed.stderr.contains("not base64!"), "the secret's content is never printed")
        let serve = try CommandLineRun(
            [
                "serve", "--config", config, "--clock-start", "2024-03-14T07:00:00+07:00", "--until",
                "2024-03-14T07:00:01+07:00",
            ],
            environment: ["STATE_DIRECTORY": folder.file("state")])
        #expect(serve.status == 1 && serve.stderr.contains("followed by base64"), "\(serve.stderr)")
    }
}
