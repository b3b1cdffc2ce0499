import Foundation
import Outbox
import TestSupport
import Testing

@Suite("Plan versions in the state: kept whole, switched in one transaction, on a real SQLite file")
struct PlanVersionsTests {
    @Test(
        "A version is kept once per content, its file written again from the database when lost; a switch on a stale base is refused and names the one that came first"
    )
    func keptAndSwitched() throws {
        let folder = try TemporaryFolder()
        let directory = folder.file("state")
        let versions = PlanVersions(database: try StateDatabase(directory: directory), stateDirectory: directory)
        let content = Data("[plan]\nid = \"p\"\n".utf8)
        let first = try versions.save(
            plan: "/etc/nhacviec/plans/p.toml", fileName: "p.toml", content: content, year: nil, user: "thu",
            client: "127.0.0.1", at: 1)
        let again = try versions.save(
            plan: "/etc/nhacviec/plans/p.toml", fileName: "p (1).toml", content: content, year: nil, user: "tan",
            client: "127.0.0.2", at: 2)
        #expect(again == first, "the same content is the same version")
        let file = try versions.file(of: first)
        try FileManager.default.removeItem(atPath: file)
        #expect(try versions.file(of: first) == file)
        #expect(FileManager.default.contents(atPath: file) == content, "written again from the database")

        let applied = try versions.switchTo(
            first.id, of: first.plan, expected: nil, action: .apply, configFileSHA: "abc", user: "thu",
            client: "127.0.0.1", at: 3)
        #expect(throws: PlanVersions.ChangedMeanwhile.self) {
            try versions.switchTo(
                nil, of: first.plan, expected: nil, action: .restore, configFileSHA: "abc", user: "tan",
                client: "127.0.0.2", at: 4)
        }
        do {
            try versions.switchTo(
                nil, of: first.plan, expected: nil, action: .restore, configFileSHA: "abc", user: "tan",
                client: "127.0.0.2", at: 4)
        } catch let meanwhile as PlanVersions.ChangedMeanwhile {
            #expect(meanwhile.change == applied)
        }
        try versions.switchTo(
            nil, of: first.plan, expected: applied.id, action: .restore, configFileSHA: "abc", user: "tan",
            client: "127.0.0.2", at: 5)
        #expect(try versions.changes(of: first.plan).map(\.user) == ["tan", "thu"])
        #expect(try versions.lastChanges()[first.plan]?.version == nil)
    }
}
