import App
import Catalogue
import Foundation
import Messages
import Model
import Planner
import TestSupport
import Testing
import Transports
import WorkingCalendar

/// The example office, without state.
func exampleOffice() throws -> Office {
    try Office.open(config: repositoryRoot + "/config", environment: [:], state: .none)
}

/// Sends `bytes` through a real SMTP server and returns the parsed message as Python's email package
/// reads it.
func sendAndParse(_ bytes: [UInt8], to address: String) throws -> [String: Any] {
    let folder = try TemporaryFolder()
    let server = try TestServer(script: "smtp_server.py", arguments: ["--store", folder.file("mail")])
    let transport = SMTPTransport(settings: SMTPSettings(url: "smtp://127.0.0.1:\(server.port)"))
    _ = try transport.send([MailEnvelope(from: "vanphong@phuong-ngoquyen.example", to: address, message: bytes)])[0]
        .get()
    let received = try #require(folder.files(in: "mail", withExtension: ".eml").first)
    return try parseMail(received)
}

@Suite("Vietnamese MIME mail, read back by Python's email package", .serialized)
struct MailComposerTests {
    /// Hùng's digest of 14/03/2024: 2.1.4 ten working days late, 2.1.3 due in seven.
    func hungDigest(_ office: Office) throws -> Digest {
        let day = CivilDate(year: 2024, month: 3, day: 14)!
        return try #require(office.planner.digests(in: day...day).first { $0.recipient == "hung" })
    }

