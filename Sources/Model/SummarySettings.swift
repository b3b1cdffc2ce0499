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
    /// Who receives it, as the config names them; nil for the default, ``readers(clerk:schedule:)``.
    public let reportTo: [OfficialID]?
    /// The clerk's list of overdue tasks: every working day, or the first working day of each week.
    public let overdueList: OverdueList

    public init(
        reportDay: Int? = nil, reportPeriod: Period.Length = .month, reportTo: [OfficialID]? = nil,
        overdueList: OverdueList = .none
    ) {
        self.reportDay = reportDay
        self.reportPeriod = reportPeriod
        self.reportTo = reportTo
        self.overdueList = overdueList
    }

    /// Who receives the report: those the config names, or else the clerk and the leaders: the top
    /// official and every official named as a task's lead (lãnh đạo chỉ đạo), in the directory's order.
    public func readers(clerk: OfficialID?, schedule: Schedule) -> [OfficialID] {
        if let reportTo { return reportTo }
        let leads = Set(schedule.tasks.compactMap(\.lead))
        let leaders = schedule.directory.officials.filter { $0.isTop || leads.contains($0.id) }.map(\.id)
        return (clerk.map { [$0] } ?? []) + leaders.filter { $0 != clerk }
    }
}
