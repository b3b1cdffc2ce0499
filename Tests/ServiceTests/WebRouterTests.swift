import App
import Catalogue
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Outbox
import Synchronization
import TestSupport
import Testing

@testable import Web

/// The routes `serve` builds, tested in-process (HummingbirdTesting) over a real office and a real state
/// database: no socket, no subprocess. The end-to-end tests over a socket are WebTests'.
struct InProcessWeb {
    /// A clock that stays where it is put: 14/03/2024 08:00 in Hà Nội.
    struct FixedClock: App.Clock {
        let instant: Date
        func now() -> Date { instant }
        func realSeconds(for seconds: TimeInterval) -> TimeInterval { seconds }
    }

    /// What the web logged, each line with its request id.
    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
        func append(_ line: String) { lines.withLock { $0.append(line) } }
    }

    struct Capture: LogHandler {
        let lines: Lines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            lines.append("\(event.message) request=\(event.metadata?["request"].map { "\($0)" } ?? "-")")
        }
    }

    /// Kept for the life of the test: the config and the state are in it.
    let folder: TemporaryFolder
    let office: Office
    let workspace: Workspace
    let logged = Lines()
    let app: Application<RouterResponder<WebContext>>
    /// What a test's closure takes: the workspace and what it logged.
    var parts: Parts { Parts(office: office, workspace: workspace, logged: logged) }

    struct Parts: Sendable {
        let office: Office
        let workspace: Workspace
        let logged: Lines

        /// Signs `official` in through a one-time link, as `web-link` hands it over.
        func signIn(_ official: String, _ client: some TestClientProtocol) async throws -> Browser {
            let link = try await workspace.issueSignInLink(for: official, base: "")
            let cookie = try await client.execute(uri: link, method: .get) { response in
                #expect(response.status == .seeOther)
                let set = response.headers[.setCookie] ?? ""
                #expect(set.contains("HttpOnly") && set.contains("SameSite=Lax"), "\(set)")
                return String(set.split(separator: ";")[0].split(separator: "=", maxSplits: 1)[1])
            }
            let csrf = try await client.execute(
                uri: "/", method: .get, headers: [.cookie: "\(WebRoutes.cookie)=\(cookie)"]
            ) { response in
                let page = String(buffer: response.body)
                let range = try #require(page.range(of: #"name="csrf" value="[^"]+""#, options: .regularExpression))
                return String(page[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
            }
            return Browser(cookie: cookie, csrf: csrf)
        }
    }

    init() async throws {
        folder = try TemporaryFolder()
        let config = try serviceConfig(folder, extra: "[web]\nlisten = \"127.0.0.1:0\"\n")
        office = try Office.open(
            config: config, environment: [:], clock: FixedClock(instant: vn("2024-03-14T08:00:00")), state: .create)
        workspace = try Workspace(office: office)
        _ = try await workspace.listening(at: "http://nhacviec.example")
        let lines = logged
        let log = Logger(label: "web") { _ in Capture(lines: lines) }
        app = Application(
            router: WebRoutes(workspace: workspace, settings: office.configuration.web!, log: log).router())
    }

    /// A signed-in browser: its session cookie and its forms' token.
    struct Browser {
        let cookie: String
        let csrf: String
        var headers: HTTPFields { [.cookie: "\(WebRoutes.cookie)=\(cookie)"] }
    }

    /// A form POST from a browser.
    static func post(
        _ client: some TestClientProtocol, _ uri: String, _ form: [String: String], as browser: Browser
    ) async throws -> HTTPResponse.Status {
        var headers = browser.headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }
            .joined(separator: "&")
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) {
            $0.status
        }
    }
}