    @Test("A digest of the example: Vietnamese subject and names round-trip, multipart/alternative, the .ics parses")
    func exampleDigest() throws {
        let office = try exampleOffice()
        let digest = try hungDigest(office)
        let date = office.sendTime.instant(on: digest.sendDay)
        let mail = try #require(office.composer.compose(digest, date: date))
        let parsed = try sendAndParse(mail.bytes, to: mail.envelope.to)
        #expect(parsed["subject"] as? String == "[Nhắc việc] 1 quá hạn, 1 sắp đến hạn (14/03/2024)")
        #expect(parsed["from_name"] as? String == "Văn phòng UBND phường Ngô Quyền")
        #expect(parsed["from_address"] as? String == "vanphong@phuong-ngoquyen.example")
        #expect(parsed["to_name"] as? String == "Trần Văn Hùng")
        #expect(parsed["to_address"] as? String == "hung@phuong-ngoquyen.example")
        #expect(parsed["auto_submitted"] as? String == "auto-generated")
        #expect(parsed["date"] as? String == "Thu, 14 Mar 2024 07:30:00 +0700")
        #expect(parsed["message_id"] as? String == mail.messageID)
        #expect(
            parsed["parts"] as? [String] == [
                "multipart/mixed", "multipart/alternative", "text/plain", "text/html", "text/calendar",
            ])
        #expect((parsed["defects"] as? [String])?.isEmpty == true)
        let text = try #require(parsed["text"] as? String)
        #expect(text.hasPrefix("Kính gửi đồng chí Trần Văn Hùng (Công chức Địa chính - Xây dựng),\n"))
        #expect(
            text.contains(
                "QUÁ HẠN\n- [2.1.4] Rà soát các tuyến đường đã giải tỏa mái che, mái vẩy, bảo đảm mỹ quan đô thị\n  Hạn: 29/02/2024; quá hạn 10 ngày làm việc"
            ))
        #expect(text.contains("SẮP ĐẾN HẠN\n- [2.1.3]"))
        #expect((parsed["html"] as? String)?.contains("<b>[2.1.4]</b>") == true)
        let events = try #require(parsed["events"] as? [[String: String]])
        #expect(events.map { $0["start"] } == ["2024-02-29", "2024-03-25"])
        #expect(
            events[0]["summary"] == "Hạn: Rà soát các tuyến đường đã giải tỏa mái che, mái vẩy, bảo đảm mỹ quan đô thị")
    }

    @Test("The same digest gets the same Message-ID; another digest another")
    func stableMessageID() throws {
        let office = try exampleOffice()
        let digest = try hungDigest(office)
        let first = try #require(office.composer.compose(digest, date: Date()))
        let again = try #require(office.composer.compose(digest, date: Date().addingTimeInterval(3_600)))
        #expect(first.messageID == again.messageID)
        let day = CivilDate(year: 2024, month: 3, day: 12)!
        let other = try #require(office.planner.digests(in: day...day).first { $0.recipient == "hung" })
        #expect(office.composer.compose(other, date: Date())?.messageID != first.messageID)
    }

    @Test("With the calendar attached, no line of the message is over 78 characters, in any part's header")
    func everyLineWithin78() throws {
        let office = try exampleOffice()
        let mail = try #require(office.composer.compose(try hungDigest(office), date: Date()))
        let text = String(decoding: mail.bytes, as: UTF8.self)
        #expect(text.contains("Content-Type: text/calendar"), "the calendar is attached")
        let longest = text.components(separatedBy: "\r\n").max { $0.count < $1.count } ?? ""
        #expect(longest.count <= 78, "\(longest.count): \(longest)")
        let parsed = try sendAndParse(mail.bytes, to: mail.envelope.to)
        #expect((parsed["parts"] as? [String])?.contains("text/calendar") == true, "\(parsed["parts"] ?? "")")
    }

    @Test("A long Vietnamese subject is encoded and folded: no header line over 78 characters, and it round-trips")
    func longSubject() throws {
        let office = try exampleOffice()
        let folder = try TemporaryFolder()
        try
            "[Nhắc việc] {{summary}}: Thông báo về việc đôn đốc thực hiện các nhiệm vụ phát triển kinh tế - xã hội năm 2024 ({{date}})"
            .write(toFile: folder.file("digest-subject.mustache"), atomically: true, encoding: .utf8)
        let templates = try DigestTemplates.load(language: .vi, overrides: folder.path)
        let composer = composer(office, templates: templates)
        let mail = try #require(composer.compose(try hungDigest(office), date: Date()))
        let parsed = try sendAndParse(mail.bytes, to: mail.envelope.to)
        #expect(
            parsed["subject"] as? String
                == "[Nhắc việc] 1 quá hạn, 1 sắp đến hạn: Thông báo về việc đôn đốc thực hiện các nhiệm vụ phát triển kinh tế - xã hội năm 2024 (14/03/2024)"
        )
        #expect((parsed["longest_header_line"] as? Int ?? 999) <= 78, "\(parsed["longest_header"] ?? "")")
        #expect((parsed["raw_subject_lines"] as? [String] ?? []).count > 1)
    }

    @Test("A CR or LF planted in a name, a title or a task makes no extra header")
    func headerInjection() throws {
        let evil = "Trần\r\nBcc: attacker@evil.example\r\nX-Injected: 1"
        let officials = [
            Official(id: "hung", name: evil, title: "Công chức\nX-Title: 1", email: "hung@x.example", escalatesTo: nil),
            Official(id: "khanh", name: "Vũ Trí Khánh", title: "Chủ tịch", email: "khanh@x.example", isTop: true),
        ]
        let directory = Directory(officials: officials, units: [], channels: ["hung": [.email], "khanh": [.email]])
        let task = PlanTask(
            id: "T\r\nX-Task: 1", title: "Việc\r\nSubject: spam", responsible: [.official("hung")],
            deadline: .date(CivilDate(year: 2024, month: 3, day: 14)!), planYear: 2024,
            source: SourceLocation(file: "t"))
        let plan = Plan(id: "p", title: "p", year: 2024, tasks: [task], source: SourceLocation(file: "t"))
        let planner = Planner(
            schedule: Schedule(directory: directory, plans: [plan], policy: ReminderPolicy(), completions: [:]),
            calendar: WorkingCalendar())
        let day = CivilDate(year: 2024, month: 3, day: 14)!
        let digest = try #require(planner.digests(in: day...day).first)
        let templates = try DigestTemplates.load(language: .vi, overrides: nil)
        let composer = MailComposer(
            from: "Văn\r\nBcc: x@evil.example <vp@x.example>", templates: templates, directory: directory,
            language: .vi,
            count: .workingDays, attachCalendar: true, timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)
        let folder = try TemporaryFolder()
        try "{{count}} việc: {{#due}}{{title}} {{task}}{{/due}}".write(
            toFile: folder.file("digest-subject.mustache"), atomically: true, encoding: .utf8)
        let subjectComposer = MailComposer(
            from: composer.from, templates: try DigestTemplates.load(language: .vi, overrides: folder.path),
            directory: directory,
            language: .vi, count: .workingDays, attachCalendar: true, timeZone: composer.timeZone)
        for candidate in [composer, subjectComposer] {
            let mail = try #require(candidate.compose(digest, date: Date()))
            let parsed = try sendAndParse(mail.bytes, to: mail.envelope.to)
            let names = Set((parsed["header_names"] as? [String] ?? []).map { $0.lowercased() })
            #expect(
                names == [
                    "from", "to", "subject", "date", "message-id", "auto-submitted", "x-auto-response-suppress",
                    "x-nhacviec-digest", "mime-version", "content-type",
                ])
            #expect((parsed["defects"] as? [String])?.isEmpty == true)
            #expect((parsed["to_name"] as? String)?.contains("Bcc: attacker@evil.example") == true)
        }
    }

    @Test("English templates, and a folder overriding one template")
    func englishAndOverride() throws {
        let office = try exampleOffice()
        let english = composer(
            office, templates: try DigestTemplates.load(language: .en, overrides: nil), language: .en)
        let parsed = try sendAndParse(
            try #require(english.compose(try hungDigest(office), date: Date())).bytes, to: "hung@x.example")
        #expect(parsed["subject"] as? String == "[Reminder] 1 overdue, 1 due soon (14/03/2024)")
        #expect((parsed["text"] as? String)?.contains("10 working days overdue") == true)
        let folder = try TemporaryFolder()
        try "Thân gửi {{recipient.name}} — {{count}} việc.".write(
            toFile: folder.file("digest-text.mustache"), atomically: true, encoding: .utf8)
        let custom = composer(office, templates: try DigestTemplates.load(language: .vi, overrides: folder.path))
        let mail = try sendAndParse(
            try #require(custom.compose(try hungDigest(office), date: Date())).bytes, to: "hung@x.example")
        #expect((mail["text"] as? String)?.hasPrefix("Thân gửi Trần Văn Hùng — 2 việc.") == true)
        #expect((mail["subject"] as? String)?.hasPrefix("[Nhắc việc]") == true)
    }

    @Test("A broken template is reported with its file and line")
    func brokenTemplate() throws {
        let folder = try TemporaryFolder()
        try "Dòng một\n{{#overdue}}\n{{title}}\n{{/due}}\n".write(
            toFile: folder.file("digest-text.mustache"), atomically: true, encoding: .utf8)
        let error = #expect(throws: Diagnostic.self) {
            try DigestTemplates.load(language: .vi, overrides: folder.path)
        }
        #expect(error?.location.file == folder.file("digest-text.mustache"))
        #expect(error?.location.line == 4)
    }

    @Test(
        "A partial that includes itself or another that includes it back, a missing partial, or sections nested too deep are refused with the file and line",
        arguments: [
            (["item-text.mustache": "{{title}}\n{{> item-text}}\n"], "item-text.mustache", 2, "item-text → item-text"),
            (
                ["item-text.mustache": "{{title}}\n\n{{> item-html}}\n", "item-html.mustache": "{{> item-text}}\n"],
                "item-text.mustache", 3, "item-html → item-text → item-html"
            ),
            // The same through changed delimiters, which Mustache allows.
            (
                ["item-text.mustache": "{{=<% %>=}}\n<%> item-text %>\n"], "item-text.mustache", 2,
                "item-text → item-text"
            ),
            (["digest-text.mustache": "Kính gửi\n{{> chu-ky}}\n"], "digest-text.mustache", 2, "{{> chu-ky}}"),
            (
                [
                    "digest-text.mustache": String(repeating: "{{#a}}\n", count: 40)
                        + String(repeating: "{{/a}}\n", count: 40)
                ],
                "digest-text.mustache", 33, "deeper than 32"
            ),
        ])
    func recursiveOrMissingPartials(files: [String: String], file: String, line: Int, message: String) throws {
        let folder = try TemporaryFolder()
        for (name, text) in files { try text.write(toFile: folder.file(name), atomically: true, encoding: .utf8) }
        let error = #expect(throws: Diagnostic.self) {
            try DigestTemplates.load(language: .vi, overrides: folder.path)
        }
        #expect(error?.location.file == folder.file(file))
        #expect(error?.location.line == line)
        #expect(error?.message.text(.en).contains(message) == true, "\(String(describing: error))")
    }

    func composer(_ office: Office, templates: DigestTemplates, language: Language = .vi) -> MailComposer {
        MailComposer(
            from: office.composer.from, templates: templates, directory: office.schedule.directory,
            language: language,
            count: .workingDays, attachCalendar: true, timeZone: office.sendTime.timeZone)
    }
}
