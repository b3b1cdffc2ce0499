import Catalogue
import Model
import Planner

/// Who is looking: their name, and what they may see and do (``Access``, the one rule).
public struct Viewer: Sendable {
    public let official: OfficialID
    public let name: String
    public let access: Access

    public var canEdit: Bool { access.canEdit }
    public var seesAll: Bool { access.seesAll }

    public init?(_ id: OfficialID, in office: Office) {
        guard let person = office.schedule.directory.official(id), let access = Access(id, in: office) else {
            return nil
        }
        official = id
        name = person.name
        self.access = access
    }

    public func sees(_ task: PlanTask) -> Bool { access.sees(task) }
}

/// A viewer signed in, with the token every form of their session carries.
public struct SignedIn: Sendable {
    public let viewer: Viewer
    public let csrf: String
}

extension Dictionary where Key == String, Value == String {
    /// A page's word by its case: a word that does not exist does not compile.
    public subscript(_ word: WebWord) -> String { self[word.rawValue] ?? "" }
}