@Suite("The workspace's routes in-process: sessions, roles, CSRF, failures")
struct WebRouterTests {
    @Test(
        "Signing in by a one-time link: a session cookie HttpOnly and SameSite; the link works once; no session, no page"
    )
    func signIn() async throws {
        let web = try await InProcessWeb()
        let parts = web.parts
        try await web.app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/dang-nhap")
            }
            let link = try await parts.workspace.issueSignInLink(for: "thu", base: "")
            try await client.execute(uri: link, method: .get) { #expect($0.status == .seeOther) }
            try await client.execute(uri: link, method: .get) { #expect($0.status == .forbidden, "a link works once") }
            let thu = try await parts.signIn("thu", client)
            try await client.execute(uri: "/", method: .get, headers: thu.headers) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Lê Thị Thu"))
                #expect(response.headers[.cacheControl] == "no-store")
            }
            #expect(try await InProcessWeb.post(client, "/dang-xuat", ["csrf": thu.csrf], as: thu) == .seeOther)
            try await client.execute(uri: "/", method: .get, headers: thu.headers) {
                #expect($0.status == .seeOther, "signed out")
            }
        }
    }

    @Test("Roles on every route: the clerk edits, a lead sees all and edits nothing, an official sees neither")
    func roles() async throws {
        let web = try await InProcessWeb()
        #expect(Access("lam", in: web.office)?.seesAll == true && Access("lam", in: web.office)?.canEdit == false)
        #expect(Access("hung", in: web.office)?.seesAll == false)
        // The route, and what the clerk, a lead and an official get.
        let table: [(String, HTTPRequest.Method, [HTTPResponse.Status])] = [
            ("/bao-cao-ky", .get, [.ok, .ok, .forbidden]),
            ("/ke-hoach", .get, [.ok, .ok, .forbidden]),
            ("/ke-hoach/tai-ve?ke-hoach=nope", .get, [.notFound, .notFound, .forbidden]),
            ("/ke-hoach/ban/1", .get, [.notFound, .forbidden, .forbidden]),
            ("/bao-cao-cho/1/xac-nhan", .post, [.notFound, .forbidden, .forbidden]),
            ("/ke-hoach/ap-dung", .post, [.conflict, .forbidden, .forbidden]),
            ("/nhiem-vu/2.1.4/hoan-thanh", .post, [.seeOther, .forbidden, .forbidden]),
        ]
        let parts = web.parts
        try await web.app.test(.router) { client in
            let browsers = [
                try await parts.signIn("thu", client), try await parts.signIn("lam", client),
                try await parts.signIn("hung", client),
            ]
            for (uri, method, expected) in table {
                for (browser, status) in zip(browsers, expected) {
                    let got =
                        method == .post
                        ? try await InProcessWeb.post(
                            client, uri, ["csrf": browser.csrf, "date": "13/03/2024"], as: browser)
                        : try await client.execute(uri: uri, method: .get, headers: browser.headers) { $0.status }
                    #expect(got == status, "\(method) \(uri)")
                }
            }
        }
    }

    @Test("Every form that changes something is refused without its session's token, and changes nothing")
    func csrf() async throws {
        let web = try await InProcessWeb()
        let posts = ["/nhiem-vu/2.1.4/hoan-thanh", "/bao-cao-cho/1/tra-lai", "/ke-hoach/ap-dung", "/dang-xuat"]
        let parts = web.parts
        try await web.app.test(.router) { client in
            let thu = try await parts.signIn("thu", client)
            let other = try await parts.signIn("khanh", client)
            for uri in posts {
                for form in [["date": "13/03/2024"], ["csrf": "", "date": "13/03/2024"], ["csrf": other.csrf]] {
                    #expect(try await InProcessWeb.post(client, uri, form, as: thu) == .forbidden, "\(uri) \(form)")
                }
            }
            try await client.execute(uri: "/", method: .get, headers: thu.headers) {
                #expect($0.status == .ok, "a refused sign-out signs nobody out")
            }
        }
        let clerk = try #require(Viewer("thu", in: web.office))
        #expect(try await web.workspace.taskRecord("2.1.4", for: clerk).history.isEmpty, "nothing was recorded")
    }

    @Test("A failure of the state: 503 with a request id on the page, and the same id in the log with what failed")
    func failureIsTraceable() async throws {
        let web = try await InProcessWeb()
        let parts = web.parts
        try await web.app.test(.router) { client in
            let thu = try await parts.signIn("thu", client)
            try run(
                "/usr/bin/python3",
                [
                    "-c", "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute('DROP TABLE reload')",
                    StateDatabase.path(in: parts.office.stateDirectory),
                ])
            try await client.execute(uri: "/", method: .get, headers: thu.headers) { response in
                #expect(response.status == .serviceUnavailable)
                let page = String(buffer: response.body)
                #expect(!page.contains("reload"), "nothing of the cause on the page")
                let line = try #require(parts.logged.all.first { $0.contains("GET / failed") })
                #expect(line.contains("no such table: reload"), "\(line)")
                let id = try #require(line.split(separator: "request=").last.map(String.init))
                #expect(page.contains("(\(id))"), "the page names the same request: \(id)")
            }
        }
    }
}

