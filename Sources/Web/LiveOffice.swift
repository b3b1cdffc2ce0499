import App
import Foundation

/// The office as the service holds it now, shared with the web handlers: the daemon hands over each new
/// version (a reload, completions recorded) and the handlers read the latest. The handlers write only
/// through the state database, which the service reads back at its next round; `wake` starts that round
/// at once (a sign-in link goes out within a second, not at the next minute); `reload` has it read its
/// config and plans again first (a plan version applied in *Kế hoạch*), as SIGHUP does.
public final class LiveOffice: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Office
    private let wake: @Sendable () -> Void
    private let reload: @Sendable () -> Void

    public init(
        _ office: Office, wake: @escaping @Sendable () -> Void = {}, reload: @escaping @Sendable () -> Void = {}
    ) {
        current = office
        self.wake = wake
        self.reload = reload
    }

    public var office: Office { lock.withLock { current } }

    /// Where the links in mails point, once the server listens (``WebSettings/linkBase(port:)``).
    var linkBase: String { reportLinks?.base ?? "" }

    /// What signs and reads the "Báo cáo hoàn thành" links of the mails, under the address the links start
    /// with; set while the server listens.
    public var reportLinks: ReportLink.Signer? {
        get { lock.withLock { signer } }
        set { lock.withLock { signer = newValue } }
    }
    private var signer: ReportLink.Signer?

    public func update(_ office: Office) { lock.withLock { current = office } }

    func wakeService() { wake() }

    func reloadService() { reload() }
}
