import Model

/// Who receives a reminder: the responsible officials (a unit's contact for a unit), and when it runs
/// late the lead official, then the top official too. Nobody is both addressed and copied.
struct RecipientRules {
    let directory: Directory

    /// ``recipients(of:escalation:)`` one by one; the common case, one responsible official and no
    /// escalation, without building a list.
    func forEachRecipient(of task: PlanTask, escalation: Int, _ body: (OfficialID, Role) -> Void) {
        if escalation == 0 && task.responsible.count == 1 {
            body(directory.recipient(for: task.responsible[0]), .to)
            return
        }
        for (id, role) in recipients(of: task, escalation: escalation) { body(id, role) }
    }

    func recipients(of task: PlanTask, escalation: Int) -> [(OfficialID, Role)] {
        var recipients: [(OfficialID, Role)] = []
        func add(_ id: OfficialID, _ role: Role) {
            if !recipients.contains(where: { $0.0 == id }) { recipients.append((id, role)) }
        }
        for assignee in task.responsible { add(directory.recipient(for: assignee), .to) }
        if escalation >= 1 {
            // The lead; where the task names none, whom each responsible official escalates to.
            if let lead = task.lead {
                add(lead, .cc)
            } else {
                for (id, _) in recipients { directory.official(id)?.escalatesTo.map { add($0, .cc) } }
            }
        }
        if escalation >= 2 {
            for id in directory.topOfficials { add(id, .cc) }
        }
        return recipients
    }
}

extension Planner {
    /// Everyone a task's reminders may reach short of the top official: its responsible officials (a unit's
    /// contact for a unit) and, when it runs late, its lead or, where it names none, whom they escalate to.
    public func mayReach(_ task: PlanTask) -> [OfficialID] {
        RecipientRules(directory: schedule.directory).recipients(of: task, escalation: 1).map(\.0)
    }
}
