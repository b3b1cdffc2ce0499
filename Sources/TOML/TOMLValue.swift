/// A TOML value with the place it was written, so that every error about it can name its line.
public struct TOMLNode: Sendable {
    public let value: TOMLValue
    /// 1-based line of the value's first character, and its column in bytes.
    public let line: Int
    public let column: Int
}

public enum TOMLValue: Sendable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    /// A local date, `2024-03-31`.
    case date(TOMLDate)
    /// A local time, `07:30` or `07:30:00`.
    case time(TOMLTime)
    /// A date and a time, with an offset in minutes when one is written.
    case dateTime(TOMLDate, TOMLTime, offsetMinutes: Int?)
    case array([TOMLNode])
    case table(TOMLTable)

    /// The kind of value, as an error message names it: "a string", "an array".
    public var kindName: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a float"
        case .boolean: "a boolean"
        case .date: "a date"
        case .time: "a time"
        case .dateTime: "a date-time"
        case .array: "an array"
        case .table: "a table"
        }
    }
}

public struct TOMLDate: Hashable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int
}

public struct TOMLTime: Hashable, Sendable {
    public let hour: Int
    public let minute: Int
    public let second: Int
}

/// A table: its entries in the order they were written, with the line of each key.
public struct TOMLTable: Sendable {
    public struct Entry: Sendable {
        public let key: String
        /// Where the key was written (for a table defined by a header, the header's line).
        public let keyLine: Int
        public let node: TOMLNode
    }

    public let entries: [Entry]

    public subscript(key: String) -> Entry? { position(of: key).map { entries[$0] } }

    /// Where `key` is among the entries. Lengths are compared first: most keys of a table differ in
    /// length, and comparing their text is slower.
    public func position(of key: String) -> Int? {
        let length = key.utf8.count
        return entries.firstIndex { $0.key.utf8.count == length && $0.key == key }
    }
}
