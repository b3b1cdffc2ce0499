import App
import Catalogue
import Foundation
import Hummingbird
import Logging
import Model
import Planner
import Reports
import ScheduleSources
import WorkingCalendar

/// The routes: each translates HTTP to a call on the ``Workspace`` and its answer to a page. What every
/// request needs is middleware, once: the office and the session (``WorkspaceMiddleware``), sign-in
/// (``SignedInMiddleware``), the CSRF token of every form (``CSRFMiddleware``), the role
/// (``RoleMiddleware``), and errors turned into pages with a request id (``ErrorMiddleware``).
struct WebRoutes: Sendable {
    let workspace: Workspace
    let settings: WebSettings
    /// Where a failure is told, with its request id.
    let log: Logger

    static let cookie = "nhacviec_phien"
    /// The sign-in form's token, before there is a session.
    static let formCookie = "nhacviec_mau"

    func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: ErrorMiddleware(workspace: workspace, settings: settings, log: log))
        router.add(middleware: WorkspaceMiddleware(workspace: workspace))
        router.add(middleware: SameOriginMiddleware(workspace: workspace))
        // Before a session: signing in, and the officials' reports by the signed links of their mails.
        router.get("/dang-nhap") { _, context in signInForm(context, message: nil) }
        router.post("/dang-nhap") { request, context in try await requestLink(request, context) }
        router.get("/dang-nhap/:token") { request, context in try await follow(request, context) }
        router.get("/bao-cao/:token") { _, context in try await reportForm(context) }
        router.post("/bao-cao/:token") { request, context in try await report(request, context) }

        let signedIn = router.group()
            .add(middleware: SignedInMiddleware())
            .add(middleware: CSRFMiddleware(workspace: workspace, settings: settings))
        signedIn.get("/") { _, context in try await overview(context) }
        signedIn.post("/dang-xuat") { request, context in try await signOut(request, context) }
        signedIn.get("/nhiem-vu") { request, context in await taskList(request, context) }
        signedIn.get("/lich") { request, context in calendar(request, context) }
        signedIn.get("/nhiem-vu/:id") { _, context in try await taskPage(context) }

        let seesAll = signedIn.group().add(middleware: RoleMiddleware(role: .seesAll, workspace: workspace))
        seesAll.get("/bao-cao-ky") { request, context in try await reports(request, context) }

        let editor = signedIn.group().add(middleware: RoleMiddleware(role: .editor, workspace: workspace))
        for (action, confirm) in [("xac-nhan", true), ("tra-lai", false)] {
            editor.post("/bao-cao-cho/:id/\(action)") { request, context in
                try await decide(request, context, confirm: confirm)
            }
        }
        for (action, reopen) in [("hoan-thanh", false), ("mo-lai", true)] {
            editor.post("/nhiem-vu/:id/\(action)") { request, context in
                try await record(request, context, reopen: reopen)
            }
        }
        planRoutes(seesAll: seesAll, editor: editor)
        return router
    }

    func pages(_ context: WebContext) -> WebPages { WebPages(context, settings: settings) }

    // MARK: Signing in and out

    /// The sign-in page, with a fresh token in its form and in a cookie only this page's form goes back with.
    private func signInForm(_ context: WebContext, message: String?) -> Response {
        let pages = pages(context)
        let token = Tokens.make()
        var response = pages.page("sign-in", title: .signIn, SignInPage(csrf: token, message: message))
        response.setCookie(pages.cookie(Self.formCookie, token, maxAge: 3600, path: "/dang-nhap", sameSite: .strict))
        return response
    }

    private func requestLink(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await Self.form(request)
        // Before any session, the form's token is the one its page set in a cookie (double submit).
        guard let cookie = request.cookies[Self.formCookie]?.value, Tokens.same(form["csrf"] ?? "", cookie) else {
            return pages(context).message(pages(context).word(.badForm), status: .forbidden)
        }
        try await workspace.requestSignInLink(email: form["email"] ?? "", client: client(request, context))
        return signInForm(context, message: pages(context).word(.linkSent))
    }

    private func follow(_ request: Request, _ context: WebContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let session: String
        do {
            session = try await workspace.signIn(token: token, client: client(request, context))
        } catch {
            guard error.kind == .forbidden else { throw error }
            return pages(context).message(error.message, title: .signIn, status: .forbidden, signIn: true)
        }
        var response = WebPages.redirect("/")
        response.setCookie(
            pages(context).cookie(Self.cookie, session, maxAge: Int(Workspace.sessionIdle), path: "/", sameSite: .lax))
        return response
    }

    private func signOut(_ request: Request, _ context: WebContext) async throws -> Response {
        try await workspace.signOut(cookie: request.cookies[Self.cookie]?.value ?? "")
        var response = WebPages.redirect("/dang-nhap")
        response.setCookie(pages(context).cookie(Self.cookie, "", maxAge: 0, path: "/", sameSite: .lax))
        return response
    }

    // MARK: Pages

    private func overview(_ context: WebContext) async throws -> Response {
        let office = context.office!
        let viewer = context.viewer
        let desk = viewer.canEdit ? try await workspace.desk(for: viewer) : nil
        let page = Overview(
            office: office, viewer: viewer, visible: await workspace.occurrences(for: viewer), desk: desk,
            paused: try await workspace.paused(),
            csrf: context.signedIn!.csrf, words: pages(context).words)
        return pages(context).page("overview", title: .overview, page, signedIn: context.signedIn)
    }

    private func taskList(_ request: Request, _ context: WebContext) async -> Response {
        let page = TaskPages.list(
            office: context.office!, visible: await workspace.occurrences(for: context.viewer),
            filter: TaskPages.Filter(Self.query(request)), words: pages(context).words)
        return pages(context).page("tasks", title: .tasks, page, signedIn: context.signedIn)
    }

    private func taskPage(_ context: WebContext) async throws -> Response {
        let id = context.parameters.get("id") ?? ""
        let record = try await workspace.taskRecord(id, for: context.viewer)
        let page = TaskPages.task(
            record, office: context.office!, viewer: context.viewer, csrf: context.signedIn!.csrf,
            words: pages(context).words)
        return pages(context).page("task", title: .tasks, page, signedIn: context.signedIn)
    }

    /// *Báo cáo*: the periodic report of a period written as people write it, its figures, and the report
    /// to download as .xlsx, .csv or the printable page.
    private func reports(_ request: Request, _ context: WebContext) async throws -> Response {
        let pages = pages(context)
        let office = context.office!
        let query = Self.query(request)
        let asked = query["ky"] ?? ""
        guard !asked.isEmpty else {
            return pages.page("reports", title: .reports, ReportsPage(asked: asked), signedIn: context.signedIn)
        }
        guard let period = ReportPeriod.read(asked, year: office.today().year) else {
            return pages.page(
                "reports", title: .reports, ReportsPage(asked: asked, refused: true), signedIn: context.signedIn,
                status: .badRequest)
        }
        let report = try await workspace.report(for: period, for: context.viewer)
        if let format = query["tai"] {
            let name = "bao-cao-\(period.code).\(format)"
            switch format {
            case "xlsx":
                return pages.download(
                    try XLSXReport.render(report),
                    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName: name)
            case "csv":
                return pages.download(
                    Data(CSVReport.render(report).utf8), type: "text/csv; charset=utf-8", fileName: name)
            case "html":
                return pages.download(
                    Data(HTMLReport.render(report).utf8), type: "text/html; charset=utf-8", fileName: nil)
            default: return pages.message(pages.word(.notFound), status: .notFound)
            }
        }
        let tally = report.total
        let totals: [(String, WebWord, Int)] = [
            ("done_on_time", .doneOnTime, tally.doneOnTime), ("done_late", .doneLate, tally.doneLate),
            ("overdue", .overdue, tally.overdue), ("in_progress", .inProgress, tally.inProgress),
            ("ongoing", .ongoing, tally.ongoing), ("no_fixed_deadline", .noFixedDeadline, tally.noFixedDeadline),
            ("came_due", .cameDue, tally.cameDue), ("total", .total, tally.total),
        ]
        let page = ReportsPage(
            asked: asked, label: period.label, code: period.code,
            totals: totals.map { ReportsPage.Total(field: $0, label: pages.word($1), count: $2) })
        return pages.page("reports", title: .reports, page, signedIn: context.signedIn)
    }

    /// *Lịch làm việc*: a year's days off and worked weekend days, with their sources.
    private func calendar(_ request: Request, _ context: WebContext) -> Response {
        let office = context.office!
        let calendar = office.calendar
        let asked = Self.query(request)["nam"].flatMap { Int($0) }
        let year = asked.flatMap { WorkingCalendar.supportedYears.contains($0) ? $0 : nil } ?? office.today().year
        func days(_ list: [(date: CivilDate, reason: String, source: String)]) -> [CalendarPage.Day] {
            list.map {
                CalendarPage.Day(
                    weekday: $0.date.weekday.vietnamese, date: $0.date.vietnamese, reason: $0.reason, source: $0.source)
            }
        }
        let worked = days(calendar.workedDays(in: year).map { ($0.date, $0.reason, $0.source) })
        let page = CalendarPage(
            year: year, count: calendar.workingDayCount(in: year), announced: calendar.isAnnounced(year),
            daysOff: days(calendar.daysOff(in: year).map { ($0.date, $0.reason, $0.source) }), worked: worked,
            hasWorked: !worked.isEmpty)
        return pages(context).page("calendar", title: .calendar, page, signedIn: context.signedIn)
    }

    // MARK: Completions

    /// The clerk's (or an editor's) completion or reopening, from a task's page, then the page again.
    private func record(_ request: Request, _ context: WebContext, reopen: Bool) async throws -> Response {
        let id = context.parameters.get("id") ?? ""
        let form = context.form
        try await workspace.record(
            task: id, occurrence: try? CivilDate.parse(form["occurrence"] ?? ""),
            date: try Self.date(form["date"], context), note: form["note"] ?? "", reopen: reopen, by: context.viewer,
            client: client(request, context))
        return WebPages.redirect("/nhiem-vu/\(TaskPages.path(id))")
    }

    private func reportForm(_ context: WebContext) async throws -> Response {
        let pages = pages(context)
        let token = context.parameters.get("token") ?? ""
        switch try await workspace.reportable(token) {
        case .alreadyDone: return pages.message(pages.word(.alreadyDone), title: .reportDone)
        case .open(let occurrence):
            return pages.page(
                "report", title: .reportDone,
                ReportForm(
                    task: occurrence.task.id, title: occurrence.task.title,
                    deadline: occurrence.deadline?.vietnamese ?? "", token: token,
                    today: context.office!.today().vietnamese))
        }
    }

    /// An official's report by the link of a reminder.
    private func report(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await Self.form(request)
        let pages = pages(context)
        let outcome = try await workspace.reportDone(
            token: context.parameters.get("token") ?? "", date: try Self.date(form["date"], context),
            note: form["note"] ?? "", client: client(request, context))
        return pages.message(pages.word(outcome == .counted ? .reportCounted : .reportSent), title: .reportDone)
    }

    /// The clerk confirms a waiting report or sends it back with a reason.
    private func decide(_ request: Request, _ context: WebContext, confirm: Bool) async throws -> Response {
        try await workspace.decide(
            report: context.parameters.get("id").flatMap { Int64($0) } ?? 0, confirm: confirm,
            reason: context.form["reason"] ?? "", by: context.viewer, client: client(request, context))
        return WebPages.redirect("/")
    }

    // MARK: What requests share

    /// The client's address: the peer's, or, from a configured proxy, the last address it forwarded for.
    func client(_ request: Request, _ context: WebContext) -> String {
        let peer = context.peer ?? "?"
        guard settings.trustedProxies.contains(peer),
            let forwarded = request.headers[.init("X-Forwarded-For")!]?.split(separator: ",").last
        else { return peer }
        return forwarded.trimmingCharacters(in: .whitespaces)
    }

    /// A date a form gives, as people write it (`14/03/2024`) or ISO; nil when it gives none.
    static func date(_ written: String?, _ context: WebContext) throws(WorkspaceError) -> CivilDate? {
        guard let written, !written.isEmpty else { return nil }
        guard let day = try? CivilDate.parse(written) else {
            throw WorkspaceError(.invalid, message: WebWord.badDate.text(context.office?.language ?? .vi))
        }
        return day
    }

    /// The query of a GET (a filter form).
    static func query(_ request: Request) -> [String: String] {
        fields(URLComponents(string: request.uri.description)?.percentEncodedQuery ?? "")
    }

    /// An `application/x-www-form-urlencoded` body, at most 64 KiB; any other body is no form (a `text/plain`
    /// post that spells `csrf=…` is not read as one).
    static func form(_ request: Request) async throws -> [String: String] {
        guard
            request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true
        else { return [:] }
        var request = request
        let buffer = try await request.collectBody(upTo: 64 * 1024)
        return fields(String(buffer: buffer))
    }

    /// `a=1&b=x+y` as a browser encodes a form (a space as `+`); the first of a repeated name counts.
    static func fields(_ encoded: String) -> [String: String] {
        var components = URLComponents()
        components.percentEncodedQuery = encoded.replacingOccurrences(of: "+", with: "%20")
        var fields: [String: String] = [:]
        for item in components.queryItems ?? [] where fields[item.name] == nil { fields[item.name] = item.value ?? "" }
        return fields
    }
}
