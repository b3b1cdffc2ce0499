import App
import Model
import Planner

/// Who is looking, and what they may see and do: the clerk and `[web] editors` change things; the top
/// official and every lead see every task; any other official sees the tasks they are responsible for
/// (themselves or as a unit's contact) or lead.
struct Viewer: Sendable {
    let official: OfficialID
    let name: String
    let canEdit: Bool
    let seesAll: Bool

    init?(_ id: OfficialID, in office: Office) {
        let directory = office.schedule.directory
        guard let person = directory.official(id) else { return nil }
        official = id
        name = person.name
        canEdit = office.configuration.clerk == id || (office.configuration.web?.editors.contains(id) ?? false)
        seesAll = canEdit || person.isTop || office.schedule.tasks.contains { $0.lead == id }
    }

    func sees(_ task: PlanTask, in directory: Directory) -> Bool {
        seesAll || task.lead == official || task.responsible.contains { directory.recipient(for: $0) == official }
    }
}
