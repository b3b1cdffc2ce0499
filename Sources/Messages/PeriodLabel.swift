import Catalogue
import Model
import Planner
import WorkingCalendar

/// The period an occurrence of a recurring task is for, as a mail names it: "tháng 3/2025", "quý I/2025",
/// "tuần 12", "6 tháng đầu năm 2025", "năm 2025".
enum PeriodLabel {
    static func of(_ occurrence: Occurrence, language: Language) -> String? {
        guard case .recurring(let recurrence) = occurrence.task.deadline, let nominal = occurrence.nominalDeadline
        else { return nil }
        let year = nominal.year
        let label: MailText =
            switch recurrence.frequency {
            case .weekly: .week(isoWeek(of: nominal))
            case .monthly: .month(nominal.month, year: year)
            case .quarterly: .quarter(roman: ["I", "II", "III", "IV"][(nominal.month - 1) / 3], year: year)
            case .halfYearly: .half(first: nominal.month <= 6, year: year)
            case .yearly: .year(year)
            }
        return label.text(language)
    }

    /// The ISO 8601 week number: the week (Monday to Sunday) that holds the date's Thursday.
    static func isoWeek(of date: CivilDate) -> Int {
        let thursday = date.adding(days: 3 - date.weekday.rawValue)
        let firstDay = CivilDate(year: thursday.year, month: 1, day: 1)!
        return firstDay.days(to: thursday) / 7 + 1
    }
}
