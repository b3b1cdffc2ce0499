import Model
import WorkingCalendar

/// A mail of `[summary]` that goes out beside the reminders on a send day.
public enum SummaryMail: Hashable, Sendable {
    /// The periodic report over `period`, as it stands on the day.
    case report(Period)
    /// The clerk's list of overdue tasks.
    case overdueList
}

/// When the mails of `[summary]` go out: the periodic report on the report day (the working day before
/// it when that is off), and the clerk's overdue list every working day or on the first working day of
/// each week. Pure, so that every day of a year can be checked.
public enum SummarySchedule {
    /// The summary mails due on `day`, the report first; none on a day off.
    public static func mails(on day: CivilDate, settings: SummarySettings, calendar: WorkingCalendar) -> [SummaryMail] {
        guard calendar.isWorkingDay(day) else { return [] }
        var mails: [SummaryMail] = []
        if let reportDay = settings.reportDay {
            let nominal = CivilDate(
                year: day.year, month: day.month,
                day: min(reportDay, CivilDate.daysIn(month: day.month, year: day.year)))!
            if calendar.workingDay(onOrBefore: nominal) == day {
                mails.append(.report(Period(containing: day, length: settings.reportPeriod)))
            }
        }
        switch settings.overdueList {
        case .daily: mails.append(.overdueList)
        case .weekly where calendar.isFirstWorkingDayOfWeek(day): mails.append(.overdueList)
        case .weekly, .none: break
        }
        return mails
    }
}
