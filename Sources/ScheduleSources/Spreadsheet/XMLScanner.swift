import Catalogue

/// A small pull reader for the XML inside .xlsx files: elements, attributes, text and the five named
/// entities, character references and CDATA. No DTDs: spreadsheets do not use them, and refusing them
/// keeps entity expansion out.
struct XMLScanner {
    enum Event: Equatable {
        /// An element opens; `selfClosing` when it also ends (`<c r="A1"/>`).
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        case end(name: String)
        case text(String)
    }

    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The next event, or nil at the end of the document.
    mutating func next() throws(SpreadsheetError) -> Event? {
        while position < bytes.count {
            if bytes[position] != UInt8(ascii: "<") { return .text(try text()) }
            if starts(with: "<?") {
                try skip(past: "?>")
            } else if starts(with: "<!--") {
                try skip(past: "-->")
            } else if starts(with: "<![CDATA[") {
                position += 9
                let start = position
                try skip(past: "]]>")
                return .text(String(decoding: bytes[start..<(position - 3)], as: UTF8.self))
            } else if starts(with: "<!") {
                throw .malformed("a document type declaration, which spreadsheets do not use")
            } else if starts(with: "</") {
                position += 2
                let name = readName()
                try skip(past: ">")
                return .end(name: name)
            } else {
                return try startTag()
            }
        }
        return nil
    }

    private mutating func startTag() throws(SpreadsheetError) -> Event {
        position += 1
        let name = readName()
        var attributes: [String: String] = [:]
        while true {
            skipSpaces()
            guard position < bytes.count else { throw .malformed("a tag <\(name) is not closed") }
            if starts(with: "/>") {
                position += 2
                return .start(name: name, attributes: attributes, selfClosing: true)
            }
            if bytes[position] == UInt8(ascii: ">") {
                position += 1
                return .start(name: name, attributes: attributes, selfClosing: false)
            }
            let key = readName()
            skipSpaces()
            guard !key.isEmpty, position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
                throw .malformed("an attribute of <\(name)> has no value")
            }
            position += 1
            skipSpaces()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'")
            else {
                throw .malformed("an attribute of <\(name)> is not quoted")
            }
            let quote = bytes[position]
            position += 1
            let start = position
            while position < bytes.count && bytes[position] != quote { position += 1 }
            guard position < bytes.count else { throw .malformed("an attribute of <\(name)> is not closed") }
            attributes[key] = try Self.decodeEntities(bytes[start..<position])
            position += 1
        }
    }

    private mutating func text() throws(SpreadsheetError) -> String {
        let start = position
        while position < bytes.count && bytes[position] != UInt8(ascii: "<") { position += 1 }
        return try Self.decodeEntities(bytes[start..<position])
    }

    /// A name without its namespace prefix: `x:row` is `row`.
    private mutating func readName() -> String {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
                || byte == UInt8(ascii: "=")
                || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
            {
                break
            }
            position += 1
        }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        if let colon = name.lastIndex(of: ":"), !name.hasPrefix("xmlns") {
            return String(name[name.index(after: colon)...])
        }
        return name
    }

    private mutating func skipSpaces() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    private func starts(with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        return text.withUTF8Buffer { prefix in (0..<count).allSatisfy { bytes[position + $0] == prefix[$0] } }
    }

    private mutating func skip(past terminator: StaticString) throws(SpreadsheetError) {
        while position < bytes.count {
            if starts(with: terminator) {
                position += terminator.utf8CodeUnitCount
                return
            }
            position += 1
        }
        throw .malformed("the document ends inside a tag")
    }

    static func decodeEntities(_ slice: ArraySlice<UInt8>) throws(SpreadsheetError) -> String {
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        var result = String.UnicodeScalarView()
        var index = slice.startIndex
        var run: [UInt8] = []
        while index < slice.endIndex {
            let byte = slice[index]
            guard byte == UInt8(ascii: "&") else {
                run.append(byte)
                index += 1
                continue
            }
            result.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
            run.removeAll()
            guard let semicolon = slice[index...].firstIndex(of: UInt8(ascii: ";")), semicolon - index <= 12 else {
                throw .malformed("a stray & in the text")
            }
            let entity = String(decoding: slice[(index + 1)..<semicolon], as: UTF8.self)
            let named: [String: Unicode.Scalar] = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'"]
            if let scalar = named[entity] {
                result.append(scalar)
            } else if entity.hasPrefix("#"),
                let code = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16) : UInt32(entity.dropFirst()),
                let scalar = Unicode.Scalar(code)
            {
                result.append(scalar)
            } else {
                throw .malformed("an unknown entity &\(entity);")
            }
            index = semicolon + 1
        }
        result.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
        return String(result)
    }
}
