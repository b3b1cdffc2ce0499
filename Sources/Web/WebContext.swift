import App
import Hummingbird
import ScheduleSources

/// What a request carries through the middleware to its route: the peer's address, the office as it was
/// when the request came (every part of the answer reads the same version), the signed-in viewer, and a
/// posted form once the CSRF check has read it.
struct WebContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let peer: String?
    /// Set by ``WorkspaceMiddleware`` before any route runs.
    var office: Office?
    var signedIn: SignedIn?
    /// An `application/x-www-form-urlencoded` body, read by ``CSRFMiddleware``.
    var form: [String: String] = [:]

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress?.ipAddress
    }

    /// The signed-in viewer of a route behind ``SignedInMiddleware``.
    var viewer: Viewer { signedIn!.viewer }
}
