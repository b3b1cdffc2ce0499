import Foundation
import GRDB

/// Who may use the web workspace, kept in the state: the one-time sign-in links (by the hash of their
/// token, never the token), the requests for them (for the rate limit), and the sessions (by the hash of
/// their cookie), revocable and expiring when idle.
public struct WebAccess: Sendable {
    public let database: StateDatabase

    public init(database: StateDatabase) { self.database = database }

    // MARK: Sign-in links

    /// Records a link's token hash for an official, valid until `expiresAt`.
    public func issueLink(tokenHash: String, official: String, now: Double, expiresAt: Double) throws {
        try database.pool.write { db in
            try db.execute(
                sql: "INSERT INTO webLink (tokenHash, official, createdAt, expiresAt) VALUES (?, ?, ?, ?)",
                arguments: [tokenHash, official, now, expiresAt])
        }
    }

    /// Uses a link: the official it names when it exists, has not expired and was never used; it is used
    /// up in the same transaction, so two clicks cannot both sign in.
    public func useLink(tokenHash: String, now: Double) throws -> String? {
        try database.pool.write { db in
            guard
                let official = try String.fetchOne(
                    db,
                    sql: "SELECT official FROM webLink WHERE tokenHash = ? AND usedAt IS NULL AND expiresAt > ?",
                    arguments: [tokenHash, now])
            else { return nil }
            try db.execute(sql: "UPDATE webLink SET usedAt = ? WHERE tokenHash = ?", arguments: [now, tokenHash])
            return official
        }
    }

    /// Records a request for a link (known address or not) and says how many there were in the hour before,
    /// this one included, for the address and for the client.
    public func countLinkRequest(address: String, client: String, now: Double) throws -> (
        address: Int, client: Int
    ) {
        try database.pool.write { db in
            try db.execute(sql: "DELETE FROM webLinkRequest WHERE at <= ?", arguments: [now - 3600])
            try db.execute(
                sql: "INSERT INTO webLinkRequest (address, client, at) VALUES (?, ?, ?)",
                arguments: [address, client, now])
            let byAddress = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM webLinkRequest WHERE address = ?", arguments: [address])
            let byClient = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM webLinkRequest WHERE client = ?", arguments: [client])
            return (byAddress ?? 0, byClient ?? 0)
        }
    }

    // MARK: Sessions

    public struct Session: Sendable, Equatable {
        public let official: String
        /// The token every form of this session carries.
        public let csrf: String
    }

    public func openSession(idHash: String, official: String, csrf: String, client: String, now: Double) throws {
        try database.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO webSession (idHash, official, csrf, client, createdAt, lastSeenAt)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [idHash, official, csrf, client, now, now])
        }
    }

    /// The session of a cookie, when it is open and was used within `idle` seconds; using it keeps it open.
    public func session(idHash: String, now: Double, idle: Double) throws -> Session? {
        try database.pool.write { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT official, csrf FROM webSession
                        WHERE idHash = ? AND revokedAt IS NULL AND lastSeenAt > ?
                        """,
                    arguments: [idHash, now - idle])
            else { return nil }
            try db.execute(sql: "UPDATE webSession SET lastSeenAt = ? WHERE idHash = ?", arguments: [now, idHash])
            return Session(official: row["official"], csrf: row["csrf"])
        }
    }

    /// Signs a session out; a revoked session is never open again.
    public func revoke(idHash: String, now: Double) throws {
        try database.pool.write { db in
            try db.execute(sql: "UPDATE webSession SET revokedAt = ? WHERE idHash = ?", arguments: [now, idHash])
        }
    }

    /// Signs out every session of an official (the administrator's `web-link --revoke`), and spends every
    /// sign-in link of theirs not yet used: one mailed before the revocation opens nothing. Returns how many
    /// sessions it ended.
    public func revokeAll(official: String, now: Double) throws -> Int {
        try database.pool.write { db in
            try db.execute(
                sql: "UPDATE webLink SET usedAt = ? WHERE official = ? AND usedAt IS NULL", arguments: [now, official])
            try db.execute(
                sql: "UPDATE webSession SET revokedAt = ? WHERE official = ? AND revokedAt IS NULL",
                arguments: [now, official])
            return db.changesCount
        }
    }

    /// The key the links are signed with, made once and kept in the state.
    public func signingKey() throws -> Data {
        try database.pool.write { db in
            if let stored = try database.meta("web_key", db), let key = Data(base64Encoded: stored) { return key }
            var bytes = [UInt8](repeating: 0, count: 32)
            for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255) }
            try database.setMeta("web_key", Data(bytes).base64EncodedString(), db)
            return Data(bytes)
        }
    }
}
