import Model
import Planner

/// Who may see and change what (SPEC §12), one rule for the pages, the links and the command line: the clerk
/// and `[web] editors` change things; they, the top official and every lead see every task; any other
/// official sees the tasks whose reminders may reach them, as responsible (themselves or as a unit's contact)
/// or copied when one runs late (the official a responsible one escalates to, where the task names no lead).
public struct Access: Sendable {
    public let official: OfficialID
    public let canEdit: Bool
    public let seesAll: Bool
    private let planner: Planner

    /// Nil for an id the directory does not have.
    public init?(_ official: OfficialID, in office: Office) {
        guard let person = office.schedule.directory.official(official) else { return nil }
        self.official = official
        canEdit =
            office.configuration.clerk == official || (office.configuration.web?.editors.contains(official) ?? false)
        seesAll = canEdit || person.isTop || office.schedule.tasks.contains { $0.lead == official }
        planner = office.planner
    }

    public func sees(_ task: PlanTask) -> Bool { seesAll || involves(task) }

    /// Whether the official is on the task: its lead, responsible, or copied when it runs late
    /// (`tasks --official`).
    public func involves(_ task: PlanTask) -> Bool {
        task.lead == official || planner.mayReach(task).contains(official)
    }
}
