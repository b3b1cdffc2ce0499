import Foundation
import TestSupport
import Testing

@Suite("nhacviec serve, status, done and reopen", .serialized)
struct ServeTests {
    @Test(
        "READY only once loaded; SIGHUP reloads with RELOADING and MONOTONIC_USEC; a broken config is rejected whole; SIGTERM stops in time"
    )
    func lifecycle() throws {
        let folder = try TemporaryFolder()
        let config = try serviceConfig(folder)
        let notify = try NotifySocket(in: folder)
        let service = try RunningCommand(
            ["serve", "--config", config, "--clock-start", "2024-03-14T07:29:58+07:00"],
            environment: ["NOTIFY_SOCKET": notify.path, "JOURNAL_STREAM": "8:1", "WATCHDOG_USEC": "2000000"],
            log: folder.file("serve.log"))
        let ready = notify.wait(for: "READY=1", seconds: 20)
        #expect(ready.last?.contains("READY=1") == true, "\(service.log)")
        // The 07:30 send goes out two seconds later, into the Maildir.
        let watchdog = notify.wait(for: "WATCHDOG=1", seconds: 5)
        #expect(watchdog.last == "WATCHDOG=1")
        let deadline = Date().addingTimeInterval(10)
        // Three digests, and the report of the 14th to the clerk and the three leaders.
        while folder.files(in: "maildir/new", withExtension: "nhacviec").count < 7 && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(folder.files(in: "maildir/new", withExtension: "nhacviec").count == 7, "\(service.log)")
        #expect(service.log.contains("<6>delivered 2024-03-14/hung/email"))

        service.signal(SIGHUP)
        let reload = notify.wait(for: "READY=1", seconds: 10)
        let reloading = try #require(reload.first { $0.contains("RELOADING=1") })
        let monotonic = try #require(reloading.split(separator: "\n").first { $0.hasPrefix("MONOTONIC_USEC=") })
        #expect(UInt64(monotonic.dropFirst("MONOTONIC_USEC=".count)) ?? 0 > 0)

        // A broken config: the reload is rejected, the service keeps running, status shows why.
        let good = try String(contentsOfFile: config, encoding: .utf8)
        try good.replacingOccurrences(of: "before = [7, 3, 1]", with: "befor = [7, 3, 1]").write(
            toFile: config, atomically: true, encoding: .utf8)
        service.signal(SIGHUP)
        _ = notify.wait(for: "READY=1", seconds: 10)
        #expect(service.process.isRunning)
        #expect(service.log.contains("<3>the config or a plan has errors at reload; the version accepted at "))
        try good.write(toFile: folder.file("good.toml"), atomically: true, encoding: .utf8)
        let shown = try CommandLineRun("status", "--config", folder.file("good.toml"))
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("BỊ TỪ CHỐI"))
        #expect(shown.stdout.contains("befor"))
        // The seven of 07:30, and the clerk's mail about the refused version.
        let deadline2 = Date().addingTimeInterval(10)
        while folder.files(in: "maildir/new", withExtension: "nhacviec").count < 8 && Date() < deadline2 {
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(
            try CommandLineRun("status", "--config", folder.file("good.toml")).stdout.contains(
                "Đã gửi:               8"))

        let stoppedAt = Date()
        service.signal(SIGTERM)
        let stopping = notify.wait(for: "STOPPING=1", seconds: 10)
        #expect(stopping.last == "STOPPING=1")
        #expect(service.exitStatus(within: 10) == 0)
        #expect(Date().timeIntervalSince(stoppedAt) < 10)
    }

    @Test("A SIGTERM that arrives while the service is still starting ends it cleanly too")
    func earlyStop() throws {
        let folder = try TemporaryFolder()
        let service = try RunningCommand(
            ["serve", "--config", try serviceConfig(folder), "--clock-start", "2024-03-16T10:00:00+07:00"],
            environment: [:],
            log: folder.file("serve.log"))
        service.signal(SIGTERM)
        #expect(service.exitStatus(within: 10) == 0, "\(service.log)")
    }

