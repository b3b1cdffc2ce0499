import App
import Catalogue
import Foundation
import Hummingbird
import ScheduleSources

/// What a page shows, as a value the route builds: its properties are the names its template reads.
protocol PageModel: Sendable {}

extension PageModel {
    /// The top-level properties by name, for the template (Mustache reads nested values by reflection); an
    /// absent optional is left out, as a missing name.
    var fields: [String: Any] {
        var fields: [String: Any] = [:]
        for child in Mirror(reflecting: self).children {
            guard let label = child.label else { continue }
            let value = Mirror(reflecting: child.value)
            if value.displayStyle == .optional {
                guard let wrapped = value.children.first?.value else { continue }
                fields[label] = wrapped
            } else {
                fields[label] = child.value
            }
        }
        return fields
    }
}

/// A message, with a link to the sign-in page when it is about signing in.
struct MessagePage: PageModel {
    let message: String
    let signIn: Bool
}

/// Pages and answers in the office's language, with the headers that keep them private.
struct WebPages: Sendable {
    let language: Language
    let settings: WebSettings

    init(language: Language, settings: WebSettings) {
        self.language = language
        self.settings = settings
    }

    init(_ context: WebContext, settings: WebSettings) {
        self.init(language: context.office?.language ?? .vi, settings: settings)
    }

    var words: [String: String] { WebWords.words(language) }

    func word(_ key: WebWord) -> String { key.text(language) }

    /// A page of the templates from its model; a signed-in viewer's name and session token go with it for
    /// the menu.
    func page(
        _ name: String, title: WebWord, _ model: some PageModel, signedIn: SignedIn? = nil,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        var context = model.fields
        context["language"] = language.rawValue
        if let signedIn { context["user"] = ["name": signedIn.viewer.name, "csrf": signedIn.csrf] }
        let html = PageTemplates.page(name, title: title.text(language), values: context, words: words)
        var headers = Self.privateHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A message page; with `signIn`, a link to ask for a new sign-in link.
    func message(
        _ text: String, title: WebWord = .app, signedIn: SignedIn? = nil, status: HTTPResponse.Status = .ok,
        signIn: Bool = false
    ) -> Response {
        page("message", title: title, MessagePage(message: text, signIn: signIn), signedIn: signedIn, status: status)
    }

    /// A use case that did not happen, as its kind says; an unavailable state with the request's id, which
    /// the journal's line about it carries too.
    func refusal(_ error: WorkspaceError, requestID: String) -> Response {
        switch error.kind {
        case .notSignedIn: return Self.redirect("/dang-nhap")
        case .notFound: return message(error.message, status: .notFound)
        case .forbidden: return message(error.message, status: .forbidden)
        case .invalid: return message(error.message, status: .badRequest)
        case .unusable: return message(error.message, status: .unprocessableContent)
        case .conflict: return message(error.message, status: .conflict)
        case .tooMany: return message(error.message, status: .tooManyRequests)
        case .unavailable:
            return message("\(error.message) (\(requestID))", status: .serviceUnavailable)
        }
    }

    /// A file to download, with its type and, unless the browser should show it, its name.
    func download(_ bytes: Data, type: String, fileName: String?) -> Response {
        var headers = Self.privateHeaders
        headers[.contentType] = type
        if let fileName { headers[.contentDisposition] = "attachment; filename=\"\(fileName)\"" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func redirect(_ location: String) -> Response {
        var headers = privateHeaders
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    /// A cookie of the workspace: HttpOnly, Secure behind HTTPS.
    func cookie(_ name: String, _ value: String, maxAge: Int, path: String, sameSite: Cookie.SameSite) -> Cookie {
        Cookie(
            name: name, value: value, maxAge: maxAge, path: path, secure: settings.isSecure, httpOnly: true,
            sameSite: sameSite)
    }

    /// Pages are private and stay where they are: no caching, no referrer (a sign-in link's token would
    /// leak with it), no framing, nothing loaded from elsewhere and no script.
    static let privateHeaders: HTTPFields = [
        .cacheControl: "no-store",
        .init("Referrer-Policy")!: "no-referrer",
        .init("X-Content-Type-Options")!: "nosniff",
        .init("Content-Security-Policy")!:
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'",
    ]
}

/// The sign-in form: its token, and what the last request for a link came to.
struct SignInPage: PageModel {
    let csrf: String
    let message: String?
}

/// An official's "Báo cáo hoàn thành" form, from the signed link of a reminder.
struct ReportForm: PageModel {
    let task: String
    let title: String
    let deadline: String
    let token: String
    let today: String
}

/// *Báo cáo*: the period asked for, and its figures once it reads as a period.
struct ReportsPage: PageModel {
    struct Total {
        let field: String
        let label: String
        let count: Int
    }
    var asked: String
    var refused = false
    var label: String?
    var code: String?
    var totals: [Total]?
}

/// *Lịch làm việc*: a year's days off and worked weekend days, with their sources.
struct CalendarPage: PageModel {
    struct Day {
        let weekday: String
        let date: String
        let reason: String
        let source: String
    }
    let year: Int
    let count: Int
    let announced: Bool
    let daysOff: [Day]
    let worked: [Day]
    let hasWorked: Bool
}
