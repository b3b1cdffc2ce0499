import Foundation
import GRDB

/// A notification in the outbox: written with its idempotency key before the first attempt, so nothing
/// is lost and nothing is queued twice.
public struct OutboxItem: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public enum State: String, Codable, Sendable {
        case pending, delivered, failed
        /// Its send time passed while the service was down, beyond the catch-up window.
        case missed
    }

    public static let databaseTableName = "notification"

    public var id: Int64?
    /// The idempotency key: the digest's, unique in the table.
    public var key: String
    /// `2024-03-14/hung/email`.
    public var digest: String
    public var recipient: String
    /// `email` or `webhook:NAME`.
    public var channel: String
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

    public init(
        key: String, digest: String, recipient: String, channel: String, destination: String, sendAt: Double,
        messageID: String?, payload: Data, state: State = .pending, createdAt: Double
    ) {
        self.key = key
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

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
