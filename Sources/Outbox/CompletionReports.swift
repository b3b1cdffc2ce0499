import Foundation
import GRDB
import Model
import WorkingCalendar

/// The officials' own reports that a task is done ("Báo cáo hoàn thành", from the link in a reminder):
/// waiting for the clerk, confirmed (then also in the audit log), or sent back with a reason. Each link
/// is taken once: its hash is unique here.
public struct CompletionReports: Sendable {
    public enum State: String, Sendable {
        case waiting, confirmed, returned
    }

    public struct Report: Sendable, Equatable {
        public let id: Int64
        public let task: String
        /// The occurrence's nominal deadline (ISO), or "" for a one-off task.
        public let occurrence: String
        public let official: String
        /// ISO.
        public let completedOn: String
        public let note: String?
        public let at: Double
        public let state: State

        /// The occurrence and the completion date as dates (the table keeps their ISO text).
        public var occurrenceDay: CivilDate? { occurrence.isEmpty ? nil : try? CivilDate.parse(occurrence) }
        public var completedDay: CivilDate? { try? CivilDate.parse(completedOn) }
    }

    public let database: StateDatabase

    public init(database: StateDatabase) { self.database = database }

    /// Records a report; false when its link was taken already, or the occurrence has a report waiting for
    /// the clerk (checked in the same transaction: of two reports at once, one is recorded).
    public func submit(
        linkHash: String, task: String, occurrence: String, official: String, completedOn: String, note: String?,
        client: String, at: Double, state: State
    ) throws -> Bool {
        try database.pool.write { db in
            let waiting = try Bool.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) > 0 FROM completionReport WHERE task = ? AND occurrence = ? AND state = 'waiting'
                    """,
                arguments: [task, occurrence])
            guard waiting != true else { return false }
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO completionReport
                    (linkHash, task, occurrence, official, completedOn, note, client, at, state)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [linkHash, task, occurrence, official, completedOn, note, client, at, state.rawValue])
            return db.changesCount > 0
        }
    }

    /// Whether a link was taken.
    public func isTaken(linkHash: String) throws -> Bool {
        try database.pool.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT COUNT(*) > 0 FROM completionReport WHERE linkHash = ?", arguments: [linkHash]) ?? false
        }
    }

    /// The reports waiting for the clerk, oldest first.
    public func waiting() throws -> [Report] {
        try database.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, task, occurrence, official, completedOn, note, at, state FROM completionReport
                    WHERE state = 'waiting' ORDER BY id
                    """
            ).map(Self.report)
        }
    }

    public func report(_ id: Int64) throws -> Report? {
        try database.pool.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT id, task, occurrence, official, completedOn, note, at, state FROM completionReport
                    WHERE id = ?
                    """, arguments: [id]
            ).map(Self.report)
        }
    }

    /// The task occurrences with a report waiting: their reminders pause until the clerk decides.
    public func waitingKeys() throws -> Set<CompletionKey> {
        Set(
            try waiting().map {
                CompletionKey(
                    task: $0.task, occurrence: $0.occurrence.isEmpty ? nil : try? CivilDate.parse($0.occurrence))
            })
    }

    /// The clerk's decision on a waiting report; false when it was no longer waiting.
    public func decide(_ id: Int64, _ state: State, reason: String?, by official: String, at: Double) throws -> Bool {
        try database.pool.write { db in
            try db.execute(
                sql: """
                    UPDATE completionReport SET state = ?, reason = ?, decidedBy = ?, decidedAt = ?
                    WHERE id = ? AND state = 'waiting'
                    """, arguments: [state.rawValue, reason, official, at, id])
            return db.changesCount > 0
        }
    }

    private static func report(_ row: Row) -> Report {
        Report(
            id: row["id"], task: row["task"], occurrence: row["occurrence"], official: row["official"],
            completedOn: row["completedOn"], note: row["note"], at: row["at"],
            state: State(rawValue: row["state"]) ?? .waiting)
    }
}
