import Foundation
import GRDB

/// The SQLite state database (WAL): the outbox, every delivery attempt, the completion audit log and
/// the reloads. The service writes it while the command line reads it. Migrations live here only.
public final class StateDatabase: Sendable {
    let pool: DatabasePool
    /// The device and inode of the file opened, to notice it deleted or replaced while in use.
    private let openedIdentity: [Int]?

    /// The database's file in its state folder.
    public static let fileName = "nhacviec.sqlite"

    /// The database's path in the state folder `directory`.
    public static func path(in directory: String) -> String {
        (directory as NSString).appendingPathComponent(fileName)
    }

    /// Whether `directory` holds a state database.
    public static func exists(in directory: String) -> Bool {
        FileManager.default.fileExists(atPath: path(in: directory))
    }

    /// Opens (creating) the database in `directory`, migrated to this version's schema.
    ///
    /// - Throws: ``StateError`` for a database that is there but emptied (0 bytes) or damaged (SQLite's
    ///   `quick_check` finds a fault, or it is no database at all): nothing is written into it, and the
    ///   message says how to restore a backup. A history is never silently replaced by a new one.
    public init(directory: String) throws {
        let path = Self.path(in: directory)
        let existed = FileManager.default.fileExists(atPath: path)
        if existed, ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) == 0 {
            throw StateError.damaged(path, "it is empty (0 bytes)")
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            if existed {
                // On the writer, which migrates next: a reader would keep the old schema in its cache.
                let faults = try pool.writeWithoutTransaction { db in
                    try String.fetchAll(db, sql: "PRAGMA quick_check")
                }
                if faults != ["ok"] { throw StateError.damaged(path, faults.prefix(3).joined(separator: "; ")) }
            }
        } catch let error as DatabaseError where Self.isDamage(error) {
            throw StateError.damaged(path, error.message ?? "\(error.resultCode)")
        }
        try Self.migrator.migrate(pool)
        openedIdentity = Self.identity(of: path)
    }

    /// The database's file is still the one opened: not deleted, not replaced.
    public func isInPlace() -> Bool {
        guard let opened = openedIdentity, let now = Self.identity(of: pool.path) else { return false }
        return opened == now
    }

    /// An error that says the file is damaged, not that it is busy or the disk full.
    public static func isDamage(_ error: Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode)
    }

    /// The device and inode of a file.
    static func identity(of path: String) -> [Int]? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return [Int(status.st_dev), Int(status.st_ino)]
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
        // Each notification's kind and channel as columns, so that no stage reads them out of its key
        // or a "webhook:NAME" string. Rows of v1 are told apart by their key's prefix.
        migrator.registerMigration("v2-kind-and-channel") { db in
            try db.alter(table: "notification") { t in
                t.add(column: "kind", .text).notNull().defaults(to: OutboxItem.Kind.digest.rawValue)
            }
            for (prefix, kind) in [
                ("report:", OutboxItem.Kind.report), ("overdue:", .overdueList), ("failure:", .failureNotice),
            ] {
                try db.execute(
                    sql: "UPDATE notification SET kind = ? WHERE substr(key, 1, ?) = ?",
                    arguments: [kind.rawValue, prefix.count, prefix])
            }
            try db.execute(sql: "UPDATE notification SET channel = 'webhook' WHERE channel LIKE 'webhook:%'")
        }
        // The web workspace: sign-in links, the requests for them, sessions; and the client address a
        // completion was recorded from.
        migrator.registerMigration("v3-web") { db in
            try db.alter(table: "completionLog") { t in t.add(column: "client", .text) }
            try db.create(table: "webLink") { t in
                t.primaryKey("tokenHash", .text)
                t.column("official", .text).notNull()
                t.column("createdAt", .double).notNull()
                t.column("expiresAt", .double).notNull()
                t.column("usedAt", .double)
            }
            try db.create(table: "webLinkRequest") { t in
                t.column("address", .text).notNull().indexed()
                t.column("client", .text).notNull().indexed()
                t.column("at", .double).notNull()
            }
            try db.create(table: "webSession") { t in
                t.primaryKey("idHash", .text)
                t.column("official", .text).notNull().indexed()
                t.column("csrf", .text).notNull()
                t.column("client", .text).notNull()
                t.column("createdAt", .double).notNull()
                t.column("lastSeenAt", .double).notNull()
                t.column("revokedAt", .double)
            }
        }
        // The officials' reports of completion, from the links in their reminders.
        migrator.registerMigration("v4-completion-reports") { db in
            try db.create(table: "completionReport") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("linkHash", .text).notNull().unique()
                t.column("task", .text).notNull()
                t.column("occurrence", .text).notNull()
                t.column("official", .text).notNull()
                t.column("completedOn", .text).notNull()
                t.column("note", .text)
                t.column("client", .text).notNull()
                t.column("at", .double).notNull()
                t.column("state", .text).notNull().indexed()
                t.column("reason", .text)
                t.column("decidedBy", .text)
                t.column("decidedAt", .double)
            }
        }
        // The versions of plans uploaded in the workspace, their content kept whole, and every switch
        // between them (who, when, from where).
        migrator.registerMigration("v5-plan-versions") { db in
            try db.create(table: "planVersion") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("plan", .text).notNull().indexed()
                t.column("fileName", .text).notNull()
                t.column("content", .blob).notNull()
                t.column("sha256", .text).notNull()
                t.column("year", .integer)
                t.column("uploadedBy", .text).notNull()
                t.column("uploadedAt", .double).notNull()
                t.column("client", .text).notNull()
            }
            try db.create(table: "planChange") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("plan", .text).notNull().indexed()
                t.column("version", .integer)
                t.column("action", .text).notNull()
                t.column("configFileSHA", .text)
                t.column("user", .text).notNull()
                t.column("client", .text).notNull()
                t.column("at", .double).notNull()
            }
        }
        // Zalo's OA tokens, one pair per webhook: each refresh token works once, so the pair Zalo last gave
        // is kept here, committed before it is used.
        migrator.registerMigration("v6-zalo-tokens") { db in
            try db.create(table: "zaloToken") { t in
                t.primaryKey("webhook", .text)
                t.column("accessToken", .text).notNull()
                t.column("refreshToken", .text).notNull()
                t.column("accessExpiresAt", .double).notNull()
                t.column("refreshExpiresAt", .double).notNull()
                t.column("updatedAt", .double).notNull()
                // Why Zalo refused the refresh token, when it did: the administrator must authorize again.
                t.column("refusal", .text)
            }
        }
        migrator.registerMigration("v7-zalo-quota") { db in
            try db.create(table: "zaloQuota") { t in
                t.primaryKey("webhook", .text)
                t.column("remaining", .integer).notNull()
                t.column("daily", .integer)
                t.column("at", .double).notNull()
            }
        }
        return migrator
    }

    /// A consistent copy of the state at one instant, written to `path` (which must not exist) while the
    /// service goes on writing: SQLite's `VACUUM INTO` reads one snapshot and writes a compact database.
    public func backup(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StateError("\(path) exists already; a backup never overwrites a file")
        }
        try pool.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) }
    }

    func meta(_ key: String, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }

    func setMeta(_ key: String, _ value: String, _ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
    }
}
