import Foundation
import Model
import Outbox
import TestSupport
import Testing
import WorkingCalendar

@Suite("A state database written by an earlier release")
struct StateMigrationTests {
    /// A copy of the state written by release 91188be (Fixtures/README.md), in a new state folder that
    /// lives as long as `folder`.
    func releaseState(in folder: TemporaryFolder) throws -> StateDatabase {
        let fixture = try #require(
            Bundle.module.url(forResource: "state-91188be", withExtension: "sqlite", subdirectory: "Fixtures"))
        try FileManager.default.createDirectory(atPath: folder.file("state"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: fixture.path, toPath: StateDatabase.path(in: folder.file("state")))
        return try StateDatabase(directory: folder.file("state"))
    }

    @Test("Each notification gets its kind and its channel as columns, read from the old key and channel")
    func kindsAndChannels() throws {
        let folder = try TemporaryFolder()
        let state = try releaseState(in: folder)
        let items = try Outbox(database: state).all()
        #expect(items.count == 38)
        var kinds: [OutboxItem.Kind: Int] = [:]
        for item in items { kinds[item.kind, default: 0] += 1 }
        #expect(kinds == [.digest: 24, .report: 4, .overdueList: 1, .failureNotice: 9])
        for item in items {
            switch item.kind {
            case .report:
                #expect(
                    item.key.hasPrefix("report:2024-03:2024-03-14:") && item.digest.description.hasSuffix("/report"))
            case .overdueList: #expect(item.key == "overdue:2024-03-11:thu")
            case .failureNotice: #expect(item.key.hasPrefix("failure:") && item.recipient == "thu")
            case .digest: #expect(!item.key.contains(":"))
            case .rejectedSchedule, .clockNotice, .signInLink, .reportReturned, .zaloNotice:
                Issue.record("release 91188be had no notices of that kind")
            }
        }
        let webhooks = items.filter { $0.channel == .webhook("nhom-ubnd") }
        #expect(webhooks.count == 12)
        #expect(
            webhooks.allSatisfy {
                $0.destination == "nhom-ubnd" && $0.digest.description.hasSuffix("/webhook:nhom-ubnd")
            })
        #expect(items.filter { $0.channel == .email }.count == 26)
        // Failed webhooks told the clerk; notices are mail.
        #expect(items.filter { $0.kind == .failureNotice }.allSatisfy { $0.channel == .email })
    }

    @Test("What was delivered stays delivered, keys stay taken, completions are kept")
    func historyKept() throws {
        let folder = try TemporaryFolder()
        let state = try releaseState(in: folder)
        let outbox = Outbox(database: state)
        let summary = try outbox.summary()
        #expect((summary.delivered, summary.pending, summary.failed) == (26, 3, 9))
        let delivered = try #require(try outbox.all().first { $0.state == .delivered && $0.kind == .digest })
        var again = delivered
        again.id = nil
        #expect(try outbox.enqueue([again], evaluatedThrough: delivered.sendAt) == 0)
        let recorded = try CompletionLog(database: state).recorded()
        #expect(
            recorded[CompletionKey(task: "2.1.4")] == .some(Completion(date: CivilDate(year: 2024, month: 3, day: 13)!))
        )
        // Pending webhooks are still due, on their channel.
        let due = try outbox.due(at: Date(timeIntervalSince1970: 1_710_600_000).timeIntervalSince1970)
        #expect(due.count == 3 && due.allSatisfy { $0.channel == .webhook("nhom-ubnd") })
    }
}
