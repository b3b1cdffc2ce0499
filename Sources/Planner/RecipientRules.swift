import Model

/// Who receives a reminder: the responsible officials (a unit's contact for a unit), and when it runs
/// late the lead official, then the top official too. Nobody is both addressed and copied.
struct RecipientRules {
    let directory: Directory

    func recipients(of task: PlanTask, escalation: Int) -> [(OfficialID, Role)] {
        var to: [OfficialID] = []
        for assignee in task.responsible {
            let id = directory.recipient(for: assignee)
            if !to.contains(id) { to.append(id) }
        }
        var cc: [OfficialID] = []
        if escalation >= 1 {
            // The lead; where the task names none, whom each responsible official escalates to.
            let leads = task.lead.map { [$0] } ?? to.compactMap { directory.official($0)?.escalatesTo }
            cc += leads
        }
        if escalation >= 2 { cc += directory.topOfficials }
        var copied: [OfficialID] = []
        for id in cc where !to.contains(id) && !copied.contains(id) { copied.append(id) }
        return to.map { ($0, .to) } + copied.map { ($0, .cc) }
    }
}
