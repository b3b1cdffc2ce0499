import Crypto
import Foundation
import GRDB

/// The versions of plans uploaded in the workspace (*Kế hoạch*) and which one each plan uses: kept in the
/// state database, their content whole (a backup of the state holds them), and a copy of each as a file
/// in `plan-versions/` of the state folder for the readers. Every switch is a row of `planChange`, the
/// audit: who, when, from where. A plan no change names reads its file in the config folder.
public struct PlanVersions: Sendable {
    /// An uploaded version of a plan.
    public struct Version: Sendable, Equatable {
        public let id: Int64
        /// The plan it is a version of: the path the config lists, or ``newPlan(_:)`` for one added in the
        /// workspace.
        public let plan: String
        public let fileName: String
        public let sha256: String
        /// The plan year given with a new spreadsheet plan.
        public let year: Int?
        public let uploadedBy: String
        public let uploadedAt: Double
    }

    /// A switch of a plan to a version (nil: back to the file in the config folder).
    /// What a switch of a plan did: *Áp dụng* a version, or *Khôi phục* the one before.
    public enum Action: String, Sendable {
        case apply, restore
    }

    public struct Change: Sendable, Equatable {
        public let id: Int64
        public let plan: String
        public let version: Int64?
        public let action: Action
        /// The SHA-256 of the plan's file in the config folder at the switch: when that file changes after,
        /// the administrator's edit is newer and wins.
        public let configFileSHA: String?
        public let user: String
        public let client: String
        public let at: Double
    }

    /// Two people applied at the same moment: the other one's change came first.
    public struct ChangedMeanwhile: Error, Sendable {
        public let change: Change
    }

    public let database: StateDatabase
    /// `plan-versions/` in the state folder.
    public let folder: String

    public init(database: StateDatabase, stateDirectory: String) {
        self.database = database
        folder = (stateDirectory as NSString).appendingPathComponent("plan-versions")
    }

    /// The key of a plan added in the workspace, not listed in the config.
    public static func newPlan(_ fileName: String) -> String { "+" + fileName }

    /// Whether a plan's key is that of a plan added in the workspace.
    public static func isNewPlan(_ plan: String) -> Bool { plan.hasPrefix(newPlan("")) }

    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// The SHA-256 of a file, or nil when there is none.
    public static func sha256(ofFileAt path: String) -> String? {
        FileManager.default.contents(atPath: path).map(sha256)
    }

    /// Keeps an uploaded version (not yet used by anything) and its file; the same content uploaded again
    /// for the same plan is the version kept already.
    public func save(
        plan: String, fileName: String, content: Data, year: Int?, user: String, client: String, at: Double
    ) throws -> Version {
        let sha = Self.sha256(content)
        if let kept = try database.pool.read({ db in
            try Row.fetchOne(
                db, sql: "\(Self.versionColumns) WHERE plan = ? AND sha256 = ? AND year IS ?",
                arguments: [plan, sha, year]
            ).map(Self.version)
        }) {
            return kept
        }
        let id = try database.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO planVersion (plan, fileName, content, sha256, year, uploadedBy, uploadedAt, client)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [plan, fileName, content, sha, year, user, at, client])
            return db.lastInsertedRowID
        }
        let version = Version(
            id: id, plan: plan, fileName: fileName, sha256: sha, year: year, uploadedBy: user,
            uploadedAt: at)
        _ = try file(of: version)
        return version
    }

    /// Every plan a version was uploaded for, in order.
    public func plans() throws -> [String] {
        try database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT plan FROM planVersion ORDER BY plan")
        }
    }

    public func version(_ id: Int64) throws -> Version? {
        try database.pool.read { db in
            try Row.fetchOne(db, sql: "\(Self.versionColumns) WHERE id = ?", arguments: [id]).map(Self.version)
        }
    }

    /// Every version of a plan, newest first.
    public func versions(of plan: String) throws -> [Version] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: "\(Self.versionColumns) WHERE plan = ? ORDER BY id DESC", arguments: [plan]).map(
                Self.version)
        }
    }

    /// Every switch of a plan, newest first.
    public func changes(of plan: String) throws -> [Change] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: "\(Self.changeColumns) WHERE plan = ? ORDER BY id DESC", arguments: [plan]).map(
                Self.change)
        }
    }

    /// The last switch of each plan that was ever switched.
    public func lastChanges() throws -> [String: Change] {
        try database.pool.read { db in try Self.lastChanges(db) }
    }

    /// The file a version is read from, written again from the database when it is missing (a state
    /// restored from a backup).
    public func file(of version: Version) throws -> String {
        let directory = (folder as NSString).appendingPathComponent(String(version.id))
        let path = (directory as NSString).appendingPathComponent(version.fileName)
        if FileManager.default.fileExists(atPath: path) { return path }
        let content = try database.pool.read { db in
            try Data.fetchOne(db, sql: "SELECT content FROM planVersion WHERE id = ?", arguments: [version.id])
        }
        guard let content else { throw StateError("no plan version \(version.id) in the state database") }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try content.write(to: URL(fileURLWithPath: path), options: .atomic)
        return path
    }

    /// Switches `plan` to `version` (nil: its file in the config folder), provided its last switch is still
    /// `expected` (the one the clerk's preview was made against); otherwise nothing is written and
    /// ``ChangedMeanwhile`` names the switch that came first. One transaction: two at once cannot interleave.
    @discardableResult
    public func switchTo(
        _ version: Int64?, of plan: String, expected: Int64?, action: Action, configFileSHA: String?, user: String,
        client: String, at: Double
    ) throws -> Change {
        try database.pool.write { db in
            let last = try Self.lastChanges(db, plan: plan)[plan]
            if last?.id != expected, let last { throw ChangedMeanwhile(change: last) }
            if expected != nil && last == nil { throw StateError("no change \(expected!) of \(plan)") }
            try db.execute(
                sql: """
                    INSERT INTO planChange (plan, version, action, configFileSHA, user, client, at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [plan, version, action.rawValue, configFileSHA, user, client, at])
            return Change(
                id: db.lastInsertedRowID, plan: plan, version: version, action: action, configFileSHA: configFileSHA,
                user: user, client: client, at: at)
        }
    }

    private static func lastChanges(_ db: Database, plan: String? = nil) throws -> [String: Change] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                \(changeColumns) WHERE id IN (SELECT MAX(id) FROM planChange GROUP BY plan)
                \(plan == nil ? "" : "AND plan = ?")
                """, arguments: plan.map { [$0] } ?? [])
        return Dictionary(rows.map(change).map { ($0.plan, $0) }) { first, _ in first }
    }

    private static let versionColumns =
        "SELECT id, plan, fileName, sha256, year, uploadedBy, uploadedAt FROM planVersion"
    private static let changeColumns =
        "SELECT id, plan, version, action, configFileSHA, user, client, at FROM planChange"

    private static func version(_ row: Row) -> Version {
        Version(
            id: row["id"], plan: row["plan"], fileName: row["fileName"], sha256: row["sha256"], year: row["year"],
            uploadedBy: row["uploadedBy"], uploadedAt: row["uploadedAt"])
    }

    private static func change(_ row: Row) -> Change {
        Change(
            id: row["id"], plan: row["plan"], version: row["version"],
            action: Action(rawValue: row["action"]) ?? .apply,
            configFileSHA: row["configFileSHA"], user: row["user"], client: row["client"], at: row["at"])
    }
}
