import Model
import WorkingCalendar

extension DeadlinePhrase {
    /// A task's deadline as its plan writes it: the text read (an ISO date for a date cell), else the
    /// phrase its fields read back as.
    public static func written(_ task: PlanTask) -> String {
        task.deadlineText ?? written(task.deadline, finishBefore: task.finishBefore)
    }

    /// A deadline written as a phrase that ``read(_:planYear:)`` reads back as the same deadline: for the
    /// clerk's working copy of a plan whose deadline was given as fields (TOML `every`), not as text.
    /// A recurrence narrower than the plan's year (`from`, `until`) is written for the whole year.
    public static func written(_ deadline: Deadline, finishBefore: Bool) -> String {
        switch deadline {
        case .date(let date): return (finishBefore ? "Trước " : "") + date.vietnamese
        case .periodEnd(let period): return period.label
        case .beforeTet(let year): return "Trước Tết Nguyên đán \(year)"
        case .ongoing: return "Thường xuyên"
        case .noFixedDeadline: return "Chưa có thời hạn cụ thể"
        case .recurring(let recurrence) where recurrence.isYearRange:
            return "\(recurrence.start.year) - \(recurrence.end.year)"
        case .recurring(let recurrence):
            let before = finishBefore ? "trước " : ""
            switch recurrence.frequency {
            case .weekly(let weekday): return "\(weekday.vietnamese) hằng tuần"
            case .monthly(let day): return day.map { "Hằng tháng, \(before)ngày \($0)" } ?? "Hằng tháng"
            case .quarterly(let day): return day.map { "Hằng quý, \(before)ngày \($0)" } ?? "Hằng quý"
            case .halfYearly(let day): return day.map { "Hằng 6 tháng, \(before)ngày \($0)" } ?? "Hằng 6 tháng"
            case .yearly(let month, let day): return "Hằng năm, \(before)ngày \(day)/\(month)"
            }
        }
    }
}
