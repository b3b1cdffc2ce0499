import Foundation
import TestSupport
import Testing

/// What must not stop, silence or duplicate the reminders: a second service, a wrong clock, a broken
/// database.
@Suite("Guards: one service per state, the clock, the database", .serialized)
struct GuardTests {
    @Test("A second serve on the same state refuses to start with a clear message; the first goes on alone")
    func secondInstance() throws {
        let folder = try TemporaryFolder()
        let config = try serviceConfig(folder)
        let notify = try NotifySocket(in: folder)
        let first = try RunningCommand(
            ["serve", "--config", config, "--clock-start", "2024-03-14T07:29:57+07:00"],
            environment: ["NOTIFY_SOCKET": notify.path, "JOURNAL_STREAM": "8:1"], log: folder.file("first.log"))
        #expect(notify.wait(for: "READY=1", seconds: 20).last?.contains("READY=1") == true, "\(first.log)")
        let second = try CommandLineRun(
            "serve", "--config", config, "--clock-start", "2024-03-14T07:29:57+07:00", "--until",
            "2024-03-14T07:30:30+07:00")
        #expect(second.status == 1)
        #expect(second.stderr.contains("another nhacviec serve is running on the state in"), "\(second.stderr)")
        // The seven of 07:30 go out once, from the first.
        // The round is over when the service says nothing is left queued.
        let said = notify.wait(for: "next send 2024-03-15T07:30:00+07:00; 0 queued", seconds: 15)
        #expect(said.last?.contains("; 0 queued") == true, "\(said)")
        #expect(folder.files(in: "maildir/new", withExtension: "nhacviec").count == 7)
        first.signal(SIGTERM)
        #expect(first.exitStatus(within: 10) == 0)
        // Once the first has stopped, the state is free again.
        let after = try CommandLineRun(
            "serve", "--config", config, "--clock-start", "2024-03-14T08:00:00+07:00", "--until",
            "2024-03-14T08:00:01+07:00")
        #expect(after.status == 0, "\(after.stderr)")
    }

    /// A state made by one short run of the service, which delivers the 07:30 of 14/03/2024.
    private func servedState() throws -> (TemporaryFolder, config: String, database: String) {
        let folder = try TemporaryFolder()
        let config = try serviceConfig(folder)
        let run = try CommandLineRun(
            "serve", "--config", config, "--clock-start", "2024-03-14T07:29:59+07:00", "--until",
            "2024-03-14T07:30:03+07:00")
        #expect(run.status == 0, "\(run.stderr)")
        return (folder, config, folder.file("state/nhacviec.sqlite"))
    }

    @Test(
        "A database with overwritten pages, or emptied to 0 bytes, is refused by serve, status and done with exit 1 and the way to restore; nothing is written into it",
        arguments: ["overwritten", "emptied"])
    func damagedDatabase(damage: String) throws {
        let (folder, config, database) = try servedState()
        // What the service wrote is in the WAL until a checkpoint; put it into the file, as SQLite does
        // in time, so that the overwritten pages are pages of the history.
        let checkpoint = Process()
        checkpoint.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        checkpoint.arguments = [
            "-c", "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute('pragma wal_checkpoint(truncate)')",
            database,
        ]
        try checkpoint.run()
        checkpoint.waitUntilExit()
        let handle = try #require(FileHandle(forWritingAtPath: database))
        if damage == "emptied" {
            try handle.truncate(atOffset: 0)
        } else {
            let size = try handle.seekToEnd()
            try handle.seek(toOffset: 4096)
            try handle.write(contentsOf: Data(repeating: 0x5A, count: Int(size) - 4096))
        }
        try handle.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        for arguments in [
            ["serve", "--clock-start", "2024-03-15T07:29:59+07:00", "--until", "2024-03-15T07:30:03+07:00"],
            ["status"], ["done", "TT.1", "--on", "2024-03-15"],
        ] {
            let run = try CommandLineRun(arguments + ["--config", config])
            #expect(run.status == 1, "\(arguments[0]): \(run.stderr)")
            #expect(run.stderr.contains("the state database \(database) is damaged"), "\(arguments[0]): \(run.stderr)")
            #expect(run.stderr.contains("Restore the last backup"), "\(arguments[0])")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before, "nothing was written into it")
        #expect(folder.files(in: "maildir/new", withExtension: "nhacviec").count == 7, "nothing more was sent")
    }

    @Test(
        "A database deleted while the service runs stops it (exit 1, said in the journal); the next start refuses to begin a new history"
    )
    func deletedDatabase() throws {
        let (folder, config, database) = try servedState()
        let notify = try NotifySocket(in: folder)
        let service = try RunningCommand(
            ["serve", "--config", config, "--clock-start", "2024-03-15T10:00:00+07:00"],
            // The watchdog's pings wake the loop every second.
            environment: ["JOURNAL_STREAM": "8:1", "NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "2000000"],
            log: folder.file("serve.log"))
        // Deleted once the service has taken it: after its first round.
        #expect(notify.wait(for: "queued", seconds: 20).last?.contains("queued") == true, "\(service.log)")
        try FileManager.default.removeItem(atPath: database)
        #expect(service.exitStatus(within: 10) == 1, "\(service.log)")
        #expect(service.log.contains("<3>stopping: the state database \(database) was deleted or replaced"))
        let restart = try CommandLineRun(
            "serve", "--config", config, "--clock-start", "2024-03-15T10:00:00+07:00", "--until",
            "2024-03-15T10:00:01+07:00")
        #expect(restart.status == 1)
        #expect(restart.stderr.contains("though this state has served before"), "\(restart.stderr)")
        #expect(!FileManager.default.fileExists(atPath: database), "no new, empty history was begun")
    }

    @Test(
        "A clock that ran ahead to December and was set back: said in the journal, status and a mail to the clerk; what it recorded as missed goes out when its time comes; nothing delivered goes out twice"
    )
    func clockSetBack() throws {
        let (folder, config, _) = try servedState()
        func subjects() throws -> [String] {
            try folder.files(in: "maildir/new", withExtension: "nhacviec").map {
                try parseMail($0)["subject"] as? String ?? ""
            }
        }
        let delivered14 = try subjects().filter { $0.contains("14/03/2024") }.count
        #expect(delivered14 == 7)
        // A bad RTC: one start in December records the months between as missed.
        let ahead = try CommandLineRun(
            "serve", "--config", config, "--clock-start", "2024-12-02T08:00:00+07:00", "--until",
            "2024-12-02T08:00:01+07:00")
        #expect(ahead.status == 0, "\(ahead.stderr)")
        #expect(ahead.stderr.contains("recorded as missed"))
        // Back at the right time, the next morning's reminders go out.
        let back = try CommandLineRun(
            "serve", "--config", config, "--clock-start", "2024-03-15T07:29:58+07:00", "--until",
            "2024-03-15T07:30:06+07:00")
        #expect(back.status == 0, "\(back.stderr)")
        #expect(
            back.stderr.contains("the clock went back from 2024-12-02T01:00:00Z to 2024-03-15T00:29:58Z"),
            "\(back.stderr)")
        let after = try subjects()
        #expect(after.filter { $0.contains("14/03/2024") }.count == delivered14, "nothing delivered is sent again")
        #expect(after.contains { $0.contains("15/03/2024") }, "\(after)")
        #expect(after.filter { $0.contains("Đồng hồ máy chủ bị sai") }.count == 1, "\(after)")
        let status = try CommandLineRun("status", "--config", config, "--json")
        let clock = try #require(try status.json()["clock_back"] as? [String: Any], "\(status.stdout)")
        #expect((clock["given_back"] as? Int ?? 0) > 0)
        #expect(
            try CommandLineRun("status", "--config", config).stdout.contains(
                "Đồng hồ:              BỊ LÙI từ 2024-12-02"))
    }

