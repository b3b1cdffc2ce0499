/// Why a TOML document cannot be read (its place is ``TOML/TOMLError``'s).
public enum TOMLProblem: Hashable, Sendable {
    /// What the parser found instead of what it expected.
    public enum Found: Hashable, Sendable {
        case endOfFile
        case endOfLine
        case text(String)
    }

    /// The string kinds, for "not closed with …".
    public enum StringKind: Hashable, Sendable {
        case basic, literal, multilineBasic, multilineLiteral
    }

    case headerNotClosed(array: Bool, found: Found)
    case arrayHeaderOnValue(String)
    case tableDefinedTwice(String)
    case keyDefinedTwice(String)
    case equalsAfterKey(String, found: Found)
    case multilineKey
    case expectedKey
    case controlInComment
    case expectedEndOfLine(found: Found)
    case missingValue
    case expectedInArray(found: Found)
    case expectedInInlineTable(found: Found)
    case expectedValue(found: Found)
    case unquotedValue(String)
    case stringNotClosed(StringKind)
    case stringNotClosedOnLine
    case controlInString(escapable: Bool)
    case escapeAtEnd
    case escapeNeedsHexDigits(String, count: Int)
    case unknownEscape(String)
    case alreadyAValue(String, kind: ValueKind, line: Int)
    case tableAlreadyDefined(String, line: Int)
    case arrayOfTablesNotTable(String)
    /// Arrays, inline tables and dotted keys nested deeper than the limit.
    case tooDeep(Int)
}
