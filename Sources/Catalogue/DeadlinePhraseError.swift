/// Why a deadline phrase ("Quý I/2024", "Hằng tháng, trước ngày 20") cannot be read.
public enum DeadlinePhraseError: Error, Hashable, Sendable, CustomStringConvertible {
    case empty
    /// A phrase not understood, with a spelling that reads when there is one, and examples in the plan's
    /// year, nearest to what was written first.
    case unreadable(String, suggestion: String?, examples: [String])
    /// A phrase that reads, but names what the calendar does not have: the phrase, and what.
    indirect case inPhrase(String, DeadlinePhraseError)
    case noSuchQuarter(Int)
    case noSuchMonth(Int)
    case noSuchDayOfMonth(Int)
    /// A day that the calendar does not have, as "day/month/year".
    case noSuchDate(String)
    case unsupportedYear(Int, lower: Int, upper: Int)

    public var description: String { Message.deadline(self).text(.en) }
}
