import Model
import Planner
import WorkingCalendar

/// What a new version of a plan would change, shown before it is applied: the tasks added, removed and
/// changed, the completions it records differently, and the reminders of the next working days under it
/// beside those under the version in use.
public struct PlanPreview: Sendable {
    /// What of a task a new version changes.
    public enum Field: String, Sendable, CaseIterable {
        case title, deadline, responsible, lead, focus
    }

    public struct ChangedTask: Sendable {
        public let before: PlanTask
        public let after: PlanTask
        public let fields: [Field]
    }

    /// A working day's reminders, as (recipient, reminder) under each version.
    public struct Day: Sendable {
        public let day: CivilDate
        public let current: [Reminder]
        public let candidate: [Reminder]
    }

    public let added: [PlanTask]
    public let removed: [PlanTask]
    public let changed: [ChangedTask]
    /// Occurrences whose completion (its day or its absence) differs.
    public let completionsChanged: Int
    public let days: [Day]

    /// Nothing the office would notice: the same tasks, deadlines, people and completions.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty && completionsChanged == 0 }

    /// How many working days of reminders the preview shows.
    public static let workingDays = 10

    public init(current: Office, candidate: Office, today: CivilDate) throws {
        let before = Dictionary(current.schedule.tasks.map { ($0.id, $0) }) { first, _ in first }
        let after = Dictionary(candidate.schedule.tasks.map { ($0.id, $0) }) { first, _ in first }
        added = candidate.schedule.tasks.filter { before[$0.id] == nil }
        removed = current.schedule.tasks.filter { after[$0.id] == nil }
        changed = candidate.schedule.tasks.compactMap { task in
            guard let old = before[task.id] else { return nil }
            let fields = Field.allCases.filter { !Self.same($0, old, task) }
            return fields.isEmpty ? nil : ChangedTask(before: old, after: task, fields: fields)
        }
        func completions(_ office: Office) -> [CompletionKey: CivilDate] {
            Dictionary(
                office.planner.occurrences.compactMap { occurrence in
                    occurrence.completion.map { (occurrence.completionKey, $0.date) }
                }
            ) { first, _ in first }
        }
        let was = completions(current)
        let will = completions(candidate)
        completionsChanged = Set(was.keys).union(will.keys).filter { was[$0] != will[$0] }.count
        var workingDays: [CivilDate] = []
        var day = candidate.calendar.workingDay(onOrAfter: today)
        while workingDays.count < Self.workingDays {
            workingDays.append(day)
            day = candidate.calendar.workingDay(onOrAfter: day.adding(days: 1))
        }
        let window = workingDays.first!...workingDays.last!
        func reminders(_ office: Office) throws -> [CivilDate: [Reminder]] {
            let paused = try office.waitingForConfirmation()
            let digests = office.planner.without(paused, in: office.planner.digests(in: window))
            return Dictionary(grouping: digests.flatMap(\.reminders), by: \.stage.sendDay)
        }
        let now = try reminders(current)
        let next = try reminders(candidate)
        days = workingDays.map { Day(day: $0, current: now[$0] ?? [], candidate: next[$0] ?? []) }
    }

    private static func same(_ field: Field, _ old: PlanTask, _ new: PlanTask) -> Bool {
        switch field {
        case .title: old.title == new.title
        case .deadline: old.deadline == new.deadline && old.finishBefore == new.finishBefore
        case .responsible: old.responsible == new.responsible
        case .lead: old.lead == new.lead
        case .focus: old.isFocus == new.isFocus
        }
    }
}
