import Foundation
import Model
import Planner
import WorkingCalendar

/// The clerk's working copy of a plan (*Kế hoạch*, "Tải bản làm việc"): the assignment table as an
/// Excel workbook that nhacviec reads back as the same plan, with the completions recorded so far filled
/// in: a one-off task's in its row (Ngày hoàn thành, the note in Ghi chú), a recurring task's in a sheet
/// of their own (Hoàn thành). Uploaded again unchanged, it changes nothing.
public enum WorkingCopy {
    public static let header = [
        "Mã", "Nội dung nhiệm vụ", "Lãnh đạo chỉ đạo", "Chủ trì", "Phối hợp", "Thời gian hoàn thành",
        "Ngày hoàn thành", "Trọng tâm", "Ghi chú", "Văn bản giao", "Chỉ tiêu", "Chuyển tiếp từ năm", "Kỳ báo cáo",
    ]

    /// - Parameters:
    ///   - occurrences: the planner's, for the completions recorded (in the plan and in the audit log).
    ///   - written: a task's deadline as its plan writes it (`DeadlinePhrase.written`).
    public static func workbook(
        of plan: Plan, directory: Directory, occurrences: [Occurrence],
        written: (PlanTask) -> String
    ) -> Workbook {
        let ids = Set(plan.tasks.map(\.id))
        var completed: [TaskID: Completion] = [:]
        var occurrenceRows: [[Workbook.Cell]] = []
        for occurrence in occurrences where ids.contains(occurrence.task.id) {
            guard let completion = occurrence.completion else { continue }
            if let key = occurrence.key {
                occurrenceRows.append([
                    .text(occurrence.task.id), .date(key), .date(completion.date),
                    completion.note.map(Cell.text) ?? .empty,
                ])
            } else {
                completed[occurrence.task.id] = completion
            }
        }
        var rows: [[Workbook.Cell]] = []
        var section: String?
        let sections = Dictionary(plan.sections.map { ($0.id, $0.title) }) { first, _ in first }
        for task in plan.tasks {
            if let id = task.section, id != section, let title = sections[id] {
                rows.append([.text(id), .text(title)])
                section = id
            }
            let completion = completed[task.id]
            let deadline: Workbook.Cell
            if case .date(let date) = task.deadline, task.deadlineText == nil || task.deadlineText == date.iso {
                deadline = .date(date)
            } else {
                deadline = .text(written(task))
            }
            rows.append([
                .text(task.id), .text(task.title),
                task.lead.flatMap { directory.official($0)?.name }.map(Cell.text) ?? .empty,
                .text(task.responsible.map(directory.displayName).joined(separator: "; ")),
                task.coordinating.isEmpty ? .empty : .text(task.coordinating.joined(separator: "; ")), deadline,
                completion.map { .date($0.date) } ?? .empty, task.isFocus ? .text("x") : .empty,
                (completion.map { $0.note } ?? task.note).map(Cell.text) ?? .empty,
                task.document.map(Cell.text) ?? .empty, task.target.map(Cell.text) ?? .empty,
                task.carriedOverFrom.map { .number(Double($0)) } ?? .empty,
                task.report.map { .text(label($0)) } ?? .empty,
            ])
        }
        var sheets = [
            Workbook.Sheet(
                name: "Biểu phân công", title: plan.title, header: header, rows: rows,
                widths: [8, 60, 22, 30, 24, 26, 14, 10, 30, 24, 20, 12, 12])
        ]
        if !occurrenceRows.isEmpty {
            sheets.append(
                Workbook.Sheet(
                    name: "Hoàn thành", header: ["Mã", "Kỳ", "Ngày hoàn thành", "Ghi chú"], rows: occurrenceRows,
                    widths: [8, 14, 16, 40]))
        }
        return Workbook(sheets: sheets)
    }

    private typealias Cell = Workbook.Cell

    /// The report cadence as the Kỳ báo cáo column reads it.
    private static func label(_ cadence: ReportCadence) -> String {
        switch cadence {
        case .monthly: "Hằng tháng"
        case .quarterly: "Hằng quý"
        case .halfYearly: "6 tháng"
        case .yearly: "Hằng năm"
        }
    }
}
