import Catalogue
import Model
import TOML
import WorkingCalendar

/// Reads one TOML table into typed values, reporting a wrong type at its line and, at ``finish()``,
/// every key nobody asked for: a typo such as `befor = [3]` is an error, never a silent default.
struct TableReader {
    let table: TOMLTable
    let file: String
    /// The dotted path of the table: "" for the top level, "reminders.focus", "task".
    let path: String
    /// The table as messages name it: "[reminders]", "[[task]] 2.1.1".
    var place: TablePlace
    let line: Int
    let log: DiagnosticLog
    /// Which of the table's entries were asked for, by position.
    private var used: [Bool]

    /// The top level of a file.
    init(root table: TOMLTable, file: String, log: DiagnosticLog) {
        self.init(table, file: file, path: "", place: .topLevel, line: 1, log: log)
    }

    private init(_ table: TOMLTable, file: String, path: String, place: TablePlace, line: Int, log: DiagnosticLog) {
        self.table = table
        self.file = file
        self.path = path
        self.place = place
        self.line = line
        self.log = log
        used = Array(repeating: false, count: table.entries.count)
    }

    func location(_ line: Int?) -> SourceLocation { SourceLocation(file: file, line: line ?? self.line) }

    func location(of key: String) -> SourceLocation { location(table[key]?.keyLine) }

    func has(_ key: String) -> Bool { table[key] != nil }

    /// Reports the keys that were never read, with the closest known key when there is one. A known key
    /// left unread (its table was given up at an earlier error, an official without an id) is no error of
    /// its own: never `unknown key "aliases" (did you mean "aliases"?)`.
    func finish(known: [String]) {
        for (entry, used) in zip(table.entries, used) where !used && !known.contains(entry.key) {
            let suggestion = VietnameseText.closest(to: entry.key, among: known)
            log.add(
                location(entry.keyLine), .unknownKey(entry.key, in: place),
                hint: suggestion.map { .didYouMean($0) } ?? .knownKeys(known))
        }
    }

    private mutating func node(_ key: String, required: Bool) -> TOMLNode? {
        guard let position = table.position(of: key) else {
            if required { log.add(location(nil), .missingKey(key, in: place)) }
            return nil
        }
        used[position] = true
        return table.entries[position].node
    }

    private func wrongType(_ key: String, _ node: TOMLNode, expected: Expected) {
        log.add(location(node.line), .wrongType(key, in: place, expected: expected, found: node.value.kind))
    }

    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let node = node(key, required: required) else { return nil }
        guard case .string(let text) = node.value else {
            wrongType(key, node, expected: .string)
            return nil
        }
        return text
    }

    mutating func integer(_ key: String, required: Bool = false, range: ClosedRange<Int>? = nil) -> Int? {
        guard let node = node(key, required: required) else { return nil }
        guard case .integer(let value) = node.value else {
            wrongType(key, node, expected: .integer)
            return nil
        }
        if let range, !range.contains(value) {
            log.add(
                location(node.line),
                .outOfRange(key, in: place, lower: range.lowerBound, upper: range.upperBound, found: value))
            return nil
        }
        return value
    }

    mutating func boolean(_ key: String) -> Bool? {
        guard let node = node(key, required: false) else { return nil }
        guard case .boolean(let value) = node.value else {
            wrongType(key, node, expected: .boolean)
            return nil
        }
        return value
    }

    mutating func date(_ key: String, required: Bool = false) -> CivilDate? {
        guard let node = node(key, required: required) else { return nil }
        return Self.date(node)
            ?? {
                wrongType(key, node, expected: .date)
                return nil
            }()
    }

    static func date(_ node: TOMLNode) -> CivilDate? {
        guard case .date(let date) = node.value else { return nil }
        return CivilDate(year: date.year, month: date.month, day: date.day)
    }

    /// A string or an array of strings, as lists of names are written either way.
    mutating func strings(_ key: String, required: Bool = false) -> [String]? {
        guard let node = node(key, required: required) else { return nil }
        switch node.value {
        case .string(let text):
            return [text]
        case .array(let items):
            var texts: [String] = []
            for item in items {
                guard case .string(let text) = item.value else {
                    wrongType(key, item, expected: .strings)
                    return nil
                }
                texts.append(text)
            }
            return texts
        default:
            wrongType(key, node, expected: .stringOrStrings)
            return nil
        }
    }

    mutating func integers(_ key: String, range: ClosedRange<Int>) -> [Int]? {
        guard let node = node(key, required: false) else { return nil }
        guard case .array(let items) = node.value else {
            wrongType(key, node, expected: .integers)
            return nil
        }
        var values: [Int] = []
        for item in items {
            guard case .integer(let value) = item.value, range.contains(value) else {
                log.add(
                    location(item.line),
                    .notWholeNumbers(key, in: place, lower: range.lowerBound, upper: range.upperBound))
                return nil
            }
            values.append(value)
        }
        return values
    }

    /// One of a fixed set of words.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, _: Choice.Type) -> Choice?
    where Choice.RawValue == String {
        guard let text = string(key) else { return nil }
        if let choice = Choice(rawValue: text) { return choice }
        log.add(location(of: key), .notOneOf(key, in: place, choices: Choice.allCases.map(\.rawValue), found: text))
        return nil
    }

    /// A sub-table.
    mutating func table(_ key: String) -> TableReader? {
        guard let node = node(key, required: false) else { return nil }
        guard case .table(let table) = node.value else {
            wrongType(key, node, expected: .table)
            return nil
        }
        let path = qualified(key)
        return TableReader(table, file: file, path: path, place: .table("[\(path)]"), line: node.line, log: log)
    }

    /// An array of tables, `[[key]]` or `key = [{ … }]`.
    mutating func tables(_ key: String) -> [TableReader] {
        guard let node = node(key, required: false) else { return [] }
        guard case .array(let items) = node.value else {
            wrongType(key, node, expected: .tables)
            return []
        }
        var readers: [TableReader] = []
        for item in items {
            guard case .table(let table) = item.value else {
                wrongType(key, item, expected: .table)
                continue
            }
            let path = qualified(key)
            readers.append(
                TableReader(table, file: file, path: path, place: .table("[[\(path)]]"), line: item.line, log: log))
        }
        return readers
    }

    /// The raw node of a key that may take several shapes (a deadline is a date or a phrase).
    mutating func raw(_ key: String) -> TOMLNode? { node(key, required: false) }

    private func qualified(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}
