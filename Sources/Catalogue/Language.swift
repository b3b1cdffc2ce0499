/// The language of the officials' mail and messages (`[email] language`): Vietnamese unless the office
/// asks for English.
public enum Language: String, Sendable, CaseIterable {
    case vi, en
}
