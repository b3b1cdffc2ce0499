import App
import Catalogue
import Model
import Planner

/// Who is looking: their name, and what they may see and do (App's ``Access``, the one rule).
struct Viewer: Sendable {
    let official: OfficialID
    let name: String
    let access: Access

    var canEdit: Bool { access.canEdit }
    var seesAll: Bool { access.seesAll }

    init?(_ id: OfficialID, in office: Office) {
        guard let person = office.schedule.directory.official(id), let access = Access(id, in: office) else {
            return nil
        }
        official = id
        name = person.name
        self.access = access
    }

    func sees(_ task: PlanTask) -> Bool { access.sees(task) }
}

extension Dictionary where Key == String, Value == String {
    /// A page's word by its case: a word that does not exist does not compile.
    subscript(_ word: WebWord) -> String { self[word.rawValue] ?? "" }
}
