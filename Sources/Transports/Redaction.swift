import Foundation

/// Secret values (a password, a bot token, a signing secret) taken out of whatever a server answered,
/// before it is stored, logged or shown: a server that echoes its request (Express's `Cannot POST
/// /bot…/sendMessage`, an SMTP server repeating an AUTH line) must not put a secret into the journal,
/// `status`, a report or a notice. Each secret is looked for in every form a request carries it: as
/// written, percent-encoded (upper- or lower-case hex), and in base64 (SMTP AUTH LOGIN and PLAIN).
public struct Redaction: Sendable {
    /// What a secret becomes.
    public static let mark = "[secret]"

    /// The forms to take out, longest first, so that a form inside a longer one goes with it.
    private let forms: [String]

    /// - Parameter login: the SMTP user and password, whose AUTH PLAIN form joins them.
    public init(secrets: [String], login: (user: String, password: String)? = nil) {
        var forms: Set<String> = []
        for secret in secrets where secret.count >= 3 {
            forms.insert(secret)
            for allowed in [CharacterSet.alphanumerics, .urlPathAllowed, .urlQueryAllowed] {
                guard let encoded = secret.addingPercentEncoding(withAllowedCharacters: allowed) else { continue }
                forms.insert(encoded)
                forms.insert(Self.lowercasingHex(encoded))
            }
            forms.insert(Data(secret.utf8).base64EncodedString())
        }
        if let login {
            forms.insert(Data("\0\(login.user)\0\(login.password)".utf8).base64EncodedString())
            forms.insert(Data("\(login.user)\0\(login.user)\0\(login.password)".utf8).base64EncodedString())
        }
        self.forms = forms.sorted { $0.count > $1.count }
    }

    public static let none = Redaction(secrets: [])

    public func scrub(_ text: String) -> String {
        var text = text
        for form in forms where text.contains(form) {
            text = text.replacingOccurrences(of: form, with: Self.mark)
        }
        return text
    }

    /// A result whose answer or error message has no secret in it.
    public func scrub(_ result: Result<DeliveryReceipt, DeliveryError>) -> Result<DeliveryReceipt, DeliveryError> {
        switch result {
        case .success(let receipt): .success(DeliveryReceipt(answer: scrub(receipt.answer)))
        case .failure(let error):
            .failure(error.saying(scrub(error.message)))
        }
    }

    /// `%3A` → `%3a`, the other spelling of the same encoding.
    private static func lowercasingHex(_ encoded: String) -> String {
        var result = ""
        var remaining = 0
        for character in encoded {
            if character == "%" {
                remaining = 2
                result.append(character)
            } else if remaining > 0 {
                result += character.lowercased()
                remaining -= 1
            } else {
                result.append(character)
            }
        }
        return result
    }
}
