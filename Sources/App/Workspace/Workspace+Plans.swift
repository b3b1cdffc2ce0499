import Catalogue
import Foundation
import Outbox

/// *Kế hoạch*: the plans in use with their versions, an upload checked and kept, a version's preview, a
/// switch (apply or restore), and the clerk's working copy. Only the clerk and editors change anything.
extension Workspace {
    public typealias PlanVersion = PlanVersions.Version
    public typealias PlanAction = PlanVersions.Action

    /// An upload checked.
    public enum Upload: Sendable {
        /// Every error in it, at its place; nothing kept.
        case errors([PlanShelf.WrittenError])
        /// Kept as a version of its plan, not yet applied.
        case kept(PlanVersion)
    }

    /// A kept version checked again against the office as it is now.
    public enum Preview: Sendable {
        case errors([PlanShelf.WrittenError], fileName: String)
        case ready(PlanPreview, version: PlanVersion, entry: PlanShelf.Entry)
    }

    /// The plans, each with its version in use, its earlier versions and its switches; for those who see
    /// every task.
    public func plans(for viewer: Viewer) throws(WorkspaceError) -> [PlanShelf.Entry] {
        try requireSeesAll(viewer)
        return try using { try shelf().entries() }
    }

    /// An upload, checked whole with the office's config and its other plans, and kept when it loads.
    ///
    /// - Throws: ``WorkspaceError/Kind/unusable`` for a file that is no plan, too large, or a plan that may
    ///   not be replaced.
    public func upload(
        _ content: Data, fileName: String, plan: String?, year: Int?, by viewer: Viewer, client: String
    ) throws(WorkspaceError) -> Upload {
        try requireEditor(viewer)
        let shelf = try shelf()
        return try planUse(.unusable) {
            switch try shelf.check(content, fileName: fileName, plan: plan, year: year) {
            case .errors(let errors): .errors(errors)
            case .ready:
                .kept(
                    try shelf.save(
                        content, fileName: fileName, plan: plan, year: year, user: viewer.official, client: client))
            }
        }
    }

    /// A kept version's preview beside the version in use; for editors.
    public func preview(version id: Int64, for viewer: Viewer) throws(WorkspaceError) -> Preview {
        try requireEditor(viewer)
        let shelf = try shelf()
        return try using {
            guard let version = try shelf.version(id), let entry = try shelf.entry(version.plan) else {
                throw refusal(.notFound, .notFound)
            }
            switch try shelf.check(version) {
            case .errors(let errors): return .errors(errors, fileName: version.fileName)
            case .ready(let candidate):
                return .ready(
                    try PlanPreview(current: office, candidate: candidate, today: office.today()), version: version,
                    entry: entry)
            }
        }
    }

    /// Áp dụng or Khôi phục: `plan` switched to a version (nil: its file in the config folder) in one
    /// transaction, when its last switch is still `expected`; the office replaced at once, and the service
    /// told to read its plans again before its next send.
    ///
    /// - Throws: ``WorkspaceError/Kind/conflict`` when someone switched it meanwhile or the version is not
    ///   the plan's; ``WorkspaceError/Kind/unusable`` when the version no longer loads.
    public func apply(
        _ version: Int64?, of plan: String, expected: Int64?, action: PlanAction, by viewer: Viewer, client: String
    ) throws(WorkspaceError) {
        try requireEditor(viewer)
        let shelf = try shelf()
        replace(
            try planUse(.conflict) {
                try shelf.apply(
                    version, of: plan, expected: expected, action: action, user: viewer.official, client: client)
            })
        tell(.reload)
    }

    /// The clerk's working copy (.xlsx) of a plan, with the completions recorded so far, and its file name.
    public func workingCopy(of plan: String, for viewer: Viewer) throws(WorkspaceError) -> (
        fileName: String, content: Data
    ) {
        try requireSeesAll(viewer)
        let shelf = try shelf()
        return try planUse(.notFound) {
            guard let entry = try shelf.entry(plan) else { throw refusal(.notFound, .notFound) }
            let stem = ((entry.name as NSString).deletingPathExtension).unicodeScalars.map {
                CharacterSet.alphanumerics.contains($0) && $0.isASCII || "-_.".unicodeScalars.contains($0)
                    ? String($0) : "-"
            }.joined()
            return ("\(stem)-ban-lam-viec.xlsx", try shelf.workingCopy(of: entry))
        }
    }

    private func shelf() throws(WorkspaceError) -> PlanShelf {
        try using { try PlanShelf(office: office) }
    }

    /// `body`, a refusal of the shelf becoming `kind` with its words, and a version that no longer loads
    /// ``WorkspaceError/Kind/unusable`` with its errors.
    private func planUse<Value>(_ kind: WorkspaceError.Kind, _ body: () throws -> Value) throws(WorkspaceError)
        -> Value
    {
        do {
            return try body()
        } catch let refusal as PlanShelf.Refusal {
            throw WorkspaceError(kind, message: refusal.message.text(language))
        } catch OfficeError.schedule(let errors) {
            throw WorkspaceError(
                .unusable, message: errors.text(language), location: errors.items.first?.location,
                cause: errors.description)
        } catch {
            throw failure(error)
        }
    }
}