extension WebRouterTests {
    @Test(
        "A report link works once whatever its spelling; an occurrence reported or done takes no other report, by any link"
    )
    func reportOnce() async throws {
        let web = try await InProcessWeb()
        let parts = web.parts
        let signer = try #require(await parts.workspace.reportLinks)
        let occurrence = try #require(parts.office.planner.occurrences.first { $0.task.id == "2.1.4" })
        @Sendable func link(_ days: Double) -> String {
            signer.token(
                ReportLink(
                    task: "2.1.4", occurrence: occurrence.completionKey.occurrence, official: "hung",
                    expires: parts.office.clock.now().addingTimeInterval(days * 86_400)))
        }
        @Sendable func report(_ token: String, _ client: some TestClientProtocol) async throws -> HTTPResponse.Status {
            try await client.execute(
                uri: "/bao-cao/\(token)", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "date=13%2F03%2F2024")
            ) { $0.status }
        }
        try await web.app.test(.router) { client in
            let first = link(30)
            #expect(try await report(first, client) == .ok)
            let mac = first.split(separator: ".")[1]
            for spelling in ReportLinkTests.respellings(of: mac) {
                #expect(try await report(first.split(separator: ".")[0] + "." + spelling, client) == .forbidden)
            }
            #expect(try await report(link(29), client) == .forbidden, "a report is waiting for the clerk")
            let clerk = try await parts.signIn("thu", client)
            let thu = try #require(Viewer("thu", in: parts.office))
            let waiting = try #require(try await parts.workspace.waitingReports(for: thu).first)
            #expect(
                try await InProcessWeb.post(
                    client, "/bao-cao-cho/\(waiting.id)/xac-nhan", ["csrf": clerk.csrf], as: clerk) == .seeOther)
            let after = link(28)
            try await client.execute(uri: "/bao-cao/\(after)", method: .get) { response in
                #expect(String(buffer: response.body).contains(WebWord.alreadyDone.text(.vi)))
            }
            #expect(try await report(after, client) == .forbidden, "the occurrence is done")
        }
        let reports = try #require(Viewer("thu", in: parts.office))
        #expect(try await parts.workspace.waitingReports(for: reports).isEmpty, "one report, confirmed; no other")
    }
}

