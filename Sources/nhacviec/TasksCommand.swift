import App
import ArgumentParser
import Catalogue
import Model
import Planner
import ScheduleSources
import WorkingCalendar

/// `nhacviec tasks`: every task and occurrence with its effective deadline and status at a date.
struct TasksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks", abstract: "List tasks and occurrences with their effective deadline and status.")

    @OptionGroup var config: ConfigOptions

    @Option(help: "The day to judge status at (default today).")
    var at: String?

    @Option(help: "Only tasks this official is responsible for or leads (an id or a name).")
    var official: String?

    @Option(help: "Only this status: \(TaskStatus.allValueStrings.joined(separator: ", ")).")
    var status: TaskStatus?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let office = try config.office(state: .ifPresent)
        let day =
            try at.map { try CommandFailure.date($0, option: "--at", language: office.language) } ?? office.today()
        let officialID = try official.map { name throws(CommandFailure) in
            do throws(NameError) {
                return try NameResolver(directory: office.schedule.directory).official(name)
            } catch {
                throw CommandFailure(.optionName("--official", error), in: office.language)
            }
        }
        let directory = office.schedule.directory
        let access = officialID.flatMap { Access($0, in: office) }
        let rows = office.planner.occurrences.filter { occurrence in
            guard occurrence.exists(on: day) else { return false }
            let involved = access.map { $0.involves(occurrence.task) }
            return (involved ?? true) && (status.map { occurrence.status(at: day) == $0 } ?? true)
        }
        .map { TaskRow(occurrence: $0, at: day, directory: directory) }
        if output.json {
            try JSONOutput.print(rows)
        } else {
            print("Nhiệm vụ tại ngày \(day.vietnamese): \(rows.count)")
            for row in rows { print(row.text) }
        }
    }
}

/// One occurrence as `tasks` shows it.
struct TaskRow: Encodable {
    let task: String
    let title: String
    let section: String?
    let focus: Bool
    let occurrence: String?
    let deadline: CivilDate?
    let nominalDeadline: CivilDate?
    let status: String
    let responsible: [String]
    let lead: String?
    let completedOn: String?
    let carriedOverFrom: Int?
    let dataPeriod: [String]?

    enum CodingKeys: String, CodingKey {
        case task, title, section, focus, occurrence, deadline, status, responsible, lead
        case nominalDeadline = "nominal_deadline"
        case completedOn = "completed_on"
        case carriedOverFrom = "carried_over_from"
        case dataPeriod = "data_period"
    }

    init(occurrence: Occurrence, at day: CivilDate, directory: Directory) {
        let task = occurrence.task
        self.task = task.id
        title = task.title
        section = task.section
        focus = task.isFocus
        self.occurrence = occurrence.key?.iso
        deadline = occurrence.deadline
        nominalDeadline = occurrence.nominalDeadline
        status = occurrence.status(at: day).rawValue
        var seen: [String] = []
        for id in task.responsible.map(directory.recipient(for:)) where !seen.contains(id) { seen.append(id) }
        responsible = seen
        lead = task.lead
        completedOn = occurrence.completion.flatMap { $0.date <= day ? $0.date.iso : nil }
        carriedOverFrom = occurrence.carriedOverFrom
        dataPeriod = occurrence.dataPeriod.map { [$0.lowerBound.iso, $0.upperBound.iso] }
    }

    /// Encodes every key, nulls included, so the JSON always has the same fields.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(task, forKey: .task)
        try container.encode(title, forKey: .title)
        try container.encode(section, forKey: .section)
        try container.encode(focus, forKey: .focus)
        try container.encode(occurrence, forKey: .occurrence)
        try container.encode(deadline?.iso, forKey: .deadline)
        try container.encode(nominalDeadline?.iso, forKey: .nominalDeadline)
        try container.encode(status, forKey: .status)
        try container.encode(responsible, forKey: .responsible)
        try container.encode(lead, forKey: .lead)
        try container.encode(completedOn, forKey: .completedOn)
        try container.encode(carriedOverFrom, forKey: .carriedOverFrom)
        try container.encode(dataPeriod, forKey: .dataPeriod)
    }

    static let statusNames = [
        "done_on_time": "Hoàn thành đúng hạn", "done_late": "Hoàn thành quá hạn", "in_progress": "Đang thực hiện",
        "overdue": "Quá hạn", "ongoing": "Thường xuyên",
        "no_fixed_deadline": "Chưa có thời hạn cụ thể",
    ]

    var text: String {
        let due =
            deadline.map { date in
                nominalDeadline == date || nominalDeadline == nil
                    ? "hạn \(date.vietnamese)" : "hạn \(date.vietnamese) (theo kế hoạch \(nominalDeadline!.vietnamese))"
            } ?? (status == TaskStatus.noFixedDeadline.rawValue ? "chưa có thời hạn cụ thể" : "thường xuyên")
        let carried = carriedOverFrom.map { " [chuyển tiếp từ \($0)]" } ?? ""
        return
            "  \(task)\(occurrence.map { " @\($0)" } ?? "")  \(Self.statusNames[status] ?? status), \(due)\(carried)  "
            + "[\(responsible.joined(separator: ", "))]  \(title)"
    }
}

extension TaskStatus: ExpressibleByArgument {}
