/// A name that does not lead to exactly one official or unit.
public enum NameError: Error, Hashable, Sendable, CustomStringConvertible {
    case empty
    case unknown(String, suggestion: String?)
    case ambiguous(String, candidates: [String])
    case notAnOfficial(String, unit: String)

    public var description: String { Message.name(self).text(.en) }
}
