import Catalogue

/// Parses TOML 1.0 into ``TOMLTable``s that remember where each key and value was written.
///
/// Written here rather than taken from a library because every configuration error must name its line
/// (`befor = [3]` on line 12 is an unknown key at line 12), and the TOML libraries available do not keep
/// positions. Local times may omit seconds (`07:30`), as TOML 1.1 allows; the time of a date-time may not.
public struct TOMLParser {
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private var lineStart = 0
    /// How many arrays and inline tables the current value is inside.
    private var depth = 0

    /// How deep arrays, inline tables and dotted keys may nest: far beyond any config or plan, and far
    /// within the stack of the recursive descent (and of the tables' teardown) in a debug build.
    public static let maximumDepth = 100

    /// Parses a document; a byte order mark is skipped only as its very first character.
    public static func parse(_ text: String) throws(TOMLError) -> TOMLTable {
        var parser = TOMLParser(bytes: Array(text.utf8))
        return try parser.document()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        lineStart = position
    }

    // MARK: Document structure

    private mutating func document() throws(TOMLError) -> TOMLTable {
        let root = TableBuilder(line: 1, column: 1, origin: .header)
        var current = root
        while true {
            skipWhitespace()
            guard let byte = peek() else { break }
            switch byte {
            case UInt8(ascii: "#"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                try endOfLine()
            case UInt8(ascii: "["):
                current = try header(root: root)
                try endOfLine()
            default:
                try keyValue(into: current)
                try endOfLine()
            }
        }
        return root.freeze()
    }

    private mutating func header(root: TableBuilder) throws(TOMLError) -> TableBuilder {
        let headerLine = line
        let headerColumn = byteColumn
        advance()
        let isArray = peek() == UInt8(ascii: "[")
        if isArray { advance() }
        skipWhitespace()
        let key = try dottedKey()
        skipWhitespace()
        try expect("]") { .headerNotClosed(array: false, found: $0) }
        if isArray { try expect("]") { .headerNotClosed(array: true, found: $0) } }

        var table = root
        for parent in key.parents {
            table = try table.descend(into: parent, line: headerLine, column: headerColumn)
        }
        let last = key.last
        if isArray {
            let element = TableBuilder(line: headerLine, column: headerColumn, origin: .header)
            switch table[last] {
            case nil:
                table.insert(last, .arrayOfTables(TableBuilder.TableList([element]), keyLine: headerLine))
            case .arrayOfTables(let list, _):
                list.tables.append(element)
            default:
                throw error(.arrayHeaderOnValue(key.dotted), headerLine, headerColumn)
            }
            return element
        }
        switch table[last] {
        case nil:
            let created = TableBuilder(line: headerLine, column: headerColumn, origin: .header)
            table.insert(last, .table(created, keyLine: headerLine))
            return created
        case .table(let existing, _) where existing.origin == .implicit:
            existing.origin = .header
            return existing
        default:
            throw error(.tableDefinedTwice(key.dotted), headerLine, headerColumn)
        }
    }

    private mutating func keyValue(into table: TableBuilder) throws(TOMLError) {
        let keyLine = line
        let keyColumn = byteColumn
        let key = try dottedKey()
        skipWhitespace()
        try expect("=") { .equalsAfterKey(key.dotted, found: $0) }
        skipWhitespace()
        let node = try value()
        var target = table
        for parent in key.parents {
            target = try target.descendForDottedKey(parent, line: keyLine, column: keyColumn)
        }
        guard !target.contains(key.last) else {
            throw error(.keyDefinedTwice(key.dotted), keyLine, keyColumn)
        }
        target.append(key.last, .value(node, keyLine: keyLine))
    }

    /// A key as written, `a.b.c`: the tables it descends through and its last part. Most keys have no
    /// dot, and then no array is made.
    private struct DottedKey {
        var parents: [String] = []
        var last: String
        var dotted: String { (parents + [last]).joined(separator: ".") }
    }

    private mutating func dottedKey() throws(TOMLError) -> DottedKey {
        var key = DottedKey(last: try simpleKey())
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: ".") else { return key }
            advance()
            skipWhitespace()
            key.parents.append(key.last)
            guard depth + key.parents.count < Self.maximumDepth else { throw error(.tooDeep(Self.maximumDepth)) }
            key.last = try simpleKey()
        }
    }

    /// One level deeper into an array or an inline table, or the error that it is too deep.
    private mutating func enter() throws(TOMLError) {
        depth += 1
        if depth > Self.maximumDepth {
            depth -= 1
            throw error(.tooDeep(Self.maximumDepth))
        }
    }

    private mutating func simpleKey() throws(TOMLError) -> String {
        switch peek() {
        case UInt8(ascii: "\""):
            if startsWith("\"\"\"") { throw error(.multilineKey) }
            return try basicString()
        case UInt8(ascii: "'"):
            if startsWith("'''") { throw error(.multilineKey) }
            return try literalString()
        default:
            let start = position
            while let byte = peek(), Self.isBareKeyByte(byte) { advance() }
            guard position > start else {
                throw error(.expectedKey)
            }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }
    }

    private mutating func endOfLine() throws(TOMLError) {
        skipWhitespace()
        if peek() == UInt8(ascii: "#") {
            while let byte = peek(), byte != UInt8(ascii: "\n") {
                // TOML 1.0: no control character but tab in a comment; a CR only as part of CRLF.
                if byte == UInt8(ascii: "\r") && peek(1) == UInt8(ascii: "\n") { break }
                if Self.isControl(byte) { throw error(.controlInComment) }
                advance()
            }
        }
        switch peek() {
        case nil: return
        case UInt8(ascii: "\n"): newline()
        case UInt8(ascii: "\r") where peek(1) == UInt8(ascii: "\n"):
            advance()
            newline()
        default:
            throw error(.expectedEndOfLine(found: next()))
        }
    }

    // MARK: Values

    private mutating func value() throws(TOMLError) -> TOMLNode {
        let valueLine = line
        let valueColumn = byteColumn
        func node(_ value: TOMLValue) -> TOMLNode { TOMLNode(value: value, line: valueLine, column: valueColumn) }
        switch peek() {
        case nil, UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "#"):
            throw error(.missingValue)
        case UInt8(ascii: "\""):
            return node(.string(startsWith("\"\"\"") ? try multilineBasicString() : try basicString()))
        case UInt8(ascii: "'"):
            return node(.string(startsWith("'''") ? try multilineLiteralString() : try literalString()))
        case UInt8(ascii: "["):
            try enter()
            defer { depth -= 1 }
            return node(.array(try array()))
        case UInt8(ascii: "{"):
            try enter()
            defer { depth -= 1 }
            return node(.table(try inlineTable()))
        default:
            if startsWith("true") && !isTokenByte(at: position + 4) {
                position += 4
                return node(.boolean(true))
            }
            if startsWith("false") && !isTokenByte(at: position + 5) {
                position += 5
                return node(.boolean(false))
            }
            return node(try scalar())
        }
    }

    private mutating func array() throws(TOMLError) -> [TOMLNode] {
        advance()
        var elements: [TOMLNode] = []
        while true {
            try skipWhitespaceCommentsAndNewlines()
            if peek() == UInt8(ascii: "]") {
                advance()
                return elements
            }
            elements.append(try value())
            try skipWhitespaceCommentsAndNewlines()
            switch peek() {
            case UInt8(ascii: ","): advance()
            case UInt8(ascii: "]"):
                advance()
                return elements
            default: throw error(.expectedInArray(found: next()))
            }
        }
    }

    private mutating func inlineTable() throws(TOMLError) -> TOMLTable {
        let table = TableBuilder(line: line, column: byteColumn, origin: .inline)
        advance()
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            advance()
            return table.freeze()
        }
        while true {
            skipWhitespace()
            try keyValue(into: table)
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): advance()
            case UInt8(ascii: "}"):
                advance()
                return table.freeze()
            default: throw error(.expectedInInlineTable(found: next()))
            }
        }
    }

    /// Numbers, dates, times, inf and nan: a run of token characters, classified by its shape.
    private mutating func scalar() throws(TOMLError) -> TOMLValue {
        let startLine = line
        let startColumn = column
        let start = position
        while isTokenByte(at: position) { advance() }
        // A date followed by a space and a time is one date-time.
        if position - start == 10, peek() == UInt8(ascii: " "), isDigit(at: position + 1), isDigit(at: position + 2),
            position + 3 < bytes.count, bytes[position + 3] == UInt8(ascii: ":")
        {
            advance()
            while isTokenByte(at: position) { advance() }
        }
        let token = String(decoding: bytes[start..<position], as: UTF8.self)
        guard !token.isEmpty else {
            throw error(.expectedValue(found: next()))
        }
        if let value = TOMLScalar.parse(token) { return value }
        throw error(.unquotedValue(token), startLine, startColumn)
    }

    // MARK: Strings

    private mutating func basicString() throws(TOMLError) -> String {
        advance()
        // Most strings have no escape: one scan, one String.
        var end = position
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: bytes[position..<end], as: UTF8.self)
                position = end + 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte == 0x7F { break }
            end += 1
        }
        var scalars = String.UnicodeScalarView()
        var run: [UInt8] = []
        while true {
            guard let byte = peek() else { throw error(.stringNotClosed(.basic)) }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
                return String(scalars)
            case UInt8(ascii: "\\"):
                scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
                run.removeAll()
                scalars.append(try escape())
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                throw error(.stringNotClosedOnLine)
            default:
                if byte < 0x20 && byte != UInt8(ascii: "\t") || byte == 0x7F {
                    throw error(.controlInString(escapable: true))
                }
                run.append(byte)
                advance()
            }
        }
    }

    private mutating func multilineBasicString() throws(TOMLError) -> String {
        position += 3
        skipOneNewline()
        var result = String.UnicodeScalarView()
        var run: [UInt8] = []
        func flush() {
            result.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
            run.removeAll()
        }
        while true {
            guard let byte = peek() else { throw error(.stringNotClosed(.multilineBasic)) }
            if startsWith("\"\"\"") {
                // Up to two quotes right before the closing delimiter belong to the string.
                var extra = 0
                while extra < 2 && position + 3 + extra < bytes.count
                    && bytes[position + 3 + extra] == UInt8(ascii: "\"")
                {
                    extra += 1
                }
                run.append(contentsOf: repeatElement(UInt8(ascii: "\""), count: extra))
                position += 3 + extra
                flush()
                return String(result)
            }
            switch byte {
            case UInt8(ascii: "\\"):
                flush()
                if lineEndingBackslash() {
                    continue
                }
                result.append(try escape())
            case UInt8(ascii: "\n"):
                run.append(byte)
                advance()
                newline(consumed: true)
            default:
                if Self.isControl(byte) && !(byte == UInt8(ascii: "\r") && peek(1) == UInt8(ascii: "\n")) {
                    throw error(.controlInString(escapable: true))
                }
                run.append(byte)
                advance()
            }
        }
    }

    /// A backslash at the end of a line in a multi-line basic string trims the newline and the
    /// whitespace after it.
    private mutating func lineEndingBackslash() -> Bool {
        var probe = position + 1
        while probe < bytes.count, bytes[probe] == UInt8(ascii: " ") || bytes[probe] == UInt8(ascii: "\t") {
            probe += 1
        }
        guard probe < bytes.count, bytes[probe] == UInt8(ascii: "\n") || bytes[probe] == UInt8(ascii: "\r") else {
            return false
        }
        position = probe
        while let byte = peek(),
            [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(byte)
        {
            advance()
            if byte == UInt8(ascii: "\n") { newline(consumed: true) }
        }
        return true
    }

    private mutating func literalString() throws(TOMLError) -> String {
        advance()
        let start = position
        while let byte = peek(), byte != UInt8(ascii: "'") {
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                throw error(.stringNotClosedOnLine)
            }
            if byte < 0x20 && byte != UInt8(ascii: "\t") || byte == 0x7F {
                throw error(.controlInString(escapable: false))
            }
            advance()
        }
        guard peek() != nil else { throw error(.stringNotClosed(.literal)) }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        advance()
        return text
    }

    private mutating func multilineLiteralString() throws(TOMLError) -> String {
        position += 3
        skipOneNewline()
        let start = position
        while !startsWith("'''") {
            guard let byte = peek() else { throw error(.stringNotClosed(.multilineLiteral)) }
            if byte != UInt8(ascii: "\n") && Self.isControl(byte)
                && !(byte == UInt8(ascii: "\r") && peek(1) == UInt8(ascii: "\n"))
            {
                throw error(.controlInString(escapable: false))
            }
            advance()
            if byte == UInt8(ascii: "\n") { newline(consumed: true) }
        }
        var end = position
        var extra = 0
        while extra < 2 && position + 3 + extra < bytes.count && bytes[position + 3 + extra] == UInt8(ascii: "'") {
            extra += 1
        }
        end += extra
        position += 3 + extra
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private mutating func escape() throws(TOMLError) -> Unicode.Scalar {
        advance()
        guard let byte = peek() else { throw error(.escapeAtEnd) }
        advance()
        switch byte {
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "e"): return "\u{1B}"
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = byte == UInt8(ascii: "u") ? 4 : 8
            guard position + count <= bytes.count,
                let code = UInt32(String(decoding: bytes[position..<position + count], as: UTF8.self), radix: 16),
                let scalar = Unicode.Scalar(code)
            else { throw error(.escapeNeedsHexDigits(String(Character(Unicode.Scalar(byte))), count: count)) }
            position += count
            return scalar
        default:
            throw error(.unknownEscape(String(Character(Unicode.Scalar(byte)))))
        }
    }

    // MARK: Reading bytes

    /// The column in characters, for messages; values keep the cheaper byte column.
    private var column: Int { String(decoding: bytes[lineStart..<position], as: UTF8.self).count + 1 }

    private var byteColumn: Int { position - lineStart + 1 }

    private func peek(_ offset: Int = 0) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private mutating func advance() { position += 1 }

    private mutating func newline(consumed: Bool = false) {
        if !consumed { position += 1 }
        line += 1
        lineStart = position
    }

    private func startsWith(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        return text.withUTF8Buffer { prefix in (0..<count).allSatisfy { bytes[position + $0] == prefix[$0] } }
    }

    private mutating func expect(_ character: Unicode.Scalar, else problem: (TOMLProblem.Found) -> TOMLProblem)
        throws(TOMLError)
    {
        guard peek() == UInt8(ascii: character) else { throw error(problem(next())) }
        advance()
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { advance() }
    }

    private mutating func skipOneNewline() {
        if peek() == UInt8(ascii: "\n") {
            newline()
        } else if peek() == UInt8(ascii: "\r") && peek(1) == UInt8(ascii: "\n") {
            advance()
            newline()
        }
    }

    private mutating func skipWhitespaceCommentsAndNewlines() throws(TOMLError) {
        while true {
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: "#"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): try endOfLine()
            default: return
            }
        }
    }

    private func isDigit(at index: Int) -> Bool {
        index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
    }

    private func isTokenByte(at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        return Self.isBareKeyByte(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: ":")
    }

    /// A control character TOML 1.0 refuses in comments and strings: U+0000–U+001F but tab, and DEL.
    /// Callers allow the line breaks their context has.
    private static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F
    }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-")
    }

    /// What comes next, for "expected …, found …".
    private func next() -> TOMLProblem.Found {
        guard let byte = peek() else { return .endOfFile }
        if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return .endOfLine }
        let rest = bytes[position..<min(bytes.count, position + 12)]
        return .text(
            String(decoding: rest, as: UTF8.self).split(separator: "\n", maxSplits: 1).first.map(String.init) ?? "")
    }

    private func error(_ problem: TOMLProblem, _ line: Int? = nil, _ column: Int? = nil) -> TOMLError {
        TOMLError(line: line ?? self.line, column: column ?? self.column, problem: problem)
    }
}
