import CCurlShim
import CLibCurl

/// SMTP through libcurl: STARTTLS required unless every address the server's name resolves to is
/// loopback (and the connection is pinned to those addresses), or TLS from the start
/// (`smtps://`), AUTH when a user is set, one connection for a whole batch.
public final class SMTPTransport: MailTransport {
    private let settings: SMTPSettings
    private let control: TransferControl

    public init(settings: SMTPSettings, control: TransferControl = TransferControl()) {
        self.settings = settings
        self.control = control
    }

    public func send(
        _ envelopes: [MailEnvelope], each: (Int, Result<DeliveryReceipt, DeliveryError>) throws -> Void
    ) rethrows {
        let handle: CurlHandle
        do {
            handle = try configuredHandle()
        } catch {
            for index in envelopes.indices { try each(index, settings.redaction.scrub(.failure(error))) }
            return
        }
        var unreachable: DeliveryError?
        for (index, envelope) in envelopes.enumerated() {
            // Once the server could not be reached, or stopped answering, the rest of the batch waits
            // for the next attempt instead of each message costing another timeout.
            if let unreachable {
                try each(index, .failure(unreachable))
                continue
            }
            let result = settings.redaction.scrub(send(envelope, on: handle))
            if case .failure(let error) = result, error.isConnectionLost { unreachable = error }
            try each(index, result)
        }
    }

    private func configuredHandle() throws(DeliveryError) -> CurlHandle {
        let handle = try CurlHandle(control: control)
        try handle.set(CURLOPT_URL, settings.url)
        if settings.url.lowercased().hasPrefix("smtp://") {
            let addresses = ServerAddresses.resolve(settings.host)
            guard !addresses.addresses.isEmpty else {
                throw DeliveryError(
                    .temporary, "cannot reach the mail server: its name \(settings.host) does not resolve")
            }
            if !ServerAddresses.isNumeric(settings.host) {
                try handle.set(CURLOPT_RESOLVE, list: [addresses.pinning(host: settings.host, port: settings.port)])
            }
            let policy = addresses.areLoopback ? CURLUSESSL_TRY : CURLUSESSL_ALL
            try handle.set(CURLOPT_USE_SSL, Int(policy.rawValue))
        }
        if let username = settings.username { try handle.set(CURLOPT_USERNAME, username) }
        if let password = settings.password { try handle.set(CURLOPT_PASSWORD, password) }
        if let caFile = settings.caFile { try handle.set(CURLOPT_CAINFO, caFile) }
        try handle.set(CURLOPT_SSL_VERIFYPEER, settings.verifyCertificates ? 1 : 0)
        try handle.set(CURLOPT_SSL_VERIFYHOST, settings.verifyCertificates ? 2 : 0)
        try handle.set(CURLOPT_CONNECTTIMEOUT, settings.connectTimeout)
        try handle.set(CURLOPT_TIMEOUT, settings.timeout)
        // Every wait for a reply, QUIT's included (libcurl's default is two minutes).
        try handle.set(CURLOPT_SERVER_RESPONSE_TIMEOUT, min(settings.timeout, 60))
        try handle.set(CURLOPT_UPLOAD, 1)
        return handle
    }

    private func send(_ envelope: MailEnvelope, on handle: CurlHandle) -> Result<DeliveryReceipt, DeliveryError> {
        do {
            try handle.set(CURLOPT_MAIL_FROM, "<\(envelope.from)>")
            try handle.set(CURLOPT_MAIL_RCPT, list: ["<\(envelope.to)>"])
        } catch {
            return .failure(error)
        }
        let code = handle.perform(uploading: envelope.message)
        let reply = handle.responseCode
        // The line that carries the reply code, not the "221 Bye" that may follow a refusal.
        let answer = handle.serverLines.last { $0.hasPrefix(String(reply)) } ?? handle.serverLines.last ?? ""
        if code == CURLE_OK { return .success(DeliveryReceipt(answer: answer)) }
        return .failure(Self.classify(code, reply: reply, answer: answer, recipient: envelope.to))
    }

    /// What libcurl says when the server could not be reached or stopped answering.
    static let connectionCodes: [CURLcode] = [
        CURLE_COULDNT_CONNECT, CURLE_OPERATION_TIMEDOUT, CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR,
        CURLE_COULDNT_RESOLVE_HOST, CURLE_WEIRD_SERVER_REPLY,
    ]

    /// 4xx replies, timeouts and connection trouble are worth retrying; 5xx replies, refused logins,
    /// missing STARTTLS and bad certificates are not.
    static func classify(_ code: CURLcode, reply: Int, answer: String, recipient: String) -> DeliveryError {
        let heard = answer.isEmpty ? "" : ": \(answer)"
        switch code {
        case CURLE_ABORTED_BY_CALLBACK:
            return DeliveryError(.temporary, "interrupted: the service is stopping", connectionLost: true)
        // No refusal was heard: the server is away, never greeted, or stopped answering.
        case _ where Self.connectionCodes.contains(code) && !(400..<600).contains(reply):
            return DeliveryError(
                .temporary, "cannot reach the mail server: \(Curl.describe(code))\(heard)", connectionLost: true)
        case CURLE_LOGIN_DENIED:
            return DeliveryError(.permanent, "the mail server refused the login\(heard)")
        case CURLE_USE_SSL_FAILED:
            return DeliveryError(.permanent, "the mail server does not offer STARTTLS, which is required off loopback")
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM:
            return DeliveryError(.permanent, "the mail server's certificate cannot be trusted (\(Curl.describe(code)))")
        default:
            break
        }
        switch reply {
        case 500..<600:
            let what = answer.contains("RCPT") || [550, 551, 553].contains(reply) ? " for \(recipient)" : ""
            return DeliveryError(.permanent, "the mail server refused the message\(what)\(heard)")
        case 400..<500:
            return DeliveryError(.temporary, "the mail server deferred the message\(heard)")
        default:
            return DeliveryError(.temporary, "cannot reach the mail server: \(Curl.describe(code))\(heard)")
        }
    }
}
