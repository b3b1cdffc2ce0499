import ScheduleSources

/// A secret file the config names, and what it is for as errors and `check` name it
/// (`[email] password_file`): the one list of the secrets the transports read.
public struct SecretFile: Sendable, Equatable {
    public let purpose: String
    public let name: String

    /// The SMTP password, when mail goes by SMTP and the config names one.
    static func smtpPassword(_ email: EmailSettings) -> SecretFile? {
        guard email.usesSMTP else { return nil }
        return email.passwordFile.map { SecretFile(purpose: "[email] password_file", name: $0) }
    }

    /// The token put into a webhook's URL (`{token}`).
    static func token(of webhook: WebhookSettings) -> SecretFile? {
        webhook.tokenFile.map { SecretFile(purpose: "webhook \(webhook.name) token_file", name: $0) }
    }

    /// The secret a webhook's bodies are signed with.
    static func signingSecret(of webhook: WebhookSettings) -> SecretFile? {
        webhook.secretFile.map { SecretFile(purpose: "webhook \(webhook.name) secret_file", name: $0) }
    }

    /// Every secret file the transports of `configuration` read, in the order they read them.
    public static func all(in configuration: Configuration) -> [SecretFile] {
        [smtpPassword(configuration.email)].compactMap { $0 }
            + configuration.webhooks.flatMap { [token(of: $0), signingSecret(of: $0)].compactMap { $0 } }
    }
}
