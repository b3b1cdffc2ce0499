import WorkingCalendar

public typealias TaskID = String

/// A task (nhiệm vụ): one row of the assignment table (biểu phân công), what is to be done, by whom,
/// by when. Named so as not to shadow Swift's `Task`. A class: every occurrence and reminder refers to
/// its task, and a plan may hold 100,000 of them.
public final class PlanTask: Sendable {
    public let id: TaskID
    public let title: String
    /// The section of the plan it sits under: "2.1".
    public let section: String?
    /// A focus task (nhiệm vụ trọng tâm) assigned by the City Chairman: its own reminder stages.
    public let isFocus: Bool
    /// Lead official (lãnh đạo chỉ đạo): copied when the task runs late.
    public let lead: OfficialID?
    /// Responsible officials or units (chủ trì): they receive the reminders.
    public let responsible: [Assignee]
    /// Coordinating units (phối hợp), as written; they receive nothing.
    public let coordinating: [String]
    /// The document that assigned it: "QĐ 1529/QĐ-UBND ngày 29/12/2023".
    public let document: String?
    /// Target (chỉ tiêu): "172 lao động có việc làm mới".
    public let target: String?
    /// The plan year it was carried over from (chuyển tiếp), when the plan says so.
    public let carriedOverFrom: Int?
    public let deadline: Deadline
    /// The deadline as the plan writes it ("Quý I/2024", "Hằng tháng, trước ngày 20", an ISO date for a
    /// date cell); nil when the plan gives it as fields (TOML `every`). The clerk's working copy keeps it.
    public let deadlineText: String?
    /// The deadline says "Trước …": a day off moves it to the working day before (`before_on_day_off`).
    public let finishBefore: Bool
    /// The year of the plan the task belongs to.
    public let planYear: Int
    public let reminders: ReminderOverride?
    public let report: ReportCadence?
    public let note: String?
    /// Where the task was written, for errors and reports.
    public let source: SourceLocation

    public init(
        id: TaskID, title: String, section: String? = nil, isFocus: Bool = false, lead: OfficialID? = nil,
        responsible: [Assignee], coordinating: [String] = [], document: String? = nil, target: String? = nil,
        carriedOverFrom: Int? = nil, deadline: Deadline, deadlineText: String? = nil, finishBefore: Bool = false,
        planYear: Int,
        reminders: ReminderOverride? = nil,
        report: ReportCadence? = nil, note: String? = nil, source: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.section = section
        self.isFocus = isFocus
        self.lead = lead
        self.responsible = responsible
        self.coordinating = coordinating
        self.document = document
        self.target = target
        self.carriedOverFrom = carriedOverFrom
        self.deadline = deadline
        self.deadlineText = deadlineText
        self.finishBefore = finishBefore
        self.planYear = planYear
        self.reminders = reminders
        self.report = report
        self.note = note
        self.source = source
    }
}