    @Test("A config file that changes is reloaded without a signal")
    func reloadOnChange() throws {
        let folder = try TemporaryFolder()
        let config = try serviceConfig(folder)
        let notify = try NotifySocket(in: folder)
        let service = try RunningCommand(
            ["serve", "--config", config, "--clock-start", "2024-03-16T10:00:00+07:00"],
            // The watchdog's pings wake the loop every second, so the change is seen without waiting a minute.
            environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "2000000"],
            log: folder.file("serve.log"))
        _ = notify.wait(for: "READY=1", seconds: 20)
        // The files' times were taken before READY: an edit from now on is a change.
        let text = try String(contentsOfFile: config, encoding: .utf8)
        try text.replacingOccurrences(of: "send_time = \"07:30\"", with: "send_time = \"08:00\"").write(
            toFile: config, atomically: true, encoding: .utf8)
        let messages = notify.wait(for: "RELOADING=1", seconds: 10)
        #expect(messages.contains { $0.contains("RELOADING=1") }, "\(service.log)")
        service.signal(SIGTERM)
        #expect(service.exitStatus(within: 10) == 0)
    }

    @Test(
        "A broken config at a restart: the service runs on the version it accepted last, says degraded, status shows both, the clerk is mailed the errors once; without any accepted version it does not start"
    )
    func brokenAtRestart() throws {
        let folder = try TemporaryFolder()
        let config = try serviceConfig(folder)
        let good = try String(contentsOfFile: config, encoding: .utf8)
        let broken = good.replacingOccurrences(of: "before = [7, 3, 1]", with: "befor = [7, 3, 1]")
        #expect(broken != good)
        let lineOfBefore =
            try #require(
                good.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
                    $0.hasPrefix("before = [7, 3, 1]")
                }) + 1
        // Never accepted: a first start with a broken config fails with the errors.
        try broken.write(toFile: config, atomically: true, encoding: .utf8)
        let first = try CommandLineRun(
            "serve", "--config", config, "--clock-start", "2024-03-14T07:29:00+07:00", "--until",
            "2024-03-14T07:29:01+07:00")
        #expect(first.status == 1)
        #expect(first.stderr.contains("khóa \"befor\" không có trong [reminders]"), "\(first.stderr)")
        try good.write(toFile: config, atomically: true, encoding: .utf8)
        try startAndStop(config, at: "2024-03-14T07:00:00+07:00")

        try broken.write(toFile: config, atomically: true, encoding: .utf8)
        for round in 0..<2 {
            let notify = try NotifySocket(in: folder, name: "notify-\(round).sock")
            let service = try RunningCommand(
                ["serve", "--config", config, "--clock-start", "2024-03-14T07:29:58+07:00"],
                environment: ["NOTIFY_SOCKET": notify.path, "JOURNAL_STREAM": "8:1"], log: folder.file("serve.log"))
            let ready = notify.wait(for: "READY=1", seconds: 20)
            #expect(ready.last?.contains("STATUS=degraded: 1 error(s) in the config or plans") == true, "\(ready)")
            #expect(service.log.contains("<3>the config or a plan has errors at start; the version accepted at "))
            // The 07:30 reminders still go out, on the accepted version.
            let deadline = Date().addingTimeInterval(15)
            while folder.files(in: "maildir/new", withExtension: "nhacviec").count < 8 && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.1)
            }
            let status = try CommandLineRun("status", "--config", config)
            #expect(status.status == 0, "\(status.stderr)")
            #expect(
                status.stdout.contains("Lần gửi tới:") && status.stdout.contains("Đã gửi:               8"),
                "\(status.stdout)")
            #expect(
                status.stdout.contains("Kế hoạch:             BỊ TỪ CHỐI: cấu hình hoặc kế hoạch trên đĩa có 1 lỗi"))
            #expect(status.stdout.contains("khóa \"befor\" không có trong [reminders] (có phải là \"before\"?)"))
            service.signal(SIGTERM)
            #expect(service.exitStatus(within: 10) == 0)
        }
        // Seven reminders and reports, and one mail to the clerk, though the service started twice on it.
        let mails = try folder.files(in: "maildir/new", withExtension: "nhacviec").map { try parseMail($0) }
        let notices = mails.filter { ($0["subject"] as? String)?.contains("có 1 lỗi: chưa áp dụng") == true }
        #expect(mails.count == 8 && notices.count == 1)
        let notice = try #require(notices.first)
        #expect(notice["to_address"] as? String == "thu@phuong-ngoquyen.example")
        #expect((notice["text"] as? String)?.contains("nhacviec.toml:") == true)
        // Every error in Vietnamese, with its place: the clerk reads it.
        #expect(
            (notice["text"] as? String)?.contains(
                "nhacviec.toml:\(lineOfBefore): khóa \"befor\" không có trong [reminders] (có phải là \"before\"?)")
                == true, "\(notice)")
        #expect((notice["text"] as? String)?.contains("Hệ thống vẫn nhắc việc theo bản đã chấp nhận") == true)

        // Mended: the next start serves it and is not degraded.
        try good.write(toFile: config, atomically: true, encoding: .utf8)
        let notify = try NotifySocket(in: folder, name: "notify-mended.sock")
        let service = try RunningCommand(
            ["serve", "--config", config, "--clock-start", "2024-03-14T07:40:00+07:00"],
            environment: ["NOTIFY_SOCKET": notify.path], log: folder.file("serve-mended.log"))
        let ready = notify.wait(for: "READY=1", seconds: 20)
        #expect(ready.last?.contains("STATUS=started") == true, "\(ready)")
        let mended = try CommandLineRun("status", "--config", config).stdout
        #expect(!mended.contains("BỊ TỪ CHỐI"))
        #expect(mended.contains("được nhận: khởi động: 24 nhiệm vụ"), "\(mended)")
        #expect(englishWords(in: mended).isEmpty, "\(mended)")
        service.signal(SIGTERM)
        #expect(service.exitStatus(within: 10) == 0)
    }

    /// The service run briefly on a virtual clock, so that its state exists.
    func startAndStop(_ config: String, at start: String = "2024-03-01T06:00:00+07:00") throws {
        let end = ISO8601DateFormatter().string(from: ISO8601DateFormatter().date(from: start)!.addingTimeInterval(1))
        let started = try CommandLineRun("serve", "--config", config, "--clock-start", start, "--until", end)
        #expect(started.status == 0, "\(started.stderr)")
    }

    @Test(
        "Root on the server works on the state as its owner: the files SQLite makes beside the database stay the service user's"
    )
    func rootActsAsTheStateOwner() throws {
        try #require(geteuid() == 0, "the tests run as root, as make test does")
        let folder = try TemporaryFolder()
        let config = try serviceConfig(folder)
        // The state folder as the service's user keeps it (here nobody, 65534), the database not made yet.
        let nobody: (uid: uid_t, gid: gid_t) = (65_534, 65_534)
        try FileManager.default.createDirectory(atPath: folder.file("state"), withIntermediateDirectories: true)
        #expect(chown(folder.file("state"), nobody.uid, nobody.gid) == 0)
        #expect(chmod(folder.path, 0o755) == 0)
        // Root makes the database, and the files beside it, as the folder's owner.
        try startAndStop(config)
        let done = try CommandLineRun("done", "2.1.4", "--on", "2024-03-20", "--config", config)
        #expect(done.status == 0, "\(done.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.file("state"))
        #expect(files.contains("nhacviec.sqlite"))
        for file in files {
            let owner = try FileManager.default.attributesOfItem(atPath: folder.file("state/\(file)"))[.ownerAccountID]
            #expect((owner as? NSNumber)?.uint32Value == nobody.uid, "\(file) belongs to \(String(describing: owner))")
        }
        let tasks = try CommandLineRun("tasks", "--config", config, "--at", "2024-03-21", "--status", "done_late")
        #expect(tasks.stdout.contains("2.1.4"), "\(tasks.stdout)\(tasks.stderr)")
    }

    @Test("done and reopen: recorded with who and when; tasks and plan follow; a recurring task names its occurrence")
    func doneAndReopen() throws {
        let folder = try TemporaryFolder()
        let config = try serviceConfig(folder)
        func status(_ task: String) throws -> String? {
            let run = try CommandLineRun("tasks", "--config", config, "--at", "2024-04-30", "--json")
            let rows = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
            return rows.first { $0["task"] as? String == task && $0["occurrence"] is NSNull }?["status"] as? String
        }
        #expect(try status("2.1.4") == "overdue")
        // Before the service has run there is no state: done says so and makes none.
        let early = try CommandLineRun("done", "2.1.4", "--config", config)
        #expect(early.status == 1)
        #expect(early.stderr.contains("chưa có nhacviec.sqlite: dịch vụ chưa chạy lần nào với cấu hình này"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("state")))
        try startAndStop(config)
        let done = try CommandLineRun(
            ["done", "2.1.4", "--on", "2024-03-20", "--note", "Đã rà soát xong", "--config", config],
            environment: ["USER": "thu"])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.contains("2.1.4: hoàn thành ngày 20/03/2024 (quá hạn: thời hạn là 29/02/2024)"))
        #expect(try status("2.1.4") == "done_late")
        // A second done says what it replaced; the same date again changes nothing.
        let again = try CommandLineRun("done", "2.1.4", "--on", "2024-03-21", "--config", config)
        #expect(
            again.stdout.contains(
                "hoàn thành ngày 21/03/2024 (quá hạn: thời hạn là 29/02/2024); thay cho ngày hoàn thành đã ghi trước đó là 20/03/2024"
            ), "\(again.stdout)")
        let same = try CommandLineRun("done", "2.1.4", "--on", "2024-03-21", "--config", config)
        #expect(
            same.status == 0 && same.stdout.contains("đã ghi nhận hoàn thành ngày 21/03/2024 từ trước"),
            "\(same.stdout)")
        // A date in the future, or before the plan's year, is refused.
        for (day, said) in [("2099-01-05", "là ngày trong tương lai"), ("2023-12-29", "ở trước năm kế hoạch 2024")] {
            let refused = try CommandLineRun("done", "2.1.4", "--on", day, "--config", config)
            #expect(refused.status == 1 && refused.stderr.contains(said), "\(refused.stderr)")
        }
        let plan = try CommandLineRun(
            "plan", "--config", config, "--from", "2024-03-21", "--to", "2024-03-31", "--json")
        #expect(!plan.stdout.contains("\"2.1.4\""))
        let reopen = try CommandLineRun("reopen", "2.1.4", "--config", config)
        #expect(reopen.status == 0)
        #expect(
            reopen.stdout.contains("2.1.4: đã mở lại (trước đó ghi hoàn thành ngày 21/03/2024)"), "\(reopen.stdout)")
        #expect(try status("2.1.4") == "overdue")
        // Reopening what is not completed is refused, and records nothing.
        let twice = try CommandLineRun("reopen", "2.1.4", "--config", config)
        #expect(twice.status == 1 && twice.stderr.contains("2.1.4 chưa hoàn thành: không có gì để mở lại"))

        let recurring = try CommandLineRun("done", "BC.THANG", "--config", config)
        #expect(recurring.status == 1)
        #expect(recurring.stderr.contains("hãy chỉ rõ kỳ nào bằng --occurrence (các kỳ chưa xong: 2024-03-18"))
        let occurrence = try CommandLineRun(
            "done", "BC.THANG", "--occurrence", "18/03/2024", "--on", "2024-03-18", "--config", config)
        #expect(occurrence.stdout.contains("BC.THANG @2024-03-18: hoàn thành ngày 18/03/2024 (đúng hạn)"))
        let noSuch = try CommandLineRun("done", "BC.THANG", "--occurrence", "19/03/2024", "--config", config)
        #expect(
            noSuch.stderr.contains("nhiệm vụ BC.THANG không có kỳ hạn 19/03/2024 (các kỳ hạn của nó: "),
            "\(noSuch.stderr)")
        let unknown = try CommandLineRun("done", "2.1.9", "--config", config)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("không có nhiệm vụ mã \"2.1.9\" (có phải là"))
        // Done after the plan's year is recorded, late, and said, since the year may be a slip.
        let nextYear = try CommandLineRun("done", "2.1.4", "--on", "2025-01-06", "--config", config)
        #expect(nextYear.status == 0, "\(nextYear.stderr)")
        #expect(nextYear.stdout.contains("2.1.4: hoàn thành ngày 06/01/2025 (quá hạn: thời hạn là 29/02/2024)"))
        #expect(
            nextYear.stderr.contains("cảnh báo: 06/01/2025 ở sau năm kế hoạch 2024: đã ghi nhận là hoàn thành quá hạn"),
            "\(nextYear.stderr)")
        for said in [done, again, same, reopen, twice, recurring, occurrence, noSuch, unknown, nextYear] {
            #expect(englishWords(in: said.stdout + said.stderr).isEmpty, "\(said.stdout)\(said.stderr)")
        }
        // An office that asks for English is answered in English.
        let english = try TemporaryFolder()
        let englishConfig = try serviceConfig(
            english,
            email:
                "url = \"file://\(english.file("maildir"))\"\nfrom = \"Văn phòng <vanphong@phuong-ngoquyen.example>\"\nlanguage = \"en\""
        )
        try startAndStop(englishConfig)
        let said = try CommandLineRun("done", "2.1.4", "--on", "2024-03-20", "--config", englishConfig)
        #expect(said.stdout.contains("2.1.4: done on 20/03/2024 (late: the deadline was 29/02/2024)"), "\(said.stdout)")
        let refused = try CommandLineRun("reopen", "2.3.5", "--config", englishConfig)
        #expect(refused.stderr.contains("2.3.5 is not completed: there is nothing to reopen"), "\(refused.stderr)")

        let sqlite = try run(
            "/usr/bin/python3",
            [
                "-c",
                "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute('select task, action, completedOn, user, note from completionLog order by id').fetchall())",
                folder.file("state/nhacviec.sqlite"),
            ])
        #expect(sqlite.contains("('2.1.4', 'done', '2024-03-20', 'thu', 'Đã rà soát xong')"))
        #expect(sqlite.components(separatedBy: "'reopen'").count == 2, "\(sqlite)")
        #expect(sqlite.contains("('2.1.4', 'reopen', None"))
    }
}
