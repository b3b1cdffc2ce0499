import Catalogue
import Foundation
import Model
import Outbox
import Planner
import Reports
import WorkingCalendar

/// What a viewer may see beyond the office's plans: the clerk's desk on the overview, a task's record,
/// the periodic report. The plans themselves a page reads from ``office``, filtered by ``Viewer/sees(_:)``.
extension Workspace {
    /// What the clerk and editors see on the overview beside the tasks.
    public struct Desk: Sendable {
        /// Deliveries that failed for good lately.
        public let failures: [OutboxItem]
        /// The last reload of the config and plans, accepted or refused.
        public let lastReload: ReloadLog.Entry?
        /// The officials' reports waiting for a decision.
        public let waiting: [WaitingReport]
        /// The version refused at the last reload, while the one before it serves.
        public let rejected: RejectedSchedule?
    }

    /// A reminder sent (or tried) for a task.
    public struct SentReminder: Sendable {
        public let reminder: Reminder
        public let item: OutboxItem
    }

    /// A task's record: every reminder sent for it this year and its completion history.
    public struct TaskRecord: Sendable {
        public let occurrences: [Occurrence]
        public let sent: [SentReminder]
        public let history: [CompletionLog.Entry]
    }

    /// The task occurrences a viewer may see that exist today, in the plans' order: the overview and the task
    /// list are made of them.
    public func occurrences(for viewer: Viewer) -> [Occurrence] {
        let today = office.today()
        return office.planner.occurrences.filter { $0.exists(on: today) && viewer.sees($0.task) }
    }

    /// The clerk's desk, for editors.
    public func desk(for viewer: Viewer) throws(WorkspaceError) -> Desk {
        try requireEditor(viewer)
        return try using {
            Desk(
                failures: try Outbox(database: state).summary().recentFailures,
                lastReload: try ReloadLog(database: state).last(),
                waiting: try CompletionReports(database: state).waiting(), rejected: office.rejected)
        }
    }

    /// The task occurrences waiting for the clerk's decision, whose reminders pause meanwhile.
    public func paused() throws(WorkspaceError) -> Set<CompletionKey> {
        try using { try office.waitingForConfirmation() }
    }

    /// A task's record, for those who may see the task.
    public func taskRecord(_ id: TaskID, for viewer: Viewer) throws(WorkspaceError) -> TaskRecord {
        let occurrences = office.planner.occurrences.filter { $0.task.id == id }
        guard let task = occurrences.first?.task else { throw refusal(.notFound, .notFound) }
        guard viewer.sees(task) else { throw refusal(.forbidden, .forbidden) }
        let today = office.today()
        let reminders = office.planner.reminders(
            ofTask: id, in: CivilDate(year: task.planYear, month: 1, day: 1)!...today)
        let digests = reminders.map {
            DigestID.reminders(sendDay: $0.stage.sendDay, recipient: $0.recipient, channel: $0.channel)
        }
        return try using {
            let items = try Outbox(database: state).items(ofDigests: Set(digests))
            let sent = zip(reminders, digests).compactMap { reminder, digest -> SentReminder? in
                guard let item = items[digest], item.state != .missed else { return nil }
                return SentReminder(reminder: reminder, item: item)
            }
            return TaskRecord(
                occurrences: occurrences, sent: sent, history: try CompletionLog(database: state).history(of: id))
        }
    }

    /// The periodic report of a period as it stands today, for those who see every task.
    public func report(for period: Period, for viewer: Viewer) throws(WorkspaceError) -> PlanReport {
        try requireSeesAll(viewer)
        return try using { try office.report(for: period) }
    }
}
