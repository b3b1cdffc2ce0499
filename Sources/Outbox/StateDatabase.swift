import Foundation
import GRDB

/// The SQLite state database (WAL): the outbox, every delivery attempt, the completion audit log and
/// the reloads. The service writes it while the command line reads it. Migrations live here only.
public final class StateDatabase: Sendable {
    let pool: DatabasePool

    /// Opens (creating) the database in `directory`.
    public init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool(
            path: (directory as NSString).appendingPathComponent("nhacviec.sqlite"), configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "notification") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("key", .text).notNull().unique()
                t.column("digest", .text).notNull()
                t.column("recipient", .text).notNull()
                t.column("channel", .text).notNull()
                t.column("destination", .text).notNull()
                t.column("sendAt", .double).notNull()
                t.column("messageID", .text)
                t.column("payload", .blob).notNull()
                t.column("state", .text).notNull().indexed()
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("nextAttemptAt", .double).notNull()
                t.column("createdAt", .double).notNull()
                t.column("deliveredAt", .double)
                t.column("lastAnswer", .text)
            }
            try db.create(table: "attempt") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("notification").notNull()
                t.column("at", .double).notNull()
                t.column("outcome", .text).notNull()
                t.column("answer", .text).notNull()
            }
            try db.create(table: "completionLog") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("task", .text).notNull()
                t.column("occurrence", .text).notNull()
                t.column("action", .text).notNull()
                t.column("completedOn", .text)
                t.column("note", .text)
                t.column("user", .text).notNull()
                t.column("at", .double).notNull()
            }
            try db.create(table: "reload") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .double).notNull()
                t.column("ok", .boolean).notNull()
                t.column("message", .text).notNull()
            }
            try db.create(table: "meta") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
        }
        return migrator
    }

    func meta(_ key: String, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }

    func setMeta(_ key: String, _ value: String, _ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
    }
}
