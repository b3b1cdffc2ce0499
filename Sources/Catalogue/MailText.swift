/// What the service's own mails say — the notices to the clerk, the test message — and the small words of
/// the digests, as values: one case each, its Vietnamese in `MailText+Vietnamese.swift` and its English in
/// `MailText+English.swift`, so that a text without either does not compile.
public enum MailText: Sendable {
    /// The word between a time and a day: "07:30 ngày 14/03/2024".
    case onDay
    case administrator
    /// Before a deadline in a calendar entry: "Hạn: …".
    case deadline

    case failureSubject(digest: String)
    case failure(digest: String, destination: String, reason: String)
    case clockSubject
    case clock(ahead: String, now: String, givenBack: Int)
    case testSubject
    case test
    case rejectedSubject(errors: Int)
    /// - Parameter since: when the version that keeps serving was accepted ("07:30 ngày 14/03/2024").
    case rejected(errors: [String], since: String?)
    case zaloRefreshSubject(webhook: String)
    case zaloRefresh(webhook: String, when: String)
    case zaloQuotaSubject(webhook: String)
    case zaloQuota(webhook: String, waiting: Int, when: String)

    /// A digest's count of lines of each kind: "2 quá hạn".
    case overdueCount(Int)
    case dueTodayCount(Int)
    case dueSoonCount(Int)
    /// Where a line of a digest stands: "quá hạn 3 ngày làm việc", "đến hạn hôm nay", "còn 2 ngày".
    case daysOverdue(Int, working: Bool)
    case dueToday
    case daysLeft(Int, working: Bool)
    /// "3 kỳ quá hạn: tháng 1/2025, tháng 2/2025, tháng 3/2025".
    case periodsLate(count: Int, periods: [String])

    /// The period an occurrence of a recurring task is for: "tháng 3/2025", "quý I/2025".
    case week(Int)
    case month(Int, year: Int)
    case quarter(roman: String, year: Int)
    case half(first: Bool, year: Int)
    case year(Int)

    public func text(_ language: Language) -> String {
        switch language {
        case .vi: vietnamese
        case .en: english
        }
    }
}
