import CCurlShim
import CLibCurl
import Foundation

/// POSTs webhooks through libcurl, one handle kept so requests to one host reuse their connection.
/// 2xx is delivered; 429 (honouring Retry-After), 408, 5xx and timeouts are worth retrying; any other
/// 4xx is permanent.
public final class WebhookTransport {
    private var handle: CurlHandle?
    private let control: TransferControl

    public init(control: TransferControl = TransferControl()) {
        self.control = control
    }

    public func post(_ request: WebhookRequest) -> Result<DeliveryReceipt, DeliveryError> {
        do throws(DeliveryError) {
            let handle = try CurlHandle.reused(&self.handle, control: control)
            let code = try handle.post(
                request.url, headers: request.headers.map { "\($0.0): \($0.1)" }, body: request.body,
                timeout: request.timeout)
            return request.redaction.scrub(
                Self.classify(
                    code, status: handle.responseCode, lines: handle.serverLines,
                    body: request.redaction.scrub(String(decoding: handle.responseBody, as: UTF8.self)),
                    host: Self.host(request.url)))
        } catch {
            return .failure(error)
        }
    }

    /// - Parameter body: what the server answered, its secrets already taken out (so that cutting it
    ///   short cannot leave half a secret).
    static func classify(
        _ code: CURLcode, status: Int, lines: [String], body: String, host: String
    ) -> Result<DeliveryReceipt, DeliveryError> {
        guard code == CURLE_OK else {
            return .failure(DeliveryError(.temporary, "cannot reach \(host): \(Curl.describe(code))"))
        }
        let said = String(body.prefix(200)).split(whereSeparator: \.isNewline).joined(separator: " ")
        let answer = "HTTP \(status)" + (said.isEmpty ? "" : " \(said)")
        switch status {
        case 200..<300:
            return .success(DeliveryReceipt(answer: answer))
        case 429, 408, 500..<600:
            return .failure(DeliveryError(.temporary, "\(host) answered \(answer)", retryAfter: retryAfter(lines)))
        default:
            return .failure(DeliveryError(.permanent, "\(host) refused the webhook: \(answer)"))
        }
    }

    /// Retry-After in seconds, or as an HTTP date.
    static func retryAfter(_ lines: [String]) -> Int? {
        guard let line = lines.last(where: { $0.lowercased().hasPrefix("retry-after:") }) else { return nil }
        let value = line.dropFirst("retry-after:".count).trimmingCharacters(in: .whitespaces)
        if let seconds = Int(value) { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, Int($0.timeIntervalSinceNow.rounded(.up))) }
    }

    /// The host of a URL, for messages: the URL itself may hold a token.
    static func host(_ url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        return String(rest.prefix { $0 != "/" && $0 != "?" })
    }
}
