import App
import Catalogue
import Foundation
import Hummingbird
import Model
import Outbox
import Planner
import Reports
import ScheduleSources
import WorkingCalendar

/// The request context: the peer's address, for the client address of rate limits and the audit log.
struct WebContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let peer: String?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress?.ipAddress
    }
}

/// The routes: each translates HTTP to a call on the office and back. What every request needs (the
/// session, the client address, the headers that keep pages private) is done here once.
struct WebRoutes: Sendable {
    let live: LiveOffice
    let settings: WebSettings

    static let cookie = "nhacviec_phien"
    /// The sign-in form's token, before there is a session.
    static let formCookie = "nhacviec_mau"

    /// The sign-in page, with a fresh token in its form and in a cookie only this page's form goes back with.
    private func signInForm(message: String?) -> Response {
        let token = Tokens.make()
        var values: [String: Any] = ["csrf": token]
        if let message { values["message"] = message }
        var response = page("sign-in", title: .signIn, values: values)
        response.setCookie(
            Cookie(
                name: Self.formCookie, value: token, maxAge: 3600, path: "/dang-nhap", secure: settings.isSecure,
                httpOnly: true, sameSite: .strict))
        return response
    }

    func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.get("/") { request, context in try respond { try overview(request, context) } }
        router.get("/dang-nhap") { _, _ in signInForm(message: nil) }
        router.post("/dang-nhap") { request, context in
            let form = try await Self.form(request)
            // Before any session, the form's token is the one its page set in a cookie (double submit).
            guard let cookie = request.cookies[Self.formCookie]?.value, Tokens.same(form["csrf"] ?? "", cookie) else {
                return badForm()
            }
            return try respond { try requestLink(form["email"] ?? "", client: client(request, context)) }
        }
        router.get("/dang-nhap/:token") { request, context in
            try respond { try follow(context.parameters.get("token") ?? "", client: client(request, context)) }
        }
        router.post("/dang-xuat") { request, context in
            let form = try await Self.form(request)
            return try respond { try signOut(request, form: form) }
        }
        router.get("/nhiem-vu") { request, _ in try respond { try taskList(request) } }
        router.get("/lich") { request, _ in try respond { try calendar(request) } }
        router.get("/bao-cao-ky") { request, _ in try respond { try reports(request) } }
        router.get("/nhiem-vu/:id") { request, context in
            try respond { try taskPage(request, id: context.parameters.get("id") ?? "") }
        }
        router.get("/bao-cao/:token") { _, context in
            try respond { try reportForm(context.parameters.get("token") ?? "") }
        }
        router.post("/bao-cao/:token") { request, context in
            let form = try await Self.form(request)
            return try respond {
                try report(context.parameters.get("token") ?? "", form: form, client: client(request, context))
            }
        }
        for (action, confirm) in [("xac-nhan", true), ("tra-lai", false)] {
            router.post("/bao-cao-cho/:id/\(action)") { request, context in
                let form = try await Self.form(request)
                return try respond {
                    try decide(
                        request, id: context.parameters.get("id").flatMap { Int64($0) } ?? 0, form: form,
                        confirm: confirm, client: client(request, context))
                }
            }
        }
        for (action, reopen) in [("hoan-thanh", false), ("mo-lai", true)] {
            router.post("/nhiem-vu/:id/\(action)") { request, context in
                let form = try await Self.form(request)
                return try respond {
                    try record(
                        request, id: context.parameters.get("id") ?? "", form: form, reopen: reopen,
                        client: client(request, context))
                }
            }
        }
        planRoutes(router)
        return router
    }

    // MARK: Pages

    private func overview(_ request: Request, _ context: WebContext) throws -> Response {
        let office = live.office
        guard let (viewer, session) = try viewer(request, office) else { return redirect("/dang-nhap") }
        let words = WebWords.words(office.language)
        var values = try Overview.values(
            office: office, viewer: viewer, csrf: session.csrf, now: office.clock.now(), words: words)
        values["user"] = ["name": viewer.name, "csrf": session.csrf]
        return page("overview", title: .overview, values: values)
    }

    private func taskList(_ request: Request) throws -> Response {
        let office = live.office
        guard let (viewer, session) = try viewer(request, office) else { return redirect("/dang-nhap") }
        let words = WebWords.words(office.language)
        var values = TaskPages.list(
            office: office, viewer: viewer, filter: TaskPages.Filter(Self.query(request)), words: words)
        values["user"] = ["name": viewer.name, "csrf": session.csrf]
        return page("tasks", title: .tasks, values: values)
    }

    /// *Báo cáo*: the periodic report of a period written as people write it, its figures, and the report
    /// to download as .xlsx, .csv or the printable page. For those who see every task.
    private func reports(_ request: Request) throws -> Response {
        let office = live.office
        guard let (viewer, session) = try viewer(request, office) else { return redirect("/dang-nhap") }
        guard viewer.seesAll else { return forbidden() }
        let query = Self.query(request)
        let asked = query["ky"] ?? ""
        var values: [String: Any] = ["asked": asked, "user": ["name": viewer.name, "csrf": session.csrf]]
        guard !asked.isEmpty else { return page("reports", title: .reports, values: values) }
        guard let period = ReportPeriod.read(asked, year: office.today().year) else {
            values["refused"] = true
            return page("reports", title: .reports, values: values, status: .badRequest)
        }
        let report = try office.report(for: period)
        if let format = query["tai"] {
            let (bytes, type): (Data, String)
            switch format {
            case "xlsx":
                (bytes, type) = (
                    try XLSXReport.render(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                )
            case "csv": (bytes, type) = (Data(CSVReport.render(report).utf8), "text/csv; charset=utf-8")
            case "html": (bytes, type) = (Data(HTMLReport.render(report).utf8), "text/html; charset=utf-8")
            default: return notFound()
            }
            var headers = Self.privateHeaders
            headers[.contentType] = type
            if format != "html" {
                headers[.contentDisposition] = "attachment; filename=\"bao-cao-\(period.code).\(format)\""
            }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        let words = WebWords.words(office.language)
        let tally = report.total
        values["label"] = period.label
        values["code"] = period.code
        let totals: [(String, WebWord, Int)] = [
            ("done_on_time", .doneOnTime, tally.doneOnTime), ("done_late", .doneLate, tally.doneLate),
            ("overdue", .overdue, tally.overdue), ("in_progress", .inProgress, tally.inProgress),
            ("ongoing", .ongoing, tally.ongoing), ("no_fixed_deadline", .noFixedDeadline, tally.noFixedDeadline),
            ("came_due", .cameDue, tally.cameDue), ("total", .total, tally.total),
        ]
        values["totals"] = totals.map { field, word, count in
            ["field": field, "label": words[word], "count": count] as [String: Any]
        }
        return page("reports", title: .reports, values: values)
    }

    /// *Lịch làm việc*: a year's days off and worked weekend days, with their sources.
    private func calendar(_ request: Request) throws -> Response {
        let office = live.office
        guard let (viewer, session) = try viewer(request, office) else { return redirect("/dang-nhap") }
        let calendar = office.calendar
        let asked = Self.query(request)["nam"].flatMap { Int($0) }
        let year = asked.flatMap { WorkingCalendar.supportedYears.contains($0) ? $0 : nil } ?? office.today().year
        func days(_ list: [(date: CivilDate, reason: String, source: String)]) -> [[String: Any]] {
            list.map {
                [
                    "weekday": $0.date.weekday.vietnamese, "date": $0.date.vietnamese, "reason": $0.reason,
                    "source": $0.source,
                ]
            }
        }
        let worked = days(calendar.workedDays(in: year).map { ($0.date, $0.reason, $0.source) })
        return page(
            "calendar", title: .calendar,
            values: [
                "year": year, "count": calendar.workingDayCount(in: year), "announced": calendar.isAnnounced(year),
                "daysOff": days(calendar.daysOff(in: year).map { ($0.date, $0.reason, $0.source) }),
                "worked": worked, "hasWorked": !worked.isEmpty,
                "user": ["name": viewer.name, "csrf": session.csrf],
            ])
    }

    private func taskPage(_ request: Request, id: String) throws -> Response {
        let office = live.office
        guard let (viewer, session) = try viewer(request, office) else { return redirect("/dang-nhap") }
        guard let task = office.schedule.tasks.first(where: { $0.id == id }) else { return notFound() }
        guard viewer.sees(task) else { return forbidden() }
        let words = WebWords.words(office.language)
        guard var values = try TaskPages.task(id, office: office, viewer: viewer, csrf: session.csrf, words: words)
        else { return notFound() }
        values["user"] = ["name": viewer.name, "csrf": session.csrf]
        return page("task", title: .tasks, values: values)
    }

    /// The clerk's (or an editor's) completion or reopening, from a task's page: recorded in the audit
    /// log with who and from which address, then the page again.
    private func record(
        _ request: Request, id: String, form: [String: String], reopen: Bool, client: String
    ) throws -> Response {
        let office = live.office
        let viewer = try editor(request, form: form, office: office)
        let occurrences = office.planner.occurrences.filter { $0.task.id == id }
        guard let first = occurrences.first else { return notFound() }
        var occurrence: CivilDate?
        if case .recurring = first.task.deadline {
            // A recurring task is done one occurrence at a time; a one-off task as a whole.
            guard let named = try? CivilDate.parse(form["occurrence"] ?? ""),
                occurrences.contains(where: { $0.key == named })
            else { return badForm() }
            occurrence = named
        }
        var completedOn: CivilDate?
        if !reopen {
            guard let day = completionDay(form, of: first.task, office: office) else {
                return page("message", title: .tasks, values: ["message": word(.badDate)], status: .badRequest)
            }
            completedOn = day
        }
        try office.record(
            task: id, occurrence: occurrence, completedOn: completedOn,
            note: form["note"].flatMap { $0.isEmpty ? nil : $0 },
            user: viewer.official, client: client)
        // The page that follows shows it at once; the service's next round, started now, sends accordingly.
        live.update(try office.withRecordedCompletions())
        live.wakeService()
        return redirect("/nhiem-vu/\(TaskPages.path(id))")
    }

    // MARK: Officials' reports of completion

    /// The link's task occurrence, when the link is this service's, unexpired and not taken, and names
    /// an official and an open occurrence of the schedule.
    private func reported(_ token: String, office: Office) throws -> (ReportLink, Occurrence)? {
        guard let signer = live.reportLinks, let link = signer.read(token, now: office.clock.now()),
            office.schedule.directory.official(link.official) != nil,
            let state = office.state,
            !(try CompletionReports(database: state).isTaken(linkHash: Tokens.hash(token)))
        else { return nil }
        let occurrences = office.planner.occurrences.filter { $0.task.id == link.task }
        guard let occurrence = occurrences.first(where: { link.occurrence == nil || $0.key == link.occurrence })
        else { return nil }
        return (link, occurrence)
    }

    private func reportForm(_ token: String) throws -> Response {
        let office = live.office
        guard let (_, occurrence) = try reported(token, office: office) else {
            return page("message", title: .reportDone, values: ["message": word(.reportRefused)], status: .forbidden)
        }
        if let completion = occurrence.completion, completion.date <= office.today() {
            return page("message", title: .reportDone, values: ["message": word(.alreadyDone)])
        }
        return page(
            "report", title: .reportDone,
            values: [
                "task": occurrence.task.id, "title": occurrence.task.title,
                "deadline": occurrence.deadline?.vietnamese ?? "", "token": token, "today": office.today().vietnamese,
            ])
    }

    /// An official's report: waiting for the clerk, its reminders paused; or, with `completion = "direct"`,
    /// recorded at once.
    private func report(_ token: String, form: [String: String], client: String) throws -> Response {
        let office = live.office
        guard let (link, occurrence) = try reported(token, office: office), let state = office.state else {
            return page("message", title: .reportDone, values: ["message": word(.reportRefused)], status: .forbidden)
        }
        guard let day = completionDay(form, of: occurrence.task, office: office) else {
            return page("message", title: .reportDone, values: ["message": word(.badDate)], status: .badRequest)
        }
        let note = form["note"].flatMap { $0.isEmpty ? nil : $0 }
        let direct = settings.completion == .direct
        guard
            try CompletionReports(database: state).submit(
                linkHash: Tokens.hash(token), task: link.task, occurrence: link.occurrence?.iso ?? "",
                official: link.official, completedOn: day.iso, note: note, client: client,
                at: office.clock.now().timeIntervalSince1970, state: direct ? .confirmed : .waiting)
        else {
            return page("message", title: .reportDone, values: ["message": word(.reportRefused)], status: .forbidden)
        }
        if direct {
            try office.record(
                task: link.task, occurrence: link.occurrence, completedOn: day, note: note, user: link.official,
                client: client)
            live.update(try office.withRecordedCompletions())
        }
        live.wakeService()
        return page("message", title: .reportDone, values: ["message": word(direct ? .reportCounted : .reportSent)])
    }

    /// The clerk confirms a waiting report (then it is a completion, by its official, in the audit log) or
    /// sends it back with a reason, mailed to the official; its reminders resume.
    private func decide(
        _ request: Request, id: Int64, form: [String: String], confirm: Bool, client: String
    ) throws -> Response {
        let office = live.office
        let viewer = try editor(request, form: form, office: office)
        let state = try office.requiredState()
        let reports = CompletionReports(database: state)
        guard let report = try reports.report(id), report.state == .waiting else { return notFound() }
        let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard confirm || !reason.isEmpty else {
            return page("message", title: .waiting, values: ["message": word(.reasonNeeded)], status: .badRequest)
        }
        let now = office.clock.now()
        guard
            try reports.decide(
                id, confirm ? .confirmed : .returned, reason: confirm ? nil : reason, by: viewer.official,
                at: now.timeIntervalSince1970)
        else { return notFound() }
        if confirm {
            try office.record(
                task: report.task,
                occurrence: report.occurrence.isEmpty ? nil : try? CivilDate.parse(report.occurrence),
                completedOn: try? CivilDate.parse(report.completedOn), note: report.note,
                user: "\(report.official) (\(viewer.official))", client: client)
            live.update(try office.withRecordedCompletions())
        } else if let person = office.schedule.directory.official(report.official), let address = person.email {
            let words = WebWords.words(office.language)
            let title = office.schedule.tasks.first { $0.id == report.task }?.title ?? ""
            let text = "\(words[WebWord.returnedMail])\n\n\(reason)\n\n[\(report.task)] \(title)\n"
            try WorkspaceMail.send(
                to: person, address: address, kind: .reportReturned, what: "report-returned",
                key: "report-returned:\(id)", subject: words[WebWord.returnedSubject], text: text,
                html: "<p>\(HTMLReport.escape(words[WebWord.returnedMail]))</p>"
                    + "<blockquote>\(HTMLReport.escape(reason))</blockquote>"
                    + "<p>[\(HTMLReport.escape(report.task))] \(HTMLReport.escape(title))</p>",
                office: office, now: now)
        }
        live.wakeService()
        return redirect("/")
    }

    private func requestLink(_ email: String, client: String) throws -> Response {
        let office = live.office
        switch try SignIn.request(
            email: email, client: client, office: office, linkBase: live.linkBase, now: office.clock.now())
        {
        case .answered:
            live.wakeService()
            return signInForm(message: word(.linkSent))
        case .tooMany:
            return page("message", title: .signIn, values: ["message": word(.tooMany)], status: .tooManyRequests)
        }
    }

    private func follow(_ token: String, client: String) throws -> Response {
        let office = live.office
        guard let session = try SignIn.follow(token: token, client: client, office: office, now: office.clock.now())
        else {
            return page(
                "message", title: .signIn, values: ["message": word(.linkRefused), "signIn": true], status: .forbidden
            )
        }
        var response = redirect("/")
        response.setCookie(
            Cookie(
                name: Self.cookie, value: session, maxAge: Int(SignIn.sessionIdle), path: "/",
                secure: settings.isSecure, httpOnly: true, sameSite: .lax))
        return response
    }

    private func signOut(_ request: Request, form: [String: String]) throws -> Response {
        let office = live.office
        guard let cookie = request.cookies[Self.cookie]?.value,
            let session = try SignIn.session(cookie, office: office, now: office.clock.now())
        else { return redirect("/dang-nhap") }
        guard Tokens.same(form["csrf"] ?? "", session.csrf) else { return badForm() }
        try SignIn.signOut(cookie, office: office, now: office.clock.now())
        var response = redirect("/dang-nhap")
        response.setCookie(
            Cookie(
                name: Self.cookie, value: "", maxAge: 0, path: "/", secure: settings.isSecure, httpOnly: true,
                sameSite: .lax))
        return response
    }

    /// The completion date a form gives (today when it gives none), when it is a date, not in the future
    /// and not before the plan's year, as `done --on` takes it.
    private func completionDay(_ form: [String: String], of task: PlanTask, office: Office) -> CivilDate? {
        let today = office.today()
        guard let day = try? CivilDate.parse(form["date"] ?? today.iso), day <= today, day.year >= task.planYear
        else { return nil }
        return day
    }

    // MARK: What every request needs

    /// Why a form that changes things is refused: not signed in, a wrong token, or not the clerk or an editor.
    struct Refusal: Error {
        let response: Response
    }

    /// The signed-in clerk or editor posting a form with their session's token; otherwise the refusal that
    /// ``respond(_:)`` answers with.
    func editor(_ request: Request, form: [String: String], office: Office) throws -> Viewer {
        guard let (viewer, session) = try viewer(request, office) else {
            throw Refusal(response: redirect("/dang-nhap"))
        }
        guard Tokens.same(form["csrf"] ?? "", session.csrf) else { throw Refusal(response: badForm()) }
        guard viewer.canEdit else { throw Refusal(response: forbidden()) }
        return viewer
    }

    /// The signed-in official, when the cookie names an open session of someone still in the directory.
    func viewer(_ request: Request, _ office: Office) throws -> (Viewer, WebAccess.Session)? {
        guard let cookie = request.cookies[Self.cookie]?.value,
            let session = try SignIn.session(cookie, office: office, now: office.clock.now()),
            let viewer = Viewer(session.official, in: office)
        else { return nil }
        return (viewer, session)
    }

    /// The client's address: the peer's, or, from a configured proxy, the last address it forwarded for.
    func client(_ request: Request, _ context: WebContext) -> String {
        let peer = context.peer ?? "?"
        guard settings.trustedProxies.contains(peer),
            let forwarded = request.headers[.init("X-Forwarded-For")!]?.split(separator: ",").last
        else { return peer }
        return forwarded.trimmingCharacters(in: .whitespaces)
    }

    /// A refused form answers as the refusal says; a failure of the state answers 503 with nothing of its
    /// words.
    func respond(_ body: () throws -> Response) throws -> Response {
        do {
            return try body()
        } catch let refusal as Refusal {
            return refusal.response
        } catch {
            return page("message", title: .app, values: ["message": "503"], status: .serviceUnavailable)
        }
    }

    func forbidden() -> Response {
        page("message", title: .app, values: ["message": word(.forbidden)], status: .forbidden)
    }

    func notFound() -> Response {
        page("message", title: .app, values: ["message": word(.notFound)], status: .notFound)
    }

    func badForm() -> Response {
        page("message", title: .app, values: ["message": word(.badForm)], status: .forbidden)
    }

    func word(_ key: WebWord) -> String { key.text(live.office.language) }

    func page(
        _ name: String, title: WebWord, values: [String: Any], status: HTTPResponse.Status = .ok
    ) -> Response {
        let language = live.office.language
        let words = WebWords.words(language)
        var context = values
        context["language"] = language.rawValue
        let html = PageTemplates.page(name, title: title.text(language), values: context, words: words)
        var headers = Self.privateHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    func redirect(_ location: String) -> Response {
        var headers = Self.privateHeaders
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
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

    /// The query of a GET (a filter form).
    static func query(_ request: Request) -> [String: String] {
        fields(URLComponents(string: request.uri.description)?.percentEncodedQuery ?? "")
    }

    /// An `application/x-www-form-urlencoded` body, at most 64 KiB.
    static func form(_ request: Request) async throws -> [String: String] {
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
