/// A finished message and whom it goes to: what an email transport needs, and nothing of tasks.
public struct MailEnvelope: Sendable {
    /// The sender's bare address, for `MAIL FROM`.
    public let from: String
    /// The recipient's bare address, for `RCPT TO`.
    public let to: String
    /// The RFC 5322 message, CRLF line ends.
    public let message: [UInt8]

    public init(from: String, to: String, message: [UInt8]) {
        self.from = from
        self.to = to
        self.message = message
    }
}

/// Sends mail: over SMTP, or into a Maildir.
public protocol MailTransport: AnyObject {
    /// Sends each envelope in turn, over one connection where there is one, and reports each result as
    /// soon as it is known, so the caller can record it before the next message goes: a crash then
    /// repeats at most the one message in flight. A refused recipient fails only its own message.
    func send(_ envelopes: [MailEnvelope], each: (Int, Result<DeliveryReceipt, DeliveryError>) throws -> Void) rethrows
}

extension MailTransport {
    /// Sends a batch and returns every result.
    public func send(_ envelopes: [MailEnvelope]) -> [Result<DeliveryReceipt, DeliveryError>] {
        var results: [Result<DeliveryReceipt, DeliveryError>] = []
        send(envelopes) { _, result in results.append(result) }
        return results
    }
}
