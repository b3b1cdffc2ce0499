import Foundation
import GRDB

/// The OA's token pair of each Zalo webhook, in the state: the access token (about 25 hours) and the
/// refresh token (about 3 months, good for one refresh, replaced at each). A new pair is committed here
/// before it is used, and only in place of the pair whose refresh token was spent for it, so that no
/// refresh token is used twice and no request goes out with a token older than the one kept.
public struct ZaloTokens: Sendable {
    public struct Pair: Sendable, Equatable {
        public let accessToken: String
        public let refreshToken: String
        public let accessExpiresAt: Double
        public let refreshExpiresAt: Double

        public init(accessToken: String, refreshToken: String, accessExpiresAt: Double, refreshExpiresAt: Double) {
            self.accessToken = accessToken
            self.refreshToken = refreshToken
            self.accessExpiresAt = accessExpiresAt
            self.refreshExpiresAt = refreshExpiresAt
        }
    }

    /// A webhook's tokens as `status` shows them.
    public struct Standing: Sendable, Equatable {
        public let webhook: String
        public let pair: Pair
        /// Why Zalo refused the refresh token; nil while it works.
        public let refusal: String?

        /// The refresh token still works but expires unused within ``ZaloTokens/warning``: the clerk is
        /// mailed (`status` warns from the same moment on, and goes on once it has expired).
        public func expiresUnusedSoon(now: Date) -> Bool {
            let left = pair.refreshExpiresAt - now.timeIntervalSince1970
            return refusal == nil && left > 0 && left < ZaloTokens.warning
        }
    }

    /// How long before a refresh token would expire unused the clerk is told, and `status` warns.
    public static let warning: Double = 7 * 86_400

    /// How long a refresh token lives unused, as Zalo says (about three months).
    public static let refreshLifetime: Double = 90 * 86_400

    public let database: StateDatabase

    public init(database: StateDatabase) { self.database = database }

    public func pair(of webhook: String) throws -> Pair? { try standing(of: webhook)?.pair }

    public func standing(of webhook: String) throws -> Standing? {
        try database.pool.read { db in
            try Row.fetchOne(db, sql: "\(Self.columns) WHERE webhook = ?", arguments: [webhook]).map(Self.standing)
        }
    }

    /// Every webhook's tokens, by name.
    public func all() throws -> [Standing] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: "\(Self.columns) ORDER BY webhook").map(Self.standing)
        }
    }

    /// Zalo refused the kept refresh token for good: nothing is refreshed with it again, and `status`
    /// says to authorize again.
    public func refuse(_ webhook: String, reason: String, at now: Double) throws {
        try database.pool.write { db in
            try db.execute(
                sql: "UPDATE zaloToken SET refusal = ?, updatedAt = ? WHERE webhook = ?",
                arguments: [reason, now, webhook])
        }
    }

    private static let columns =
        "SELECT webhook, accessToken, refreshToken, accessExpiresAt, refreshExpiresAt, refusal FROM zaloToken"

    private static func standing(_ row: Row) -> Standing {
        Standing(
            webhook: row["webhook"],
            pair: Pair(
                accessToken: row["accessToken"], refreshToken: row["refreshToken"],
                accessExpiresAt: row["accessExpiresAt"], refreshExpiresAt: row["refreshExpiresAt"]),
            refusal: row["refusal"])
    }

    /// The administrator's first refresh token (`nhacviec zalo-token`), in place of any pair kept: no
    /// access token yet, so the first send refreshes.
    public func authorize(_ webhook: String, refreshToken: String, at now: Double) throws {
        try database.pool.write { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO zaloToken
                    (webhook, accessToken, refreshToken, accessExpiresAt, refreshExpiresAt, updatedAt)
                    VALUES (?, '', ?, 0, ?, ?)
                    """, arguments: [webhook, refreshToken, now + Self.refreshLifetime, now])
        }
    }

    /// Keeps the pair a refresh gave, in place of the one whose refresh token `spent` was; false when that
    /// pair is no longer the one kept (then nothing is written).
    public func replace(_ webhook: String, spent: String, with pair: Pair, at now: Double) throws -> Bool {
        try database.pool.write { db in
            try db.execute(
                sql: """
                    UPDATE zaloToken SET accessToken = ?, refreshToken = ?, accessExpiresAt = ?, refreshExpiresAt = ?,
                    updatedAt = ? WHERE webhook = ? AND refreshToken = ?
                    """,
                arguments: [
                    pair.accessToken, pair.refreshToken, pair.accessExpiresAt, pair.refreshExpiresAt, now, webhook,
                    spent,
                ])
            return db.changesCount == 1
        }
    }
}
