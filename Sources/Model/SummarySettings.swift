/// `[summary]`: the mails beside the reminders: the periodic report, and the clerk's overdue list.
public struct SummarySettings: Sendable {
    public enum OverdueList: String, Sendable, CaseIterable {
        case daily, weekly, none
    }

    /// The day of the month the periodic report goes out (the working day before it when it is off);
    /// nil for none. "decree09" in the config is the 14th, the cut-off of Decree 09's data periods.
    public let reportDay: Int?
    /// How long a stretch the report covers: the month so far, or the quarter, half-year or year.
    public let reportPeriod: Period.Length
    /// Who receives it: the clerk and the leaders, by default.
    public let reportTo: [OfficialID]
    /// The clerk's list of overdue tasks: every working day, or the first working day of each week.
    public let overdueList: OverdueList

    public init(
        reportDay: Int? = nil, reportPeriod: Period.Length = .month, reportTo: [OfficialID] = [],
        overdueList: OverdueList = .none
    ) {
        self.reportDay = reportDay
        self.reportPeriod = reportPeriod
        self.reportTo = reportTo
        self.overdueList = overdueList
    }
}
