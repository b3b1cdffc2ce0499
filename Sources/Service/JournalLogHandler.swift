import Logging

/// swift-log into the ``Journal``: what the web server and the service group say reaches the journal as
/// the service's own lines do, with the request's id when there is one.
public struct JournalLogHandler: LogHandler {
    private let journal: Journal
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level

    public init(journal: Journal, level: Logger.Level) {
        self.journal = journal
        logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        let request = all["request"] ?? all["hb.request.id"]
        let text = request.map { "\(event.message) [request \($0)]" } ?? "\(event.message)"
        switch event.level {
        case .trace, .debug, .info, .notice: journal.info(text)
        case .warning: journal.warning(text)
        case .error, .critical: journal.error(text)
        }
    }
}
