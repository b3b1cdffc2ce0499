/// Days off and working days added by decision, beyond the law and the published schedules: what the
/// office writes under `[calendar]` in its config.
///
/// They are taken exactly as written: a day off added on a weekend earns no compensatory day, and a
/// working day removes whatever day off the rules gave that date.
public struct CalendarAdjustments: Hashable, Sendable {
    public var daysOff: [DayOff]
    public var workingDays: [WorkedDay]

    /// - Parameter source: where the office wrote them, as `calendar YEAR` names it (`nhacviec.toml`).
    public init(
        daysOff: [(date: CivilDate, reason: String)] = [], workingDays: [(date: CivilDate, reason: String)] = [],
        source: String = "cấu hình"
    ) {
        self.daysOff = daysOff.map { DayOff(date: $0.date, reason: $0.reason, kind: .decision, source: source) }
        self.workingDays = workingDays.map { WorkedDay(date: $0.date, reason: $0.reason, source: source) }
    }

    public static let none = CalendarAdjustments()
}
