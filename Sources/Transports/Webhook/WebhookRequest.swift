/// A JSON POST, ready to go: the transport adds nothing but what HTTP needs.
public struct WebhookRequest: Sendable {
    public let url: String
    public let headers: [(String, String)]
    public let body: [UInt8]
    public let timeout: Int
    /// The secrets to take out of what the server answers.
    public let redaction: Redaction

    public init(
        url: String, headers: [(String, String)], body: [UInt8], timeout: Int = 30, redaction: Redaction = .none
    ) {
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.redaction = redaction
    }
}
