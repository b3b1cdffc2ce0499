import Model

/// `[web]`: the clerk's and the officials' workspace in the browser, served by `serve` itself; off
/// unless `listen` is set. TLS belongs to the office's reverse proxy (docs/web.md).
public struct WebSettings: Sendable, Equatable {
    /// How an official's "Báo cáo hoàn thành" counts: once the clerk confirms it, or at once.
    public enum Completion: String, Sendable, CaseIterable {
        case confirm, direct
    }

    /// `127.0.0.1:8080`: the address and port to listen on; port 0 takes a free one (the tests).
    public let host: String
    public let port: Int
    /// The address officials reach it at, for the links in mails: `https://nhacviec.phuong.example`,
    /// without a trailing slash. Without it, the links name the address listened on.
    public let publicURL: String?
    /// Officials besides the clerk who may change things (record completions, confirm reports).
    public let editors: [OfficialID]
    /// The reverse proxies whose `X-Forwarded-For` is believed (the client's address for rate limits
    /// and the audit log); from any other peer the header is ignored.
    public let trustedProxies: [String]
    public let completion: Completion
    /// The plans the clerk and editors may replace from the browser (*Kế hoạch*), by the path `plans`
    /// lists them at.
    public let replaceablePlans: [String]
    /// Whether they may add a plan there that the config does not list.
    public let newPlans: Bool

    public init(
        host: String, port: Int, publicURL: String? = nil, editors: [OfficialID] = [], trustedProxies: [String] = [],
        completion: Completion = .confirm, replaceablePlans: [String] = [], newPlans: Bool = false
    ) {
        self.host = host
        self.port = port
        self.publicURL = publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.editors = editors
        self.trustedProxies = trustedProxies
        self.completion = completion
        self.replaceablePlans = replaceablePlans
        self.newPlans = newPlans
    }

    /// Cookies are marked Secure when the officials reach the workspace over https.
    public var isSecure: Bool { publicURL?.hasPrefix("https://") ?? false }

    /// Where the links in mails point: `public_url`, else the address listened on (with the port the
    /// system chose, when `listen` says 0).
    public func linkBase(port: Int) -> String {
        publicURL ?? "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
    }
}
