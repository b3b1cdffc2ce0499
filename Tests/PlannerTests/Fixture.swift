import Model
import Planner
import WorkingCalendar

func d(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
    CivilDate(year: year, month: month, day: day)!
}

/// A small office: the Chairman (top), a Vice-Chairman who leads, two officials, and a unit.
enum Office {
    static let directory: Directory = {
        let officials = [
            Official(id: "khanh", name: "Vũ Trí Khánh", title: "Chủ tịch", email: "khanh@x.example", isTop: true),
            Official(
                id: "lam", name: "Nguyễn Văn Lâm", title: "Phó Chủ tịch", email: "lam@x.example", escalatesTo: "khanh"),
            Official(
                id: "hung", name: "Trần Văn Hùng", title: "Công chức", email: "hung@x.example", escalatesTo: "lam"),
            Official(id: "thu", name: "Lê Thị Thu", title: "Công chức", email: "thu@x.example", escalatesTo: "khanh"),
        ]
        let units = [Unit(id: "dc-xd", name: "Công chức Địa chính - Xây dựng", contact: "hung")]
        return Directory(
            officials: officials, units: units,
            channels: Dictionary(uniqueKeysWithValues: officials.map { ($0.id, [Channel.email]) }))
    }()

    static func task(
        _ id: String, _ deadline: Deadline, focus: Bool = false, lead: OfficialID? = "lam",
        responsible: [Assignee] = [.official("hung")], reminders: ReminderOverride? = nil, report: ReportCadence? = nil,
        planYear: Int = 2024
    ) -> PlanTask {
        PlanTask(
            id: id, title: "Nhiệm vụ \(id)", isFocus: focus, lead: lead, responsible: responsible, deadline: deadline,
            planYear: planYear, reminders: reminders, report: report, source: SourceLocation(file: "test.toml", line: 1)
        )
    }

    static func planner(
        _ tasks: [PlanTask], policy: ReminderPolicy = ReminderPolicy(), completions: [CompletionKey: Completion] = [:],
        calendar: WorkingCalendar = WorkingCalendar()
    ) -> Planner {
        let plan = Plan(id: "p", title: "Plan", year: 2024, tasks: tasks, source: SourceLocation(file: "test.toml"))
        let schedule = Schedule(directory: directory, plans: [plan], policy: policy, completions: completions)
        return Planner(schedule: schedule, calendar: calendar)
    }
}

extension Planner {
    /// The stages of a task's reminders to one recipient in a window: (send day, stage, days, escalation).
    func stages(of task: TaskID, to recipient: OfficialID = "hung", in window: ClosedRange<CivilDate>)
        -> [(CivilDate, Stage, Int, Int)]
    {
        reminders(in: window).filter { $0.occurrence.task.id == task && $0.recipient == recipient }
            .map { ($0.stage.sendDay, $0.stage.stage, $0.stage.days, $0.stage.escalation) }
            .sorted { $0.0 < $1.0 }
    }

    func sendDays(of task: TaskID, to recipient: OfficialID = "hung", in window: ClosedRange<CivilDate>) -> [CivilDate]
    {
        stages(of: task, to: recipient, in: window).map(\.0)
    }
}
