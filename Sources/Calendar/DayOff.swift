/// A day on which a public office is closed other than an ordinary weekend, and why.
public struct DayOff: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A public holiday of the Labor Code 2019, art. 112 (ngày lễ).
        case holiday
        /// A day of the Tết Nguyên đán break, as fixed for the year.
        case tet
        /// A working day given off because a holiday fell on a weekly day off (nghỉ bù, art. 111.3).
        case compensatory
        /// A weekday off against a Saturday worked (hoán đổi ngày làm việc).
        case swapped
        /// A day off added by a decision the office configured (for example 24/11, Ngày Văn hóa Việt Nam).
        case decision
    }

    public let date: CivilDate
    /// The reason as the office would write it, in Vietnamese: "Tết Nguyên đán Giáp Thìn".
    public let reason: String
    public let kind: Kind
    /// Who decided it: the law's article, the published decision with its number, the office's config,
    /// or the rule for a year whose schedule is not announced.
    public let source: String

    public init(date: CivilDate, reason: String, kind: Kind, source: String) {
        self.date = date
        self.reason = reason
        self.kind = kind
        self.source = source
    }
}

/// A day worked although the rules would give it off: usually a Saturday worked against a weekday given
/// off (làm bù).
public struct WorkedDay: Hashable, Sendable {
    public let date: CivilDate
    public let reason: String
    /// Who decided it, as for ``DayOff/source``.
    public let source: String

    public init(date: CivilDate, reason: String, source: String) {
        self.date = date
        self.reason = reason
        self.source = source
    }
}
