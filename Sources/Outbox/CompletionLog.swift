import Foundation
import GRDB
import Model
import WorkingCalendar

/// The audit log of `done` and `reopen`: who recorded what, when. The latest entry for a task's
/// occurrence decides whether it is done.
public struct CompletionLog: Sendable {
    public struct Entry: Sendable, Equatable {
        public let task: String
        /// The occurrence's nominal deadline (ISO), or "" for a one-off task.
        public let occurrence: String
        /// The completion date (ISO), or nil for a reopening.
        public let completedOn: String?
        public let note: String?
        public let user: String
        public let at: Double
        /// The client address of a completion recorded in the browser; nil from the command line.
        public let client: String?

        public init(
            task: String, occurrence: String, completedOn: String?, note: String?, user: String, at: Double,
            client: String? = nil
        ) {
            self.task = task
            self.occurrence = occurrence
            self.completedOn = completedOn
            self.note = note
            self.user = user
            self.at = at
            self.client = client
        }
    }

    public let database: StateDatabase

    public init(database: StateDatabase) { self.database = database }

    public func record(_ entry: Entry) throws {
        try database.pool.write { db in
            try db.execute(
                sql:
                    "INSERT INTO completionLog (task, occurrence, action, completedOn, note, user, at, client) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    entry.task, entry.occurrence, entry.completedOn == nil ? "reopen" : "done", entry.completedOn,
                    entry.note, entry.user, entry.at, entry.client,
                ])
        }
    }

    /// The latest entry of every task occurrence that has one.
    public func latest() throws -> [Entry] {
        try database.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT task, occurrence, completedOn, note, user, at FROM completionLog c
                    WHERE id = (SELECT MAX(id) FROM completionLog d WHERE d.task = c.task AND d.occurrence = c.occurrence)
                    ORDER BY id
                    """
            ).map { row in
                Entry(
                    task: row["task"], occurrence: row["occurrence"], completedOn: row["completedOn"],
                    note: row["note"], user: row["user"], at: row["at"])
            }
        }
    }

    /// Every entry of one task, oldest first: its completion history.
    public func history(of task: String) throws -> [Entry] {
        try database.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT task, occurrence, completedOn, note, user, at, client FROM completionLog
                    WHERE task = ? ORDER BY id
                    """, arguments: [task]
            ).map { row in
                Entry(
                    task: row["task"], occurrence: row["occurrence"], completedOn: row["completedOn"],
                    note: row["note"], user: row["user"], at: row["at"], client: row["client"])
            }
        }
    }

    /// A number that changes whenever the log does, so the service rebuilds its planner only then.
    public func version() throws -> Int64 {
        try database.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM completionLog") ?? 0
        }
    }
}

extension CompletionLog {
    /// The audit log as the planner takes it: the latest `done` of each task occurrence, or nil where
    /// the latest entry reopened it.
    public func recorded() throws -> [CompletionKey: Completion?] {
        var recorded: [CompletionKey: Completion?] = [:]
        for entry in try latest() {
            let occurrence = entry.occurrence.isEmpty ? nil : try? CivilDate.parse(entry.occurrence)
            let completion = entry.completedOn.flatMap { try? CivilDate.parse($0) }.map {
                Completion(date: $0, note: entry.note)
            }
            recorded[CompletionKey(task: entry.task, occurrence: occurrence)] = .some(completion)
        }
        return recorded
    }
}
