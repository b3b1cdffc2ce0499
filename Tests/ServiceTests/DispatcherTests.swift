import App
import Foundation
import Outbox
import Synchronization
import TestSupport
import Testing
import Transports
import WorkingCalendar

/// The example config with its own state folder and `[email]`, in a temporary folder. Its `[web]` (between
/// `[email]` and the officials) goes with the mail settings: a test that wants pages writes its own in `extra`.
func serviceConfig(_ folder: TemporaryFolder, email: String? = nil, extra: String = "") throws -> String {
    var text = try String(contentsOfFile: repositoryRoot + "/config/nhacviec.toml", encoding: .utf8)
        .replacingOccurrences(of: "plans = [\"plans/", with: "plans = [\"\(repositoryRoot)/config/plans/")
    text = "state_dir = \"\(folder.file("state"))\"\n" + text
    let start = text.range(of: "[email]")!
    let end = text.range(of: "[[official]]")!
    let mail =
        email
        ?? "url = \"file://\(folder.file("maildir"))\"\nfrom = \"Văn phòng UBND phường Ngô Quyền <vanphong@phuong-ngoquyen.example>\""
    text.replaceSubrange(start.lowerBound..<end.lowerBound, with: "[email]\n\(mail)\n\n\(extra)\n")
    try text.write(toFile: folder.file("nhacviec.toml"), atomically: true, encoding: .utf8)
    return folder.file("nhacviec.toml")
}

/// An instant in Vietnam.
func vn(_ text: String) -> Date { ISO8601DateFormatter().date(from: text + "+07:00")! }

/// The service's pipeline, wired as `serve` wires it.
func dispatcher(_ config: String, watch: DispatchWatch = DispatchWatch()) throws -> Dispatcher {
    try Office.open(config: config, environment: [:], state: .create).dispatcher(watch: watch)
}

/// What a dispatcher told, in order.
final class ToldEvents: Sendable {
    private let told = Mutex<[DispatchEvent]>([])
    var all: [DispatchEvent] { told.withLock { $0 } }
    var watch: DispatchWatch { DispatchWatch(onEvent: { event in self.told.withLock { $0.append(event) } }) }
}

