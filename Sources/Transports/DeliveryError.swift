/// Why a message was not delivered, and whether trying again can help: the distinction Alertmanager's
/// notifiers make, so the outbox retries what is worth retrying and records the rest as failed.
public struct DeliveryError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The server was down, slow, busy or said 4xx: try again later.
        case temporary
        /// The server refused for good (5xx, a refused recipient, bad credentials, a bad certificate).
        case permanent
    }

    public let kind: Kind
    /// What went wrong, with the server's answer when there was one. Never holds a secret.
    public let message: String
    /// Seconds the server asked us to wait (HTTP Retry-After).
    public let retryAfter: Int?
    /// The connection could not be made or was lost (no answer in time, a stop): the rest of a batch to
    /// the same server waits too.
    public let isConnectionLost: Bool
    /// The channel's quota is used up for the day (Zalo's ZNS): the message is not at fault, and it and
    /// the rest to the same channel wait, uncounted, for the next send time.
    public let isQuotaUsedUp: Bool

    public init(
        _ kind: Kind, _ message: String, retryAfter: Int? = nil, connectionLost: Bool = false, quotaUsedUp: Bool = false
    ) {
        self.kind = kind
        self.message = message
        self.retryAfter = retryAfter
        isConnectionLost = connectionLost
        isQuotaUsedUp = quotaUsedUp
    }

    public var isRetryable: Bool { kind == .temporary }

    /// The same error, in other words (its secrets taken out): everything else it tells is kept.
    public func saying(_ message: String) -> DeliveryError {
        DeliveryError(
            kind, message, retryAfter: retryAfter, connectionLost: isConnectionLost, quotaUsedUp: isQuotaUsedUp)
    }

    public var description: String { message }
}

/// A message the server accepted, with its answer ("250 2.0.0 Ok: queued as 4F2A1", "HTTP 200").
public struct DeliveryReceipt: Sendable, Equatable {
    public let answer: String

    public init(answer: String) { self.answer = answer }
}
