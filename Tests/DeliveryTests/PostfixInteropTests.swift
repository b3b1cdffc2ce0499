import App
import Foundation
import Planner
import TestSupport
import Testing
import Transports
import WorkingCalendar

/// A Postfix instance of its own (Debian's package), listening on a free loopback port and delivering
/// `thu@phuong-ngoquyen.example` into a Maildir through its `virtual` agent; stopped with the value.
final class PostfixInstance {
    let folder: TemporaryFolder
    let port: Int
    private var config: String { folder.file("conf") }

    init() throws {
        folder = try TemporaryFolder()
        port = try closedPort()
        let manager = FileManager.default
        for sub in ["conf", "queue", "data", "vmail"] {
            try manager.createDirectory(atPath: folder.file(sub), withIntermediateDirectories: true)
        }
        // The folder must be reachable by the postfix and nobody users.
        try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        try manager.setAttributes(
            [.ownerAccountID: 65534, .groupOwnerAccountID: 65534], ofItemAtPath: folder.file("vmail"))
        let master = try String(contentsOfFile: "/etc/postfix/master.cf", encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map { line -> String in
            var fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if fields.first == "smtp" && fields.count > 1 && fields[1] == "inet" {
                return "127.0.0.1:\(port) inet n - n - - smtpd"
            }
            // No chroot: the instance's queue is not where Debian's chroot expects it.
            if let first = line.first, first.isLetter, fields.count >= 8, fields[4] == "y" {
                fields[4] = "n"
                return fields.joined(separator: " ")
            }
            return String(line)
        }
        try master.joined(separator: "\n").write(
            toFile: folder.file("conf/master.cf"), atomically: true, encoding: .utf8)
        let main = """
            compatibility_level = 3.6
            queue_directory = \(folder.file("queue"))
            data_directory = \(folder.file("data"))
            mail_owner = postfix
            setgid_group = postdrop
            inet_interfaces = 127.0.0.1
            inet_protocols = ipv4
            myhostname = mail.nhacviec-test.example
            mydestination =
            mynetworks = 127.0.0.0/8
            alias_maps =
            alias_database =
            smtputf8_enable = yes
            maillog_file_prefixes = \(folder.path)
            maillog_file = \(folder.file("maillog"))
            virtual_mailbox_domains = phuong-ngoquyen.example
            virtual_mailbox_base = \(folder.file("vmail"))
            virtual_mailbox_maps = texthash:\(folder.file("conf/vmailbox"))
            virtual_uid_maps = static:65534
            virtual_gid_maps = static:65534
            virtual_minimum_uid = 100

            """
        try main.write(toFile: folder.file("conf/main.cf"), atomically: true, encoding: .utf8)
        try "thu@phuong-ngoquyen.example phuong-ngoquyen.example/thu/\n".write(
            toFile: folder.file("conf/vmailbox"), atomically: true, encoding: .utf8)
        try run("/usr/sbin/postfix", ["-c", config, "set-permissions", "create-missing"])
        try run("/usr/sbin/postfix", ["-c", config, "start"])
    }

    deinit { _ = try? run("/usr/sbin/postfix", ["-c", config, "stop"]) }

    /// The messages delivered to the clerk, waiting up to `seconds` for `count` of them.
    func delivered(count: Int, within seconds: Double) -> [String] {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let files = folder.files(in: "vmail/phuong-ngoquyen.example/thu/new", withExtension: "")
            if files.count >= count || Date() > deadline { return files }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    var log: String { (try? String(contentsOfFile: folder.file("maillog"), encoding: .utf8)) ?? "" }
}

@Suite(
    "Interop with a real Postfix", .serialized,
    .enabled(if: getuid() == 0 && FileManager.default.fileExists(atPath: "/usr/sbin/postfix")))
struct PostfixInteropTests {
    @Test("The clerk's digest goes through Postfix into her mailbox and reads back whole")
    func clerkDigest() throws {
        let postfix = try PostfixInstance()
        let office = try exampleOffice()
        let day = CivilDate(year: 2024, month: 3, day: 22)!
        let digest = try #require(office.planner.digests(in: day...day).first { $0.recipient == "thu" })
        let mail = try #require(office.composer.compose(digest, date: office.sendTime.instant(on: day)))
        let transport = SMTPTransport(
            settings: SMTPSettings(url: "smtp://127.0.0.1:\(postfix.port)", connectTimeout: 5))
        var result = transport.send([MailEnvelope(from: mail.envelope.from, to: mail.envelope.to, message: mail.bytes)]
        )[0]
        // Postfix may still be opening its port.
        for _ in 0..<20 where (try? result.get()) == nil {
            Thread.sleep(forTimeInterval: 0.5)
            result =
                transport.send([MailEnvelope(from: mail.envelope.from, to: mail.envelope.to, message: mail.bytes)])[0]
        }
        let receipt = try result.get()
        #expect(receipt.answer.hasPrefix("250 2.0.0 Ok: queued as"))
        let files = postfix.delivered(count: 1, within: 15)
        try #require(files.count == 1, "\(postfix.log)")
        let parsed = try parseMail(files[0])
        #expect(parsed["subject"] as? String == "[Nhắc việc] 1 quá hạn (22/03/2024)")
        #expect(parsed["to_name"] as? String == "Lê Thị Thu")
        #expect(parsed["message_id"] as? String == mail.messageID)
        #expect((parsed["header_names"] as? [String])?.contains("Received") == true)
        #expect(
            (parsed["text"] as? String)?.contains(
                "[BC.THANG] Báo cáo kết quả thực hiện kế hoạch hằng tháng gửi UBND thành phố") == true)
        #expect((parsed["text"] as? String)?.contains("Kỳ số liệu: 15/02/2024 – 14/03/2024") == true)
        #expect((parsed["events"] as? [[String: String]])?.first?["start"] == "2024-03-18")
    }
}
