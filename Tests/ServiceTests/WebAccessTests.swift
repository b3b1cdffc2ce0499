import Foundation
import Outbox
import TestSupport
import Testing

@Suite("The workspace's access in the state: links and sessions, on a real SQLite file")
struct WebAccessTests {
    @Test(
        "A link is taken once and not after it expires; a session ends after 12 hours unused, at sign-out, and when revoked"
    )
    func linksAndSessions() throws {
        let folder = try TemporaryFolder()
        let access = WebAccess(database: try StateDatabase(directory: folder.file("state")))
        let now = 1_710_400_000.0
        try access.issueLink(tokenHash: "a", official: "thu", now: now, expiresAt: now + 900)
        try access.issueLink(tokenHash: "b", official: "hung", now: now, expiresAt: now + 900)
        #expect(try access.useLink(tokenHash: "a", now: now + 899) == "thu")
        #expect(try access.useLink(tokenHash: "a", now: now + 900) == nil, "taken")
        #expect(try access.useLink(tokenHash: "b", now: now + 900) == nil, "expired")
        #expect(try access.useLink(tokenHash: "c", now: now) == nil, "never issued")

        let idle = 12 * 3600.0
        try access.openSession(idHash: "s", official: "thu", csrf: "t", client: "127.0.0.1", now: now)
        // Used within 12 hours, it stays open, and each use moves the idle limit on.
        #expect(try access.session(idHash: "s", now: now + idle - 1, idle: idle)?.official == "thu")
        #expect(try access.session(idHash: "s", now: now + 2 * idle - 2, idle: idle)?.csrf == "t")
        #expect(try access.session(idHash: "s", now: now + 3 * idle, idle: idle) == nil, "12 hours unused")
        try access.openSession(idHash: "u", official: "thu", csrf: "t2", client: "127.0.0.1", now: now)
        try access.revoke(idHash: "u", now: now + 1)
        #expect(try access.session(idHash: "u", now: now + 2, idle: idle) == nil, "signed out")
        try access.openSession(idHash: "v", official: "hung", csrf: "t3", client: "127.0.0.1", now: now)
        try access.openSession(idHash: "w", official: "hung", csrf: "t4", client: "10.0.0.2", now: now)
        #expect(try access.revokeAll(official: "hung", now: now + 1) == 2)
        #expect(try access.session(idHash: "w", now: now + 2, idle: idle) == nil)
        // The key the report links are signed with is made once and kept.
        let key = try access.signingKey()
        let again = try access.signingKey()
        #expect(key.count == 32 && again == key)
    }

    @Test("Link requests are counted per address and per client over the last hour")
    func requestCounts() throws {
        let folder = try TemporaryFolder()
        let access = WebAccess(database: try StateDatabase(directory: folder.file("state")))
        let now = 1_710_400_000.0
        for minute in 0..<5 {
            _ = try access.countLinkRequest(address: "a@x", client: "1.1.1.1", now: now + Double(minute) * 60)
        }
        let sixth = try access.countLinkRequest(address: "a@x", client: "2.2.2.2", now: now + 300)
        #expect(sixth.address == 6 && sixth.client == 1)
        // An hour after the first ones, they no longer count.
        let later = try access.countLinkRequest(address: "a@x", client: "1.1.1.1", now: now + 3600 + 250)
        #expect(later.address == 2 && later.client == 1, "\(later)")
    }
}
