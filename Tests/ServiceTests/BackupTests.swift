import App
import Foundation
import Model
import Outbox
import TestSupport
import Testing
import WorkingCalendar

@Suite("nhacviec backup, and a restore on a new machine", .serialized)
struct BackupTests {
    /// Message-IDs without their angle brackets.
    func bare(_ id: String) -> String { id.trimmingCharacters(in: CharacterSet(charactersIn: "<> ")) }

    @Test(
        "A backup taken in the middle of a delivery batch, restored into a new state: what was delivered is not sent again, the rest is, the completions are kept"
    )
    func duringABatch() throws {
        let count = 120
        let folder = try TemporaryFolder()
        let (server, _) = try smtpServer(in: folder, extra: ["--delay", "0.03"])
        let config = try massConfig(folder, count: count, port: server.port)
        let service = try RunningCommand(
            ["serve", "--config", config, "--clock-start", "2024-03-14T07:30:00+07:00"], environment: [:],
            log: folder.file("serve.log"))
        var deadline = Date().addingTimeInterval(30)
        while receivedMessageIDs(folder).count < 20 && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let done = try CommandLineRun("done", "T7", "--on", "2024-03-13", "--note", "xong", "--config", config)
        #expect(done.status == 0, "\(done.stderr)")
        let backup = try CommandLineRun("backup", folder.file("backup.sqlite"), "--config", config)
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(backup.stdout.contains("copied to \(folder.file("backup.sqlite"))"))
        let atBackup = receivedMessageIDs(folder).count
        deadline = Date().addingTimeInterval(60)
        while Set(receivedMessageIDs(folder)).count < count && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        service.signal(SIGTERM)
        #expect(service.exitStatus(within: 30) == 0, "\(service.log)")
        #expect(Set(receivedMessageIDs(folder)).count == count)
        // A second backup to the same file is refused: a backup never overwrites.
        let again = try CommandLineRun("backup", folder.file("backup.sqlite"), "--config", config)
        #expect(again.status == 1 && again.stderr.contains("exists already"))

        // A new machine: the backup as its state, a mail server of its own.
        let restored = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: restored.file("state"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: folder.file("backup.sqlite"), toPath: StateDatabase.path(in: restored.file("state")))
        let items = try Outbox(database: StateDatabase(directory: restored.file("state"))).all()
        let delivered = Set(items.filter { $0.state == .delivered }.compactMap(\.messageID).map(bare))
        let pending = Set(items.filter { $0.state == .pending }.compactMap(\.messageID).map(bare))
        #expect(items.count == count)
        #expect(!delivered.isEmpty && !pending.isEmpty, "the backup fell inside the batch (\(atBackup) received then)")
        let recorded = try CompletionLog(database: StateDatabase(directory: restored.file("state"))).recorded()
        #expect(
            recorded[CompletionKey(task: "T7")]
                == .some(Completion(date: CivilDate(year: 2024, month: 3, day: 13)!, note: "xong")))

        let (newServer, _) = try smtpServer(in: restored)
        let newConfig = try massConfig(restored, count: count, port: newServer.port)
        let resumed = try RunningCommand(
            ["serve", "--config", newConfig, "--clock-start", "2024-03-14T07:31:00+07:00"], environment: [:],
            log: restored.file("serve.log"))
        deadline = Date().addingTimeInterval(60)
        while Set(receivedMessageIDs(restored)).count < pending.count && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
        }
        Thread.sleep(forTimeInterval: 1)
        resumed.signal(SIGTERM)
        #expect(resumed.exitStatus(within: 30) == 0, "\(resumed.log)")
        let resent = Set(receivedMessageIDs(restored).map(bare))
        #expect(resent == pending, "sent again: \(resent.intersection(delivered).count) delivered before the backup")
        #expect(resent.isDisjoint(with: delivered))
        let status = try CommandLineRun("status", "--config", newConfig, "--json").json()
        #expect(status["delivered"] as? Int == count && status["queued"] as? Int == 0)
    }
}