@Suite("The dispatcher: outbox, catch-up, retries", .serialized)
struct DispatcherTests {
    @Test("Due digests are written to the outbox before any attempt, once, and then delivered")
    func enqueueOnceThenDeliver() async throws {
        let folder = try TemporaryFolder()
        let service = try dispatcher(try serviceConfig(folder))
        let day = (await service.office).sendTime.day(of: vn("2024-03-14T07:31:00"))
        let digests = (await service.office).planner.digests(in: day...day).count
        #expect(digests == 3)  // Hùng, and 2.1.4's lead and Chairman
        // 14/03 is also the report day ("decree09"): the report to the clerk and the three leaders.
        #expect((await service.office).reportReaders == ["thu", "khanh", "lam", "tan"])
        let expected = digests + 4
        // The first run starts with today: 14/03/2024 at 07:31.
        let queued = try await service.evaluate(now: vn("2024-03-14T07:31:00"))
        #expect(queued == expected)
        #expect(try service.outbox.all().allSatisfy { $0.state == .pending && $0.attempts == 0 })
        #expect(try await service.evaluate(now: vn("2024-03-14T07:40:00")) == 0)
        let result = try await service.deliver(now: vn("2024-03-14T07:31:00"))
        #expect(result.delivered == expected)
        #expect(folder.files(in: "maildir/new", withExtension: "nhacviec").count == expected)
        #expect(
            try service.outbox.all().allSatisfy {
                $0.state == .delivered && $0.lastAnswer?.hasPrefix("written to") == true
            })
        #expect(try await service.deliver(now: vn("2024-03-14T08:00:00")).delivered == 0)
    }

    @Test("Before the send time nothing is queued; the next due instant is the send time")
    func beforeSendTime() async throws {
        let folder = try TemporaryFolder()
        let service = try dispatcher(try serviceConfig(folder))
        #expect(try await service.evaluate(now: vn("2024-03-14T07:00:00")) == 0)
        #expect(try await service.nextDue(after: vn("2024-03-14T07:00:00")) == vn("2024-03-14T07:30:00"))
        #expect(try await service.evaluate(now: vn("2024-03-14T07:30:00")) == 7)
        #expect(try await service.nextDue(after: vn("2024-03-14T07:30:00")) == vn("2024-03-14T07:30:00"))
    }

    @Test(
        "After downtime: send times within two days are folded into one digest per recipient; older ones are recorded as missed"
    )
    func catchUp() async throws {
        let folder = try TemporaryFolder()
        let config = try serviceConfig(folder)
        let first = try dispatcher(config)
        try await first.evaluate(now: vn("2024-03-08T07:31:00"))
        try await first.deliver(now: vn("2024-03-08T07:31:00"))
        // Down from Friday 8/3 07:31 to Thursday 14/3 09:00: 11/3 and 12/3 are beyond the window.
        let told = ToldEvents()
        let later = try dispatcher(config, watch: told.watch)
        try await later.evaluate(now: vn("2024-03-14T09:00:00"))
        let items = try later.outbox.all().filter { $0.createdAt >= vn("2024-03-14T09:00:00").timeIntervalSince1970 }
        let missed = items.filter { $0.state == .missed }
        let pending = items.filter { $0.state == .pending && $0.digest.description.hasSuffix("/email") }
        #expect(Set(missed.map { String($0.digest.description.prefix(10)) }) == ["2024-03-11", "2024-03-12"])
        #expect(Set(pending.map { String($0.digest.description.prefix(10)) }) == ["2024-03-14"])
        // One digest per recipient and channel, though 13/3 and 14/3 both had reminders for Hùng.
        #expect(pending.map(\.recipient).sorted() == Array(Set(pending.map(\.recipient))).sorted())
        let hung = try #require(pending.first { $0.recipient == "hung" })
        let text = String(decoding: hung.payload, as: UTF8.self)
        #expect(text.contains("X-Nhacviec-Digest: 2024-03-14/hung/email"))
        #expect(try later.outbox.summary().missed == missed.count)
        // The journal's words: how many were queued and how many missed, and only the days that had
        // something (the weekend of 9–10/3 had nothing to send, so is not said to be missed).
        let said = told.all.compactMap { event -> String? in
            switch event {
            case .missed(let count, let days): "missed \(count) \(days.map(\.iso))"
            case .queued(let count, let day): "queued \(count) \(day.iso)"
            default: nil
            }
        }
        #expect(
            said == [
                "missed \(missed.count) [\"2024-03-11\", \"2024-03-12\"]",
                "queued \(items.count - missed.count) 2024-03-14",
            ])
    }

    @Test("The next send is on a working day: after Friday's send time it is Monday's, never a Saturday")
    func nextSendOnAWorkingDay() async throws {
        let folder = try TemporaryFolder()
        let service = try dispatcher(try serviceConfig(folder))
        #expect(await service.nextSend(after: vn("2024-03-15T07:00:00")) == vn("2024-03-15T07:30:00"))
        #expect(await service.nextSend(after: vn("2024-03-15T07:30:00")) == vn("2024-03-18T07:30:00"))
        #expect(await service.nextSend(after: vn("2024-03-16T12:00:00")) == vn("2024-03-18T07:30:00"))
    }

    @Test("451 is retried later with the same message; 550 fails for good and the clerk is told")
    func retriesAndFailures() async throws {
        let folder = try TemporaryFolder()
        let (server, _) = try smtpServer(
            in: folder, extra: ["--defer", "1", "--reject", "lan@phuong-ngoquyen.example"])
        let config = try serviceConfig(
            folder,
            email: "url = \"smtp://127.0.0.1:\(server.port)\"\nfrom = \"Văn phòng <vanphong@phuong-ngoquyen.example>\"")
        let service = try dispatcher(config)
        let now = vn("2024-03-15T07:30:00")
        #expect(try await service.evaluate(now: now) > 0)
        let before = try service.outbox.all()
        let first = try await service.deliver(now: now)
        #expect(first.retrying >= 1)
        #expect(first.failed == 1)
        let retried = try #require(try service.outbox.all().first { $0.state == .pending && $0.attempts == 1 })
        #expect(retried.nextAttemptAt >= now.timeIntervalSince1970 + 30)
        // Before the retry time only the notice to the clerk goes; after it, the deferred message too.
        #expect(try await service.deliver(now: now.addingTimeInterval(10)).delivered == 1)
        #expect(try service.outbox.all().first { $0.id == retried.id }?.state == .pending)
        let second = try await service.deliver(now: Date(timeIntervalSince1970: retried.nextAttemptAt))
        #expect(second.delivered >= 1)
        let after = try service.outbox.all()
        let failed = try #require(after.first { $0.state == .failed })
        #expect(failed.destination == "lan@phuong-ngoquyen.example")
        #expect(failed.lastAnswer?.contains("550") == true)
        let notice = try #require(after.first { $0.kind == .failureNotice })
        #expect(notice.destination == "thu@phuong-ngoquyen.example" && notice.state == .delivered)
        // The retried message went out with the bytes and Message-ID it was queued with.
        let original = try #require(before.first { $0.id == retried.id })
        #expect(try #require(after.first { $0.id == retried.id }).payload == original.payload)
        let received = folder.files(in: "mail", withExtension: ".eml").map {
            try? String(contentsOfFile: $0, encoding: .utf8)
        }
        #expect(received.contains { $0?.contains(original.messageID ?? "none") == true })
    }

    @Test("A mail server down for longer than the maximum age: the notification fails and stays recorded")
    func maximumAge() async throws {
        let folder = try TemporaryFolder()
        let config = try serviceConfig(
            folder,
            email:
                "url = \"smtp://127.0.0.1:\(try closedPort())\"\nfrom = \"vp@phuong-ngoquyen.example\"\nconnect_timeout = 1"
        )
        let service = try dispatcher(config)
        var now = vn("2024-03-15T07:30:00")
        try await service.evaluate(now: now)
        var rounds = 0
        while try service.outbox.summary().pending > 0 && rounds < 400 {
            try await service.deliver(now: now)
            now = try service.outbox.nextAttempt().map { Date(timeIntervalSince1970: $0) } ?? now
            rounds += 1
        }
        let items = try service.outbox.all()
        #expect(items.allSatisfy { $0.state == .failed })
        #expect(items.allSatisfy { $0.attempts > 5 && ($0.lastAnswer ?? "").contains("cannot reach the mail server") })
        // The digests give up within a day; the notices to the clerk, queued as they failed, a day later.
        let digests = items.filter { $0.kind != .failureNotice }
        #expect(digests.allSatisfy { $0.attempts < 40 })
        #expect(items.count > digests.count)
        #expect(now.timeIntervalSince(vn("2024-03-15T07:30:00")) <= 2 * 86_400 + 3_600)
    }

    @Test("Backoff doubles from a minute to an hour, honours Retry-After, and gives up after 24 hours")
    func backoff() {
        let backoff = Backoff()
        let sent = vn("2024-03-15T07:30:00")
        let delays = (1...8).map {
            backoff.retryAt(now: sent, sendAt: sent, attempts: $0, retryAfter: nil, jitter: 0.5)!.timeIntervalSince(
                sent)
        }
        #expect(delays == [60, 120, 240, 480, 960, 1_920, 3_600, 3_600])
        #expect(
            backoff.retryAt(now: sent, sendAt: sent, attempts: 1, retryAfter: 600, jitter: 0.5)!.timeIntervalSince(sent)
                == 600)
        #expect(
            backoff.retryAt(
                now: sent.addingTimeInterval(86_000), sendAt: sent, attempts: 9, retryAfter: nil, jitter: 0.5) == nil)
        let jittered = (0..<5).map {
            backoff.retryAt(now: sent, sendAt: sent, attempts: 3, retryAfter: nil, jitter: Double($0) / 5)!
                .timeIntervalSince(sent)
        }
        #expect(Set(jittered).count == 5 && jittered.allSatisfy { (120...360).contains($0) })
    }

    @Test(
        "The periodic report goes to the clerk and the leaders on its day, the overdue list to the clerk on Mondays, through the outbox"
    )
    func scheduledMails() async throws {
        let folder = try TemporaryFolder()
        let service = try dispatcher(try serviceConfig(folder))
        try await service.evaluate(now: vn("2024-03-14T07:30:00"))
        let reports = try service.outbox.all().filter { $0.digest.description.hasSuffix("/report") }
        #expect(reports.map(\.recipient) == ["thu", "khanh", "lam", "tan"])
        let mail = String(decoding: try #require(reports.first).payload, as: UTF8.self)
        #expect(mail.contains("Subject: =?UTF-8?B?"))
        try await service.deliver(now: vn("2024-03-14T07:30:00"))
        let delivered = folder.files(in: "maildir/new", withExtension: "nhacviec")
        let parsed = try delivered.map { try parseMail($0) }
        let report = try #require(
            parsed.first {
                ($0["subject"] as? String)?.contains("Báo cáo") == true
                    && $0["to_address"] as? String == "khanh@phuong-ngoquyen.example"
            })
        #expect(
            report["subject"] as? String
                == "[Nhắc việc] Báo cáo kết quả thực hiện kế hoạch Tháng 3/2024 (đến 14/03/2024)")
        #expect((report["text"] as? String)?.contains("| **Tổng** |") == true)
        #expect((report["html"] as? String)?.contains("<svg") == true)
        // Friday 15/03: nothing of the kind; Monday 18/03: the clerk's overdue list.
        try await service.evaluate(now: vn("2024-03-15T07:30:00"))
        #expect(
            try service.outbox.all().filter {
                $0.digest.description.contains("2024-03-15") && !$0.digest.description.hasSuffix("/email")
            }
            .isEmpty)
        try await service.evaluate(now: vn("2024-03-18T07:30:00"))
        let list = try #require(try service.outbox.all().first { $0.digest.description == "2024-03-18/thu/overdue" })
        #expect(String(decoding: list.payload, as: UTF8.self).contains("To: =?UTF-8?B?"))
        try await service.deliver(now: vn("2024-03-18T07:30:00"))
        let overdue = try folder.files(in: "maildir/new", withExtension: "nhacviec").map { try parseMail($0) }
            .first { ($0["subject"] as? String)?.hasSuffix("nhiệm vụ quá hạn (18/03/2024)") == true }
        #expect(
            (overdue?["text"] as? String)?.contains(
                "- [2.1.4] Rà soát các tuyến đường đã giải tỏa mái che, mái vẩy, bảo đảm mỹ quan đô thị: hạn 29/02/2024, quá hạn 12 ngày làm việc"
            ) == true)
    }
}
