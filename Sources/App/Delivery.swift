import Foundation
import Messages
import Model
import Outbox
import ScheduleSources
import Transports

/// The transports a config asks for, built once: mail by SMTP or into a Maildir, and each webhook with
/// its secret. The same for `send-test` and the service.
public final class Delivery {
    public let mail: MailTransport
    public let composer: MailComposer
    private let webhooks: [String: (settings: WebhookSettings, url: String, signer: WebhookSigner?)]
    /// Watches every transfer of these transports: a stop aborts one in progress, and each tick says the
    /// service is alive.
    public let transfers = TransferControl()
    private let webhookTransport: WebhookTransport
    /// The Zalo webhooks, by name, each with its tokens.
    private let zalo: [String: ZaloChannel]
    /// Every secret of the config, to take out of what any server answers.
    private let redaction: Redaction
    /// Warnings worth the administrator's eye: world-readable secrets, certificate checks switched off.
    public let warnings: [String]

    /// - Parameters:
    ///   - stateDirectory: where the default Maildir goes when `[email] url` is not set.
    ///   - state: where the Zalo webhooks keep the OA's tokens and ZNS's quota; nil without a state.
    public init(
        configuration: Configuration, composer: MailComposer, secrets: Secrets, stateDirectory: String,
        state: StateDatabase? = nil
    ) throws(SecretError) {
        var warnings: [String] = []
        /// Every secret, read before any transport is made, so that each takes all of them out of what
        /// its servers answer (a server may echo another channel's secret no more than its own).
        func read(_ file: SecretFile?) throws(SecretError) -> String? {
            guard let file else { return nil }
            let read = try file.read(from: secrets)
            if let warning = read.warning { warnings.append(warning.text(.en)) }
            return read.value
        }
        let email = configuration.email
        let password = try read(SecretFile.smtpPassword(email))
        var hooks: [String: (WebhookSettings, String, WebhookSigner?)] = [:]
        var values = password.map { [$0] } ?? []
        var zaloKeys: [String: String] = [:]
        for webhook in configuration.webhooks {
            if let file = SecretFile.zaloSecretKey(of: webhook), let key = try read(file) {
                zaloKeys[webhook.name] = key
                values.append(key)
            }
            var url = webhook.url
            if let token = try read(SecretFile.token(of: webhook)) {
                url = url.replacingOccurrences(of: "{token}", with: token)
                values.append(token)
            }
            var signer: WebhookSigner?
            if let file = SecretFile.signingSecret(of: webhook), let secret = try read(file) {
                signer = try file.signer(secret)
                values.append(secret)
            }
            hooks[webhook.name] = (webhook, url, signer)
        }
        redaction = Redaction(
            secrets: values, login: password.flatMap { password in email.username.map { ($0, password) } })
        if let url = email.url, email.usesSMTP {
            if !email.verifyCertificates {
                warnings.append(
                    "[email] verify_certificates = false: the mail server's certificate is NOT checked; anyone on the path can read the mail and the password"
                )
            }
            mail = SMTPTransport(
                settings: SMTPSettings(
                    url: url, username: email.username, password: password, caFile: email.caFile,
                    verifyCertificates: email.verifyCertificates, connectTimeout: email.connectTimeout,
                    timeout: email.timeout, redaction: redaction), control: transfers)
        } else {
            let maildir = MaildirTransport(
                url: email.url ?? "file://" + (stateDirectory as NSString).appendingPathComponent("maildir"))
            if !maildir.isWritable {
                warnings.append("[email] url: the Maildir \(maildir.directory) cannot be written by this user")
            }
            mail = maildir
        }
        webhooks = hooks
        webhookTransport = WebhookTransport(control: transfers)
        var channels: [String: ZaloChannel] = [:]
        for webhook in configuration.webhooks {
            guard let settings = webhook.zalo, let key = zaloKeys[webhook.name] else { continue }
            channels[webhook.name] = ZaloChannel(
                settings: webhook, zalo: settings, secretKey: key, state: state, stateDirectory: stateDirectory,
                control: transfers)
        }
        zalo = channels
        self.composer = composer
        self.warnings = warnings
    }

    /// POSTs a body to a configured webhook, signing it when the webhook has a secret.
    public func postWebhook(_ name: String, body: [UInt8], id: String, now: Date = Date()) -> Result<
        DeliveryReceipt, DeliveryError
    > {
        if let channel = zalo[name] { return redaction.scrub(channel.send(body, now: now)) }
        guard let hook = webhooks[name] else {
            return .failure(DeliveryError(.permanent, "no webhook is named \(name)"))
        }
        var headers = [("Content-Type", "application/json; charset=utf-8"), ("User-Agent", "nhacviec")]
        if let signer = hook.signer {
            headers += signer.headers(id: id, timestamp: Int(now.timeIntervalSince1970), body: body)
        }
        return webhookTransport.post(
            WebhookRequest(
                url: hook.url, headers: headers, body: body, timeout: hook.settings.timeout, redaction: redaction))
    }

    /// The payload format of a configured webhook (``WebhookFormats``).
    public func format(of name: String, recipient: Official? = nil) -> WebhookPayload.Format? {
        WebhookFormats(webhooks.mapValues(\.settings)).format(of: name, recipient: recipient)
    }
}

/// The payload format of each configured webhook: what the render stage needs of the webhooks, without
/// their secrets or their transports.
struct WebhookFormats: Sendable {
    private let settings: [String: WebhookSettings]

    init(_ settings: [String: WebhookSettings]) { self.settings = settings }

    init(_ configuration: Configuration) {
        self.init(Dictionary(configuration.webhooks.map { ($0.name, $0) }) { _, last in last })
    }

    /// A Telegram one goes to its group chat, or else to the recipient's own chat; a ZNS one to the
    /// recipient's phone.
    func format(of name: String, recipient: Official? = nil) -> WebhookPayload.Format? {
        guard let settings = settings[name] else { return nil }
        switch (settings.kind, settings.zalo?.target) {
        case (.generic, _): return .generic
        case (.slack, _): return .slack
        case (.telegram, _): return .telegram(chatID: settings.chatID ?? recipient?.telegram ?? "")
        case (_, .group(let id)): return .zaloGroup(groupID: id)
        case (_, .zns(let template, let parameters, let limit)):
            return .zaloZNS(
                phone: recipient?.phone ?? "", templateID: template, parameters: parameters.map { ($0.name, $0.field) },
                valueLimit: limit)
        case (.zaloGroup, nil), (.zaloZNS, nil): return nil
        }
    }
}
