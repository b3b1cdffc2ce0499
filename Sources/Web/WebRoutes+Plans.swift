import App
import Catalogue
import Foundation
import Hummingbird

/// *Kế hoạch*: the routes that list the plans, take an upload, preview a version, apply or restore one,
/// and give the clerk's working copy. Only the clerk and editors change anything; every form carries the
/// session's token.
extension WebRoutes {
    func planRoutes(seesAll: RouterGroup<WebContext>, editor: RouterGroup<WebContext>) {
        seesAll.get("/ke-hoach") { request, context in try await plans(request, context) }
        seesAll.get("/ke-hoach/tai-ve") { request, context in try await workingCopy(request, context) }
        editor.post("/ke-hoach/tai-len") { request, context in try await upload(request, context) }
        editor.get("/ke-hoach/ban/:id") { _, context in try await preview(context) }
        editor.post("/ke-hoach/ap-dung") { request, context in try await apply(request, context) }
    }

    private func plans(_ request: Request, _ context: WebContext) async throws -> Response {
        let pages = pages(context)
        let page = PlanPages.list(
            try await workspace.plans(for: context.viewer), office: context.office!, viewer: context.viewer,
            csrf: context.signedIn!.csrf, words: pages.words, applied: Self.query(request)["da-ap-dung"] != nil)
        return pages.page("plans", title: .plans, page, signedIn: context.signedIn)
    }

    /// An upload, checked in full off the service's loop (it goes on sending): its errors, or the version
    /// kept and its preview. The session's token is in the multipart body, checked once it is read.
    private func upload(_ request: Request, _ context: WebContext) async throws -> Response {
        let pages = pages(context)
        let (body, tooLarge) = try await Self.upload(request)
        let form = MultipartForm(body: body, contentType: request.headers[.contentType] ?? "")
        let file = form.file
        if tooLarge {
            // The body was not kept, its token with it: nothing changes, the clerk is told why.
            let message = CommandMessage.planTooLarge(name: file?.fileName ?? "", megabytes: PlanShelf.sizeLimit >> 20)
            return pages.message(message.text(pages.language), title: .plans, status: .contentTooLarge)
        }
        guard Tokens.same(form["csrf"] ?? "", context.signedIn!.csrf) else {
            return pages.message(pages.word(.badForm), status: .forbidden)
        }
        guard let file, let name = file.fileName, !file.data.isEmpty else {
            return pages.message(pages.word(.chooseFile), title: .plans, status: .badRequest)
        }
        let plan = form["ke-hoach"].flatMap { $0.isEmpty ? nil : $0 }
        let year = form["nam"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        switch try await workspace.upload(
            file.data, fileName: name, plan: plan, year: year, by: context.viewer, client: client(request, context))
        {
        case .errors(let errors):
            return pages.page(
                "plan-errors", title: .plans,
                PlanPages.errors(errors, fileName: name, language: pages.language),
                signedIn: context.signedIn, status: .unprocessableContent)
        case .kept(let version):
            return WebPages.redirect("/ke-hoach/ban/\(version.id)")
        }
    }

    private func preview(_ context: WebContext) async throws -> Response {
        let pages = pages(context)
        let id = context.parameters.get("id").flatMap { Int64($0) } ?? 0
        switch try await workspace.preview(version: id, for: context.viewer) {
        case .errors(let errors, let fileName):
            return pages.page(
                "plan-errors", title: .plans, PlanPages.errors(errors, fileName: fileName, language: pages.language),
                signedIn: context.signedIn, status: .unprocessableContent)
        case .ready(let preview, let version, let entry):
            let page = PlanPages.preview(
                preview, version: version, entry: entry, office: context.office!, viewer: context.viewer,
                csrf: context.signedIn!.csrf, words: pages.words)
            return pages.page("plan-preview", title: .plans, page, signedIn: context.signedIn)
        }
    }

    /// Áp dụng or Khôi phục: the plan switched, then the list.
    private func apply(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = context.form
        try await workspace.apply(
            form["ban"].flatMap { Int64($0) }, of: form["ke-hoach"] ?? "", expected: form["goc"].flatMap { Int64($0) },
            action: form["kieu"].flatMap(Workspace.PlanAction.init) ?? .apply, by: context.viewer,
            client: client(request, context))
        return WebPages.redirect("/ke-hoach?da-ap-dung=1")
    }

    /// The clerk's working copy (.xlsx) of a plan, with the completions recorded so far.
    private func workingCopy(_ request: Request, _ context: WebContext) async throws -> Response {
        let copy = try await workspace.workingCopy(of: Self.query(request)["ke-hoach"] ?? "", for: context.viewer)
        return pages(context).download(
            copy.content, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            fileName: copy.fileName)
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
