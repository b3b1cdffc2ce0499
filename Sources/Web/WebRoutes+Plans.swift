import App
import Catalogue
import Foundation
import Hummingbird
import Outbox

/// *Kế hoạch*: the routes that list the plans, take an upload, preview a version, apply or restore one,
/// and give the clerk's working copy. Only the clerk and editors change anything; every form carries the
/// session's token.
extension WebRoutes {
    func planRoutes(_ router: Router<WebContext>) {
        router.get("/ke-hoach") { request, _ in try respond { try plans(request) } }
        router.post("/ke-hoach/tai-len") { request, context in
            let (body, tooLarge) = try await Self.upload(request)
            return try respond { try upload(request, body: body, tooLarge: tooLarge, client: client(request, context)) }
        }
        router.get("/ke-hoach/ban/:id") { request, context in
            try respond { try preview(request, id: context.parameters.get("id").flatMap { Int64($0) } ?? 0) }
        }
        router.post("/ke-hoach/ap-dung") { request, context in
            let form = try await Self.form(request)
            return try respond { try apply(request, form: form, client: client(request, context)) }
        }
        router.get("/ke-hoach/tai-ve") { request, _ in try respond { try workingCopy(request) } }
    }

    private func plans(_ request: Request) throws -> Response {
        let office = live.office
        guard let (viewer, session) = try viewer(request, office) else { return redirect("/dang-nhap") }
        guard viewer.seesAll else { return forbidden() }
        var values = try PlanPages.list(
            shelf: PlanShelf(office: office), viewer: viewer, csrf: session.csrf, words: WebWords.words(office.language)
        )
        values["applied"] = Self.query(request)["da-ap-dung"] != nil
        values["user"] = ["name": viewer.name, "csrf": session.csrf]
        return page("plans", title: .plans, values: values)
    }

    /// An upload, checked in full on this request's thread (the service's loop goes on sending): its errors,
    /// or the version kept and its preview.
    private func upload(_ request: Request, body: Data, tooLarge: Bool, client: String) throws -> Response {
        let office = live.office
        let form = MultipartForm(body: body, contentType: request.headers[.contentType] ?? "")
        let file = form.file
        if tooLarge {
            // The body was not kept, its token with it: nothing changes, the clerk is told why.
            guard let (viewer, _) = try viewer(request, office) else { return redirect("/dang-nhap") }
            guard viewer.canEdit else { return forbidden() }
            return refused(
                .planTooLarge(name: file?.fileName ?? "", megabytes: PlanShelf.sizeLimit >> 20), .contentTooLarge)
        }
        let viewer = try editor(request, form: ["csrf": form["csrf"] ?? ""], office: office)
        guard let file, let name = file.fileName, !file.data.isEmpty else {
            return page("message", title: .plans, values: ["message": word(.chooseFile)], status: .badRequest)
        }
        let plan = form["ke-hoach"].flatMap { $0.isEmpty ? nil : $0 }
        let year = form["nam"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let shelf = try PlanShelf(office: office)
        do {
            switch try shelf.check(file.data, fileName: name, plan: plan, year: year) {
            case .errors(let errors):
                var values = PlanPages.errors(errors, fileName: name, office: office)
                values["user"] = ["name": viewer.name, "csrf": form["csrf"] ?? ""]
                return page("plan-errors", title: .plans, values: values, status: .unprocessableContent)
            case .ready:
                let version = try shelf.save(
                    file.data, fileName: name, plan: plan, year: year, user: viewer.official, client: client)
                return redirect("/ke-hoach/ban/\(version.id)")
            }
        } catch let refusal as PlanShelf.Refusal {
            return refused(refusal.message, .unprocessableContent)
        }
    }

    private func preview(_ request: Request, id: Int64) throws -> Response {
        let office = live.office
        guard let (viewer, session) = try viewer(request, office) else { return redirect("/dang-nhap") }
        guard viewer.canEdit else { return forbidden() }
        let shelf = try PlanShelf(office: office)
        guard let version = try shelf.version(id), let entry = try shelf.entry(version.plan) else { return notFound() }
        let user = ["name": viewer.name, "csrf": session.csrf]
        switch try shelf.check(version) {
        case .errors(let errors):
            var values = PlanPages.errors(errors, fileName: version.fileName, office: office)
            values["user"] = user
            return page("plan-errors", title: .plans, values: values, status: .unprocessableContent)
        case .ready(let candidate):
            let preview = try PlanPreview(current: office, candidate: candidate, today: office.today())
            var values = PlanPages.preview(
                preview, version: version, entry: entry, office: office, viewer: viewer, csrf: session.csrf,
                words: WebWords.words(office.language))
            values["user"] = user
            return page("plan-preview", title: .plans, values: values)
        }
    }

    /// Áp dụng or Khôi phục: the plan switched in one transaction, then the office the pages show and the
    /// service's reload (at once, before its next send).
    private func apply(_ request: Request, form: [String: String], client: String) throws -> Response {
        let office = live.office
        let viewer = try editor(request, form: form, office: office)
        let shelf = try PlanShelf(office: office)
        let version = form["ban"].flatMap { Int64($0) }
        let base = form["goc"].flatMap { Int64($0) }
        do {
            let applied = try shelf.apply(
                version, of: form["ke-hoach"] ?? "", expected: base,
                action: form["kieu"].flatMap(PlanVersions.Action.init) ?? .apply, user: viewer.official,
                client: client)
            live.update(applied)
            live.reloadService()
            return redirect("/ke-hoach?da-ap-dung=1")
        } catch let refusal as PlanShelf.Refusal {
            return refused(refusal.message, .conflict)
        } catch OfficeError.schedule(let errors) {
            return page(
                "message", title: .plans, values: ["message": errors.text(office.language)],
                status: .unprocessableContent)
        }
    }

    /// The clerk's working copy (.xlsx) of a plan, with the completions recorded so far.
    private func workingCopy(_ request: Request) throws -> Response {
        let office = live.office
        guard let (viewer, _) = try viewer(request, office) else { return redirect("/dang-nhap") }
        guard viewer.seesAll else { return forbidden() }
        let shelf = try PlanShelf(office: office)
        guard let entry = try shelf.entry(Self.query(request)["ke-hoach"] ?? "") else { return notFound() }
        let bytes = try shelf.workingCopy(of: entry)
        let stem = ((entry.name as NSString).deletingPathExtension).unicodeScalars.map {
            CharacterSet.alphanumerics.contains($0) && $0.isASCII || "-_.".unicodeScalars.contains($0)
                ? String($0) : "-"
        }.joined()
        var headers = Self.privateHeaders
        headers[.contentType] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        headers[.contentDisposition] = "attachment; filename=\"\(stem)-ban-lam-viec.xlsx\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private func refused(_ message: CommandMessage, _ status: HTTPResponse.Status) -> Response {
        page("message", title: .plans, values: ["message": message.text(live.office.language)], status: status)
    }

    /// An upload's body, kept up to the size limit (and the form's other fields); beyond it the rest is read
    /// and dropped, so that the browser gets the answer instead of a broken connection.
    static func upload(_ request: Request) async throws -> (Data, tooLarge: Bool) {
        let limit = PlanShelf.sizeLimit + 64 * 1_024
        var data = Data()
        var total = 0
        for try await chunk in request.body {
            total += chunk.readableBytes
            if total <= limit { data.append(contentsOf: chunk.readableBytesView) }
            // A sender that goes on for ever is cut off.
            if total > 20 * limit { break }
        }
        return (total <= limit ? data : Data(), total > limit)
    }
}