extension WebRouterTests {
    @Test("Revoking an official's sessions spends the sign-in links not yet used: one mailed before opens nothing")
    func revocationEndsLinks() async throws {
        let web = try await InProcessWeb()
        let parts = web.parts
        try await web.app.test(.router) { client in
            let lan = try await parts.signIn("lan", client)
            let outstanding = try await parts.workspace.issueSignInLink(for: "lan", base: "")
            #expect(try await parts.workspace.revokeSessions(of: "lan") == 1)
            try await client.execute(uri: "/", method: .get, headers: lan.headers) { #expect($0.status == .seeOther) }
            try await client.execute(uri: outstanding, method: .get) { response in
                #expect(response.status == .forbidden, "a link mailed before the revocation")
                #expect(response.headers[.setCookie] == nil)
            }
            // A link made after it works.
            _ = try await parts.signIn("lan", client)
        }
    }

    @Test(
        "A POST from another site is refused by its Origin or Sec-Fetch-Site, even with the right token; a text/plain body is no form"
    )
    func sameOrigin() async throws {
        let web = try await InProcessWeb()
        let parts = web.parts
        try await web.app.test(.router) { client in
            let thu = try await parts.signIn("thu", client)
            func post(_ extra: HTTPFields, type: String = "application/x-www-form-urlencoded") async throws
                -> HTTPResponse.Status
            {
                var headers = thu.headers
                headers[.contentType] = type
                headers.append(contentsOf: extra)
                return try await client.execute(
                    uri: "/nhiem-vu/2.1.4/hoan-thanh", method: .post, headers: headers,
                    body: ByteBuffer(string: "csrf=\(thu.csrf)&date=13%2F03%2F2024")
                ) { $0.status }
            }
            #expect(try await post([.init("Origin")!: "https://evil.example"]) == .forbidden)
            #expect(try await post([.init("Origin")!: "null"]) == .forbidden)
            #expect(try await post([.init("Sec-Fetch-Site")!: "cross-site"]) == .forbidden)
            #expect(
                try await post([.init("Origin")!: "http://nhacviec.example", .init("Sec-Fetch-Site")!: "same-site"])
                    == .forbidden)
            #expect(try await post([:], type: "text/plain") == .forbidden, "a text/plain body is no form")
            let clerk = try #require(Viewer("thu", in: parts.office))
            #expect(try await parts.workspace.taskRecord("2.1.4", for: clerk).history.isEmpty, "nothing recorded")
            // Chromium under the pages' no-referrer policy: Origin null, Sec-Fetch-Site same-origin.
            #expect(try await post([.init("Origin")!: "null", .init("Sec-Fetch-Site")!: "same-origin"]) == .seeOther)
            #expect(try await parts.workspace.taskRecord("2.1.4", for: clerk).history.count == 1)
            #expect(
                try await post([.init("Origin")!: "http://nhacviec.example"]) == .seeOther,
                "a client without Sec-Fetch-Site")
        }
    }
}

extension WebRouterTests {
    @Test("A sign-in mail, once delivered, leaves no usable link in the outbox: the mail has it, the database does not")
    func noLiveLinkKept() async throws {
        let web = try await InProcessWeb()
        let parts = web.parts
        try await parts.workspace.requestSignInLink(email: "lan@phuong-ngoquyen.example", client: "127.0.0.1")
        let dispatcher = try parts.office.dispatcher()
        let counts = try await dispatcher.deliver(now: parts.office.clock.now())
        #expect(counts.delivered == 1)
        let mail = try #require(web.folder.files(in: "maildir/new", withExtension: "nhacviec").first)
        let text = try parseMail(mail)["text"] as? String ?? ""
        let found = try #require(text.range(of: "/dang-nhap/[A-Za-z0-9_-]+", options: .regularExpression))
        let token = String(text[found].dropFirst("/dang-nhap/".count))
        // Every row of every table, and every mail kept in one decoded: the token is nowhere (only its hash).
        let dump = try run(
            "/usr/bin/python3",
            [
                "-c",
                """
                import email, sqlite3, sys
                db = sqlite3.connect(sys.argv[1])
                for (table,) in db.execute("select name from sqlite_master where type = 'table'"):
                    for row in db.execute(f'select * from "{table}"'):
                        print(repr(row))
                        for value in row:
                            if isinstance(value, bytes) and value:
                                for part in email.message_from_bytes(value).walk():
                                    decoded = part.get_payload(decode=True)
                                    if decoded:
                                        print(decoded.decode('utf-8', 'replace'))
                """,
                StateDatabase.path(in: parts.office.stateDirectory),
            ])
        #expect(!dump.isEmpty && !dump.contains(token), "the sign-in link is left in the state")
        try await web.app.test(.router) { client in
            try await client.execute(uri: "/dang-nhap/\(token)", method: .get) {
                #expect($0.status == .seeOther, "the mailed link still signs in")
            }
        }
    }
}
