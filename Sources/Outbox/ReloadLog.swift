import Foundation
import GRDB

/// The result of each load of the config by the service, for `status`.
public struct ReloadLog: Sendable {
    public struct Entry: Sendable {
        public let at: Double
        public let ok: Bool
        public let message: String
    }

    public let database: StateDatabase

    public init(database: StateDatabase) { self.database = database }

    public func record(ok: Bool, message: String, at: Double) throws {
        try database.pool.write { db in
            try db.execute(sql: "INSERT INTO reload (at, ok, message) VALUES (?, ?, ?)", arguments: [at, ok, message])
        }
    }

    public func last() throws -> Entry? {
        try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT at, ok, message FROM reload ORDER BY id DESC LIMIT 1").map {
                Entry(at: $0["at"], ok: $0["ok"], message: $0["message"])
            }
        }
    }
}
