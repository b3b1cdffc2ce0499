/// How to reach the mail server (the config's `[email]`, with the password already read).
public struct SMTPSettings: Sendable {
    /// `smtp://host:port` (STARTTLS) or `smtps://host:port` (TLS from the start).
    public let url: String
    public let username: String?
    public let password: String?
    public let caFile: String?
    public let verifyCertificates: Bool
    /// Seconds to connect, and for a whole message.
    public let connectTimeout: Int
    public let timeout: Int
    /// The secrets to take out of what the server answers: the password, and the office's others.
    public let redaction: Redaction

    public init(
        url: String, username: String? = nil, password: String? = nil, caFile: String? = nil,
        verifyCertificates: Bool = true, connectTimeout: Int = 10, timeout: Int = 60, redaction: Redaction = .none
    ) {
        self.redaction = redaction
        self.url = url
        self.username = username
        self.password = password
        self.caFile = caFile
        self.verifyCertificates = verifyCertificates
        self.connectTimeout = connectTimeout
        self.timeout = timeout
    }

    /// The host of the URL, without brackets.
    public var host: String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if rest.hasPrefix("[") { return String(rest.dropFirst().prefix { $0 != "]" }) }
        return String(rest.prefix { $0 != ":" && $0 != "/" })
    }

    /// The port of the URL, else SMTP's (25) or SMTPS's (465).
    public var port: Int {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") { rest = rest[rest.index(after: close)...] }
        let authority = rest.prefix { $0 != "/" }
        if let colon = authority.lastIndex(of: ":"), let port = Int(authority[authority.index(after: colon)...]) {
            return port
        }
        return url.lowercased().hasPrefix("smtps://") ? 465 : 25
    }
}
