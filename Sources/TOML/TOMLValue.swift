import Catalogue

/// A TOML value with the place it was written, so that every error about it can name its line.
/// A plan holds hundreds of thousands of these, so the place is stored in 32 bits each.
public struct TOMLNode: Sendable {
    public let value: TOMLValue
    private let storedLine: Int32
    private let storedColumn: Int32

    public init(value: TOMLValue, line: Int, column: Int) {
        self.value = value
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    /// 1-based line of the value's first character, and its column in bytes.
    public var line: Int { Int(storedLine) }
    public var column: Int { Int(storedColumn) }
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
    public var kind: ValueKind {
        switch self {
        case .string: .string
        case .integer: .integer
        case .float: .float
        case .boolean: .boolean
        case .date: .date
        case .time: .time
        case .dateTime: .dateTime
        case .array: .array
        case .table: .table
        }
    }
}

/// A date as written (the parser checks it exists); stored small, as plans hold many.
public struct TOMLDate: Hashable, Sendable {
    private let storedYear: Int16
    private let storedMonth: UInt8
    private let storedDay: UInt8

    /// - Parameter year: 0 to 9999, the years TOML writes.
    public init(year: Int, month: Int, day: Int) {
        storedYear = Int16(clamping: year)
        storedMonth = UInt8(clamping: month)
        storedDay = UInt8(clamping: day)
    }

    public var year: Int { Int(storedYear) }
    public var month: Int { Int(storedMonth) }
    public var day: Int { Int(storedDay) }
}

public struct TOMLTime: Hashable, Sendable {
    private let storedHour: UInt8
    private let storedMinute: UInt8
    private let storedSecond: UInt8

    public init(hour: Int, minute: Int, second: Int) {
        storedHour = UInt8(clamping: hour)
        storedMinute = UInt8(clamping: minute)
        storedSecond = UInt8(clamping: second)
    }

    public var hour: Int { Int(storedHour) }
    public var minute: Int { Int(storedMinute) }
    public var second: Int { Int(storedSecond) }
}

/// A table: its entries in the order they were written, with the line of each key.
public struct TOMLTable: Sendable {
    public struct Entry: Sendable {
        public let key: String
        private let storedKeyLine: Int32
        public let node: TOMLNode

        public init(key: String, keyLine: Int, node: TOMLNode) {
            self.key = key
            storedKeyLine = Int32(clamping: keyLine)
            self.node = node
        }

        /// Where the key was written (for a table defined by a header, the header's line).
        public var keyLine: Int { Int(storedKeyLine) }
    }

    public let entries: [Entry]

    public subscript(key: String) -> Entry? { position(of: key).map { entries[$0] } }

    /// Where `key` is among the entries.
    public func position(of key: String) -> Int? {
        entries.firstIndex { isSameKey($0.key, key) }
    }
}

/// Two keys compared as TOML compares them: by their exact characters, so that a key written in NFC and
/// the same key in NFD are two keys (TOML does not normalise). Lengths first, as most keys of a table
/// differ in length and comparing their bytes is slower.
func isSameKey(_ a: String, _ b: String) -> Bool {
    a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
}

/// A key in a table's index, hashed and compared as ``isSameKey(_:_:)`` compares (a `String` key would
/// compare NFC and NFD as equal).
struct ExactKey: Hashable {
    let text: String

    static func == (a: ExactKey, b: ExactKey) -> Bool { isSameKey(a.text, b.text) }

    func hash(into hasher: inout Hasher) {
        for byte in text.utf8 { hasher.combine(byte) }
    }
}
