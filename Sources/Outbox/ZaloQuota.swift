import Foundation
import GRDB

/// What Zalo said of each ZNS webhook's daily quota, at its last answer: the messages left today and the
/// day's allowance. ZNS counts its days in Vietnam's time, so a quota used up is used up until the next
/// midnight there: meanwhile nothing is sent to be refused, and what is due stays queued.
public struct ZaloQuota: Sendable {
    public struct Standing: Sendable, Equatable {
        public let webhook: String
        public let remaining: Int
        public let daily: Int?
        /// When Zalo said so.
        public let at: Double

        /// Whether nothing is left on `now`'s day in Vietnam (a new day gives a new allowance).
        public func usedUp(now: Date) -> Bool {
            remaining <= 0 && ZaloQuota.day(at) == ZaloQuota.day(now.timeIntervalSince1970)
        }
    }

    public let database: StateDatabase

    public init(database: StateDatabase) { self.database = database }

    /// ZNS's day of an instant: days since 1970 in Vietnam (UTC+7, no summer time).
    static func day(_ instant: Double) -> Int { Int(((instant + 7 * 3_600) / 86_400).rounded(.down)) }

    public func record(_ webhook: String, remaining: Int, daily: Int?, at now: Double) throws {
        try database.pool.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO zaloQuota (webhook, remaining, daily, at) VALUES (?, ?, ?, ?)",
                arguments: [webhook, remaining, daily, now])
        }
    }

    /// A webhook's quota, read at each of its sends.
    public func standing(of webhook: String) throws -> Standing? {
        try database.pool.read { db in
            try Row.fetchOne(db, sql: "\(Self.columns) WHERE webhook = ?", arguments: [webhook]).map(Self.standing)
        }
    }

    public func all() throws -> [Standing] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: "\(Self.columns) ORDER BY webhook").map(Self.standing)
        }
    }

    private static let columns = "SELECT webhook, remaining, daily, at FROM zaloQuota"

    private static func standing(_ row: Row) -> Standing {
        Standing(webhook: row["webhook"], remaining: row["remaining"], daily: row["daily"], at: row["at"])
    }
}
