import Foundation
import GRDB
import Model

/// The outbox over the state database: what is due, what happened to each attempt.
public struct Outbox: Sendable {
    public let database: StateDatabase

    public init(database: StateDatabase) { self.database = database }

    /// Queues items whose key is new, and moves the evaluation mark, in one transaction: after a crash
    /// either both happened or neither did. Returns how many items were new.
    @discardableResult
    public func enqueue(_ items: [OutboxItem], evaluatedThrough: Double) throws -> Int {
        try database.pool.write { db in
            let inserted = try Self.insertNew(items, db)
            try database.setMeta("evaluated_through", String(evaluatedThrough), db)
            return inserted
        }
    }

    /// The items of some digests (`2024-03-14/hung/email`), by digest.
    public func items(ofDigests digests: Set<DigestID>) throws -> [DigestID: OutboxItem] {
        guard !digests.isEmpty else { return [:] }
        return try database.pool.read { db in
            let found = try OutboxItem.filter(digests.map(\.description).contains(Column("digest"))).fetchAll(db)
            return Dictionary(found.map { ($0.digest, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Queues items whose key is new, leaving the evaluation mark where it is (notices to the clerk).
    @discardableResult
    public func enqueue(_ items: [OutboxItem]) throws -> Int {
        try database.pool.write { db in try Self.insertNew(items, db) }
    }

    /// Inserts the items whose key is not in the table yet; returns how many.
    private static func insertNew(_ items: [OutboxItem], _ db: Database) throws -> Int {
        var inserted = 0
        for var item in items {
            try item.insert(db, onConflict: .ignore)
            if db.changesCount > 0 { inserted += 1 }
        }
        return inserted
    }

    /// The clock is earlier than the evaluation mark (it ran ahead, then was set right): every item for a
    /// send time after `now` that was not delivered is given back to the plan (removed, with its
    /// attempts), and the mark moved back to `now`, so that those send times are evaluated again when
    /// they come. Delivered items stay, and their keys keep them from going out a second time. The jump
    /// is kept for `status`. Returns how many items were given back.
    @discardableResult
    public func rewind(to now: Double, at wallClock: Double) throws -> Int {
        try database.pool.write { db in
            let from = try database.meta("evaluated_through", db).flatMap(Double.init) ?? now
            let undelivered = "SELECT id FROM notification WHERE sendAt > ? AND state != 'delivered'"
            try db.execute(sql: "DELETE FROM attempt WHERE notificationId IN (\(undelivered))", arguments: [now])
            try db.execute(sql: "DELETE FROM notification WHERE id IN (\(undelivered))", arguments: [now])
            let givenBack = db.changesCount
            try database.setMeta("evaluated_through", String(now), db)
            try database.setMeta("clock_back", "\(from) \(now) \(givenBack) \(wallClock)", db)
            return givenBack
        }
    }

    /// The last time the clock was found earlier than the mark: from where, to where, how many items
    /// were given back, and when it was noticed.
    public func lastClockBack() throws -> ClockBack? {
        try database.pool.read { db in
            guard let parts = try database.meta("clock_back", db)?.split(separator: " ").compactMap({ Double($0) }),
                parts.count == 4
            else { return nil }
            return ClockBack(from: parts[0], to: parts[1], givenBack: Int(parts[2]), noticedAt: parts[3])
        }
    }

    /// The instant up to which send times have been turned into notifications.
    public func evaluatedThrough() throws -> Double? {
        try database.pool.read { db in try database.meta("evaluated_through", db).flatMap(Double.init) }
    }

    /// Pending items whose next attempt is due, oldest first.
    public func due(at now: Double, limit: Int = 500) throws -> [OutboxItem] {
        try database.pool.read { db in
            try OutboxItem.filter(
                Column("state") == OutboxItem.State.pending.rawValue && Column("nextAttemptAt") <= now
            )
            .order(Column("nextAttemptAt"), Column("id")).limit(limit).fetchAll(db)
        }
    }

    /// When the next pending item is due.
    public func nextAttempt() throws -> Double? {
        try database.pool.read { db in
            try Double.fetchOne(db, sql: "SELECT MIN(nextAttemptAt) FROM notification WHERE state = 'pending'")
        }
    }

    public func recordDelivered(_ id: Int64, answer: String, at now: Double) throws {
        try database.pool.write { db in
            try db.execute(
                sql:
                    "UPDATE notification SET state = 'delivered', attempts = attempts + 1, deliveredAt = ?, lastAnswer = ? WHERE id = ?",
                arguments: [now, answer, id])
            try Self.dropLiveSecret(id, db)
            try db.execute(
                sql: "INSERT INTO attempt (notificationId, at, outcome, answer) VALUES (?, ?, 'delivered', ?)",
                arguments: [id, now, answer])
        }
    }

    /// A sign-in mail holds a live link: once it is delivered or failed for good, nothing will send it again,
    /// and its bytes are dropped, so that a copy of the database signs nobody in.
    private static func dropLiveSecret(_ id: Int64, _ db: Database) throws {
        try db.execute(
            sql: "UPDATE notification SET payload = x'' WHERE id = ? AND kind = ?",
            arguments: [id, OutboxItem.Kind.signInLink.rawValue])
    }

    /// A failed attempt: retried at `retryAt`, or failed for good when nil.
    public func recordFailure(_ id: Int64, answer: String, at now: Double, retryAt: Double?) throws {
        try database.pool.write { db in
            if let retryAt {
                try db.execute(
                    sql:
                        "UPDATE notification SET attempts = attempts + 1, nextAttemptAt = ?, lastAnswer = ? WHERE id = ?",
                    arguments: [retryAt, answer, id])
            } else {
                try db.execute(
                    sql:
                        "UPDATE notification SET state = 'failed', attempts = attempts + 1, lastAnswer = ? WHERE id = ?",
                    arguments: [answer, id])
                try Self.dropLiveSecret(id, db)
            }
            try db.execute(
                sql: "INSERT INTO attempt (notificationId, at, outcome, answer) VALUES (?, ?, ?, ?)",
                arguments: [id, now, retryAt == nil ? "failed" : "retry", answer])
        }
    }

    /// Kept queued until `until`, for a reason that is not the message's (a quota used up): no attempt is
    /// counted, so that backing off starts again afresh. `tried`: it was sent and refused, an attempt to
    /// record.
    public func postpone(_ id: Int64, until: Double, answer: String, at now: Double, tried: Bool) throws {
        try database.pool.write { db in
            try db.execute(
                sql: "UPDATE notification SET nextAttemptAt = ?, lastAnswer = ? WHERE id = ?",
                arguments: [until, answer, id])
            if tried {
                try db.execute(
                    sql: "INSERT INTO attempt (notificationId, at, outcome, answer) VALUES (?, ?, 'postponed', ?)",
                    arguments: [id, now, answer])
            }
        }
    }

    /// Counts by state, the last delivery, and the failures, for `status`.
    public func summary() throws -> OutboxSummary {
        try database.pool.read { db in
            let counts = try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM notification GROUP BY state")
            var byState: [String: Int] = [:]
            for row in counts { byState[row["state"]] = row["n"] }
            let last = try OutboxItem.filter(Column("state") == "delivered").order(Column("deliveredAt").desc).fetchOne(
                db)
            let failed = try OutboxItem.filter(Column("state") == "failed").order(Column("id").desc).limit(20).fetchAll(
                db)
            let retrying = try OutboxItem.filter(Column("state") == "pending" && Column("attempts") > 0)
                .order(Column("nextAttemptAt")).limit(20).fetchAll(db)
            return OutboxSummary(
                pending: byState["pending"] ?? 0, delivered: byState["delivered"] ?? 0, failed: byState["failed"] ?? 0,
                missed: byState["missed"] ?? 0, lastDelivered: last, recentFailures: failed, retrying: retrying,
                nextSend: try database.meta("next_send", db).flatMap(Double.init),
                lastRound: try database.meta("last_round", db).flatMap(Double.init),
                deliveringSince: try database.meta("delivering_since", db).flatMap(Double.init))
        }
    }

    /// The service finished a round (evaluate, deliver) at this wall-clock instant: a stale one in
    /// `status` means it stopped, hangs, or cannot write its database.
    public func recordRound(at wallClock: Double) throws {
        try database.pool.write { db in try database.setMeta("last_round", String(wallClock), db) }
    }

    /// A delivery batch began (an instant) or ended (nil), so that `status` can show one that hangs.
    public func setDelivering(since wallClock: Double?) throws { try setInstant("delivering_since", wallClock) }

    public func setNextSend(_ instant: Double?) throws { try setInstant("next_send", instant) }

    /// An instant kept in `meta`, or none.
    private func setInstant(_ key: String, _ instant: Double?) throws {
        try database.pool.write { db in
            if let instant {
                try database.setMeta(key, String(instant), db)
            } else {
                try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [key])
            }
        }
    }

    /// The items that failed for good with a send time in [from, to].
    public func failed(sentBetween from: Double, and to: Double) throws -> [OutboxItem] {
        try database.pool.read { db in
            try OutboxItem.filter(Column("state") == "failed" && Column("sendAt") >= from && Column("sendAt") <= to)
                .order(Column("sendAt")).fetchAll(db)
        }
    }

    /// Every item, for tests and reports.
    public func all() throws -> [OutboxItem] {
        try database.pool.read { db in try OutboxItem.order(Column("id")).fetchAll(db) }
    }
}

/// A clock found earlier than the evaluation mark (``Outbox/rewind(to:at:)``).
public struct ClockBack: Sendable, Equatable {
    public let from: Double
    public let to: Double
    public let givenBack: Int
    public let noticedAt: Double
}

/// What `status` shows of the outbox.
public struct OutboxSummary: Sendable {
    public let pending: Int
    public let delivered: Int
    public let failed: Int
    public let missed: Int
    public let lastDelivered: OutboxItem?
    public let recentFailures: [OutboxItem]
    /// Items that failed for now and wait for their next attempt, the soonest first.
    public let retrying: [OutboxItem]
    public let nextSend: Double?
    /// When the service last finished a round, and since when a delivery batch has been going on.
    public let lastRound: Double?
    public let deliveringSince: Double?
}
