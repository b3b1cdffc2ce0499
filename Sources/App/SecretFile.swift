import Catalogue
import ScheduleSources
import Transports

/// A secret file the config names, and what it is for as errors and `check` name it
/// (`[email] password_file`): the one list of the secrets the transports read.
public struct SecretFile: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case smtpPassword, token, signingSecret, zaloSecretKey
    }

    public let kind: Kind
    public let purpose: String
    public let name: String

    /// The SMTP password, when mail goes by SMTP and the config names one.
    static func smtpPassword(_ email: EmailSettings) -> SecretFile? {
        guard email.usesSMTP else { return nil }
        return email.passwordFile.map { SecretFile(kind: .smtpPassword, purpose: "[email] password_file", name: $0) }
    }

    /// The token put into a webhook's URL (`{token}`).
    static func token(of webhook: WebhookSettings) -> SecretFile? {
        webhook.tokenFile.map { SecretFile(kind: .token, purpose: "webhook \(webhook.name) token_file", name: $0) }
    }

    /// The secret a webhook's bodies are signed with.
    static func signingSecret(of webhook: WebhookSettings) -> SecretFile? {
        webhook.secretFile.map {
            SecretFile(kind: .signingSecret, purpose: "webhook \(webhook.name) secret_file", name: $0)
        }
    }

    /// Reads the secret and checks it is of the form its use needs (a signing secret is `whsec_` and
    /// base64), as the transports will: what `check` and the service see alike.
    public func read(from secrets: Secrets) throws(SecretError) -> (value: String, warning: CommandMessage?) {
        let read = try secrets.read(name, purpose: purpose)
        if kind == .signingSecret { _ = try signer(read.value) }
        return read
    }

    /// The signer of a webhook's bodies with this secret.
    func signer(_ value: String) throws(SecretError) -> WebhookSigner {
        do {
            return try WebhookSigner(secret: value)
        } catch {
            throw SecretError(.secretNotSigningSecret(purpose: purpose))
        }
    }

    /// The secret key of a Zalo webhook's app, sent when its tokens are refreshed.
    static func zaloSecretKey(of webhook: WebhookSettings) -> SecretFile? {
        webhook.zalo.map {
            SecretFile(kind: .zaloSecretKey, purpose: "webhook \(webhook.name) secret_key_file", name: $0.secretKeyFile)
        }
    }

    /// Every secret file the transports of `configuration` read, in the order they read them.
    public static func all(in configuration: Configuration) -> [SecretFile] {
        [smtpPassword(configuration.email)].compactMap { $0 }
            + configuration.webhooks.flatMap {
                [token(of: $0), signingSecret(of: $0), zaloSecretKey(of: $0)].compactMap { $0 }
            }
    }
}