    @Test(
        "status in an outage shows each retry with the server's last answer and the next attempt, and warns when rounds stop or a batch hangs"
    )
    func statusInAnOutage() async throws {
        let folder = try TemporaryFolder()
        let config = try massConfig(folder, count: 3, port: try closedPort())
        let service = try dispatcher(config)
        try await service.evaluate(now: vn("2024-03-14T07:31:00"))
        #expect(try await service.deliver(now: vn("2024-03-14T07:31:00")).retrying == 3)
        try service.outbox.recordRound(at: Date().timeIntervalSince1970)
        let status = try CommandLineRun("status", "--config", config)
        #expect(status.stdout.contains("Đang thử gửi lại:"), "\(status.stdout)")
        #expect(status.stdout.contains("đã thử 1 lần, lần tới lúc 2024-03-14T07:3"), "\(status.stdout)")
        #expect(status.stdout.contains("cannot reach the mail server"), "\(status.stdout)")
        #expect(!status.stdout.contains("CẢNH BÁO"), "\(status.stdout)")
        let json = try CommandLineRun("status", "--config", config, "--json").json()
        let retrying = try #require(json["retrying"] as? [[String: Any]])
        #expect(
            retrying.count == 3 && retrying.allSatisfy { $0["next_attempt"] is String && $0["last_answer"] is String })
        // The service's last round ten minutes ago, and a batch begun five minutes ago that never ended.
        try service.outbox.recordRound(at: Date().timeIntervalSince1970 - 600)
        try service.outbox.setDelivering(since: Date().timeIntervalSince1970 - 300)
        let stale = try CommandLineRun("status", "--config", config).stdout
        #expect(
            stale.contains("CẢNH BÁO:             đã 10 phút không có vòng chạy nào trong khi 3 thông báo đang chờ"),
            "\(stale)")
        #expect(stale.contains("một lượt gửi đã chạy từ"), "\(stale)")
    }

    @Test(
        "A full disk under the state: the service says so at each round, and status warns that nothing can be recorded")
    func fullDisk() throws {
        try #require(geteuid() == 0, "the tests run as root, as make test does")
        let folder = try TemporaryFolder()
        let config = try serviceConfig(folder)
        try FileManager.default.createDirectory(atPath: folder.file("state"), withIntermediateDirectories: true)
        func run(_ command: String, _ arguments: [String]) throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: command)
            process.arguments = arguments
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        // A real file system that fills up: a 4 MiB tmpfs as the state folder.
        try #require(try run("/bin/mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", folder.file("state")]) == 0)
        defer { _ = try? run("/bin/umount", [folder.file("state")]) }
        let first = try CommandLineRun(
            "serve", "--config", config, "--clock-start", "2024-03-13T07:29:59+07:00", "--until",
            "2024-03-13T07:30:01+07:00")
        #expect(first.status == 0, "\(first.stderr)")
        _ = try run("/bin/dd", ["if=/dev/zero", "of=\(folder.file("state/filler"))", "bs=64k", "status=none"])
        let full = try CommandLineRun(
            "serve", "--config", config, "--clock-start", "2024-03-14T07:29:59+07:00", "--until",
            "2024-03-14T07:30:02+07:00")
        #expect(full.stderr.contains("state database:"), "\(full.stderr)")
        let status = try CommandLineRun("status", "--config", config)
        #expect(status.stdout.contains("KiB: dịch vụ không ghi được cơ sở dữ liệu"), "\(status.stdout)")
        let json = try CommandLineRun("status", "--config", config, "--json").json()
        #expect((json["free_bytes"] as? Int ?? .max) < 1 << 20)
    }
}
