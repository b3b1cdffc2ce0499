import Crypto
import Foundation

/// Signs a webhook as Standard Webhooks does: `webhook-signature: v1,<base64 HMAC-SHA256 of
/// "id.timestamp.body">`, keyed with the secret after its `whsec_` prefix, base64-decoded.
public struct WebhookSigner: Sendable {
    private let key: [UInt8]

    /// - Throws: when the secret is not `whsec_` followed by base64.
    public init(secret: String) throws(DeliveryError) {
        let encoded = secret.hasPrefix("whsec_") ? String(secret.dropFirst(6)) : secret
        guard let data = Data(base64Encoded: encoded.trimmingCharacters(in: .whitespacesAndNewlines)), !data.isEmpty
        else {
            throw DeliveryError(.permanent, "the webhook secret is not \"whsec_\" followed by base64")
        }
        key = Array(data)
    }

    /// The three headers of a signed webhook.
    public func headers(id: String, timestamp: Int, body: [UInt8]) -> [(String, String)] {
        var signed = Array("\(id).\(timestamp).".utf8)
        signed += body
        let mac = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: key))
        return [
            ("webhook-id", id), ("webhook-timestamp", String(timestamp)),
            ("webhook-signature", "v1," + Data(mac).base64EncodedString()),
        ]
    }
}
