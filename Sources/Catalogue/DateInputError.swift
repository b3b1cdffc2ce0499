/// A date typed by a person that cannot be read, with the words to show them.
public enum DateInputError: Error, Hashable, Sendable, CustomStringConvertible {
    case notADate(String)
    /// `daysInMonth` is nil when the month itself does not exist.
    case noSuchDay(String, month: Int, year: Int, daysInMonth: Int?)

    public var description: String { Message.date(self).text(.en) }
}
