import App
import Catalogue
import Foundation
import Hummingbird
import Logging
import ScheduleSources

/// Outermost: a ``WorkspaceError`` becomes its page and status; any other error a 503 page that says
/// nothing of it, logged with the request's id and what failed, so that an administrator can find it.
struct ErrorMiddleware: RouterMiddleware {
    let workspace: Workspace
    let settings: WebSettings
    let log: Logger

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as WorkspaceError {
            let pages = WebPages(language: await workspace.office.language, settings: settings)
            if error.kind == .unavailable {
                log.error(
                    "web: \(request.method) \(request.uri.path) failed: \(error.cause ?? error.message)",
                    metadata: ["request": .string(context.id)])
            }
            return pages.refusal(error, requestID: context.id)
        } catch let error as HTTPResponseError {
            throw error
        } catch {
            log.error(
                "web: \(request.method) \(request.uri.path) failed: \(error)",
                metadata: ["request": .string(context.id)])
            let pages = WebPages(language: await workspace.office.language, settings: settings)
            return pages.refusal(
                WorkspaceError(.unavailable, message: WebWord.unavailable.text(pages.language)), requestID: context.id)
        }
    }
}

/// The office of this request, and the viewer its session cookie names, when it names an open one.
struct WorkspaceMiddleware: RouterMiddleware {
    let workspace: Workspace

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        var context = context
        context.office = await workspace.office
        if let cookie = request.cookies[WebRoutes.cookie]?.value {
            context.signedIn = try await workspace.signedIn(cookie: cookie)
        }
        return try await next(request, context)
    }
}

/// A POST comes from the workspace's own pages: its `Sec-Fetch-Site`, which browsers send, says same-origin;
/// without it, its `Origin` is the origin the workspace is reached at (`public_url`, or the address it listens
/// on). The pages' `Referrer-Policy: no-referrer` makes a browser send `Origin: null` even from them, so the
/// first is what a browser is judged by. A client that sends neither (curl, a script) is judged by the CSRF
/// token alone.
struct SameOriginMiddleware: RouterMiddleware {
    let workspace: Workspace

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        guard request.method == .post else { return try await next(request, context) }
        let origin = request.headers[.init("Origin")!]
        let site = request.headers[.init("Sec-Fetch-Site")!]
        var refused = false
        if let site {
            refused = !["same-origin", "none"].contains(site.lowercased())
        } else if let origin {
            let base = await workspace.reportLinks?.base
            refused = base.map { Self.origin(of: $0) != Self.origin(of: origin) } ?? true
        }
        guard !refused else {
            throw WorkspaceError(.forbidden, message: WebWord.badForm.text(await workspace.office.language))
        }
        return try await next(request, context)
    }

    /// `https://host[:port]` of a URL, lowercased, the default port left out.
    static func origin(of url: String) -> String? {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(),
            let host = parts.host?.lowercased()
        else { return nil }
        let port = parts.port.flatMap { (scheme == "https" && $0 == 443) || (scheme == "http" && $0 == 80) ? nil : $0 }
        return "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "")
    }
}

/// The routes behind it are for the signed-in: anyone else goes to the sign-in page.
struct SignedInMiddleware: RouterMiddleware {
    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        guard context.signedIn != nil else { return WebPages.redirect("/dang-nhap") }
        return try await next(request, context)
    }
}

/// Every state change (a POST) carries its session's token: a form is read here (at most 64 KiB) and its
/// `csrf` compared; an upload's token is in its multipart body, which its route reads and checks.
struct CSRFMiddleware: RouterMiddleware {
    let workspace: Workspace
    let settings: WebSettings

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        guard request.method == .post, let signedIn = context.signedIn else { return try await next(request, context) }
        if request.headers[.contentType]?.lowercased().hasPrefix("multipart/form-data") == true {
            return try await next(request, context)
        }
        var context = context
        context.form = try await WebRoutes.form(request)
        guard Tokens.same(context.form["csrf"] ?? "", signedIn.csrf) else {
            throw WorkspaceError(.forbidden, message: WebWord.badForm.text(await workspace.office.language))
        }
        return try await next(request, context)
    }
}

/// Who may use the routes behind it, beyond being signed in.
struct RoleMiddleware: RouterMiddleware {
    enum Role {
        /// The clerk and `[web] editors`.
        case editor
        /// Those who see every task: editors, the top official, every lead.
        case seesAll
    }

    let role: Role
    let workspace: Workspace

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        let viewer = context.viewer
        guard role == .editor ? viewer.canEdit : viewer.seesAll else {
            throw WorkspaceError(.forbidden, message: WebWord.forbidden.text(await workspace.office.language))
        }
        return try await next(request, context)
    }
}
