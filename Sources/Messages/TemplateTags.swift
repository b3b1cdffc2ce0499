import Foundation

/// What a Mustache template includes and how deep its sections nest, read before the template engine
/// sees it: a partial that includes itself (directly or through another) would recurse until the stack
/// overflows at the first send, and a missing one would render as nothing.
struct TemplateTags {
    /// A `{{> name}}` tag and the line it is on.
    struct Partial {
        let name: String
        let line: Int
    }

    private(set) var partials: [Partial] = []
    /// Where sections (`{{#…}}`, `{{^…}}`) first nest 1, 2, 3… deep: the line of each depth's first tag.
    private(set) var linesReachingDepth: [Int] = []

    /// Reads the tags of `text`, following `{{=<% %>=}}` changes of delimiters as Mustache does.
    init(_ text: String) {
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)
        let bytes = Array(text.utf8)
        var position = 0
        var line = 1
        var depth = 0
        func starts(_ delimiter: [UInt8], at index: Int) -> Bool {
            index + delimiter.count <= bytes.count && Array(bytes[index..<index + delimiter.count]) == delimiter
        }
        while position < bytes.count {
            guard starts(open, at: position) else {
                if bytes[position] == UInt8(ascii: "\n") { line += 1 }
                position += 1
                continue
            }
            let start = position + open.count
            var end = start
            while end < bytes.count && !starts(close, at: end) { end += 1 }
            guard end < bytes.count else { break }
            var content = String(decoding: bytes[start..<end], as: UTF8.self)
            let tagLine = line
            line += content.filter { $0 == "\n" }.count
            position = end + close.count
            if content.hasPrefix("{"), position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1 }
            content = content.trimmingCharacters(in: .whitespacesAndNewlines)
            switch content.first {
            case ">":
                partials.append(
                    Partial(name: content.dropFirst().trimmingCharacters(in: .whitespacesAndNewlines), line: tagLine))
            case "#", "^":
                depth += 1
                if depth > linesReachingDepth.count { linesReachingDepth.append(tagLine) }
            case "/":
                depth = max(0, depth - 1)
            case "=" where content.count > 2 && content.hasSuffix("="):
                let parts = content.dropFirst().dropLast().split(whereSeparator: \.isWhitespace)
                if parts.count == 2 { (open, close) = (Array(parts[0].utf8), Array(parts[1].utf8)) }
            default:
                break
            }
        }
    }
}
