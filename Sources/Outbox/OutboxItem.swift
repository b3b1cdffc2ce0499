import Foundation
import GRDB
import Model

/// A notification in the outbox: written with its idempotency key before the first attempt, so nothing
/// is lost and nothing is queued twice.
public struct OutboxItem: FetchableRecord, MutablePersistableRecord, Sendable {
    public enum State: String, Sendable {
        case pending, delivered, failed
        /// Its send time passed while the service was down, beyond the catch-up window.
        case missed
    }

    /// What the notification is; the stages of the dispatcher tell items apart by it.
    public enum Kind: String, Sendable, CaseIterable {
        /// An official's digest of reminders.
        case digest
        /// The periodic report of `[summary]`.
        case report
        /// The clerk's list of overdue tasks.
        case overdueList = "overdue-list"
        /// The clerk told that a notification failed for good.
        case failureNotice = "failure-notice"
        /// The clerk told that an edited config or plan was refused, with its errors.
        case rejectedSchedule = "rejected-schedule"
        /// The clerk told that the clock had run ahead and was set back.
        case clockNotice = "clock-notice"
        /// An official's one-time link to sign in to the web workspace.
        case signInLink = "sign-in-link"
        /// An official told that the clerk sent their report of completion back, and why.
        case reportReturned = "report-returned"
        /// The clerk (and the administrator) told that a Zalo webhook's refresh token expires unused within
        /// days, or the clerk that its ZNS quota is used up for the day.
        case zaloNotice = "zalo-notice"
    }

    public static let databaseTableName = "notification"

    public var id: Int64?
    /// The idempotency key: the digest's, unique in the table.
    public var key: String
    public var kind: Kind
    /// `2024-03-14/hung/email`.
    public var digest: DigestID
    public var recipient: String
    /// Stored as two columns: `channel` (`email` or `webhook`) and `destination` (the address, or the
    /// webhook's name).
    public var channel: Channel
    /// The address for email, the webhook's name for a webhook.
    public var destination: String
    /// When it was due (Unix seconds, on the service's clock).
    public var sendAt: Double
    public var messageID: String?
    /// The finished message or JSON body, rendered once, so a retry sends the same bytes.
    public var payload: Data
    public var state: State
    public var attempts: Int
    public var nextAttemptAt: Double
    public var createdAt: Double
    public var deliveredAt: Double?
    /// The last answer of the server, or the last error.
    public var lastAnswer: String?

    /// An email to `address`.
    public init(
        key: String, kind: Kind, digest: DigestID, recipient: String, address: String, sendAt: Double,
        messageID: String?, payload: Data, state: State = .pending, createdAt: Double
    ) {
        self.init(
            key: key, kind: kind, digest: digest, recipient: recipient, channel: .email, destination: address,
            sendAt: sendAt, messageID: messageID, payload: payload, state: state, createdAt: createdAt)
    }

    /// A body for the webhook `name`.
    public init(
        key: String, kind: Kind, digest: DigestID, recipient: String, webhook name: String, sendAt: Double,
        payload: Data, state: State = .pending, createdAt: Double
    ) {
        self.init(
            key: key, kind: kind, digest: digest, recipient: recipient, channel: .webhook(name), destination: name,
            sendAt: sendAt, messageID: nil, payload: payload, state: state, createdAt: createdAt)
    }

    private init(
        key: String, kind: Kind, digest: DigestID, recipient: String, channel: Channel, destination: String,
        sendAt: Double, messageID: String?, payload: Data, state: State, createdAt: Double
    ) {
        self.key = key
        self.kind = kind
        self.digest = digest
        self.recipient = recipient
        self.channel = channel
        self.destination = destination
        self.sendAt = sendAt
        self.messageID = messageID
        self.payload = payload
        self.state = state
        self.attempts = 0
        self.nextAttemptAt = sendAt
        self.createdAt = createdAt
    }

    public init(row: Row) throws {
        id = row["id"]
        key = row["key"]
        kind = try Self.choice(row, "kind", key: key)
        digest = DigestID(stored: row["digest"])
        recipient = row["recipient"]
        destination = row["destination"]
        let channelText: String = row["channel"]
        switch channelText {
        case "email": channel = .email
        case "webhook": channel = .webhook(destination)
        default: throw StateError("notification \(key): unknown channel \(channelText)")
        }
        sendAt = row["sendAt"]
        messageID = row["messageID"]
        payload = row["payload"]
        state = try Self.choice(row, "state", key: key)
        attempts = row["attempts"]
        nextAttemptAt = row["nextAttemptAt"]
        createdAt = row["createdAt"]
        deliveredAt = row["deliveredAt"]
        lastAnswer = row["lastAnswer"]
    }

    /// A column holding one of an enum's raw values; another value is a row this version cannot read.
    private static func choice<Choice: RawRepresentable>(_ row: Row, _ column: String, key: String) throws -> Choice
    where Choice.RawValue == String {
        let text: String = row[column]
        guard let choice = Choice(rawValue: text) else {
            throw StateError("notification \(key): unknown \(column) \(text)")
        }
        return choice
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["key"] = key
        container["kind"] = kind.rawValue
        container["digest"] = digest.description
        container["recipient"] = recipient
        switch channel {
        case .email: container["channel"] = "email"
        case .webhook: container["channel"] = "webhook"
        }
        container["destination"] = destination
        container["sendAt"] = sendAt
        container["messageID"] = messageID
        container["payload"] = payload
        container["state"] = state.rawValue
        container["attempts"] = attempts
        container["nextAttemptAt"] = nextAttemptAt
        container["createdAt"] = createdAt
        container["deliveredAt"] = deliveredAt
        container["lastAnswer"] = lastAnswer
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
