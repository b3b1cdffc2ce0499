import Model
import Outbox
import WorkingCalendar

extension CompletionLog {
    /// The audit log as the planner takes it: the latest `done` of each task occurrence, or nil where
    /// the latest entry reopened it.
    public func recorded() throws -> [CompletionKey: Completion?] {
        var recorded: [CompletionKey: Completion?] = [:]
        for entry in try latest() {
            let occurrence = entry.occurrence.isEmpty ? nil : try? CivilDate.parse(entry.occurrence)
            let completion = entry.completedOn.flatMap { try? CivilDate.parse($0) }.map {
                Completion(date: $0, note: entry.note)
            }
            recorded[CompletionKey(task: entry.task, occurrence: occurrence)] = .some(completion)
        }
        return recorded
    }
}
