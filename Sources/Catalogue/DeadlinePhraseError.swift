/// Why a deadline phrase ("Quý I/2024", "Hằng tháng, trước ngày 20") cannot be read.
public enum DeadlinePhraseError: Error, Hashable, Sendable, CustomStringConvertible {
    case empty
    case unreadable(String, suggestion: String?)
    case noSuchQuarter(Int)
    case noSuchMonth(Int)
    case noSuchDayOfMonth(Int)
    /// A day that the calendar does not have, as "day/month/year".
    case noSuchDate(String)
    case unsupportedYear(Int, lower: Int, upper: Int)

    public var description: String { Message.deadline(self).text(.en) }
}
