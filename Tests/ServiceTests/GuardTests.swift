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
        let deadline = Date().addingTimeInterval(15)
        while folder.files(in: "maildir/new", withExtension: "nhacviec").count < 7 && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
        }
        Thread.sleep(forTimeInterval: 1)
        #expect(folder.files(in: "maildir/new", withExtension: "nhacviec").count == 7)
        first.signal(SIGTERM)
        #expect(first.exitStatus(within: 10) == 0)
        // Once the first has stopped, the state is free again.
        let after = try CommandLineRun(
            "serve", "--config", config, "--clock-start", "2024-03-14T08:00:00+07:00", "--until",
            "2024-03-14T08:00:01+07:00")
        #expect(after.status == 0, "\(after.stderr)")
    }
}
