import Foundation

/// Header text as RFC 5322 and RFC 2047 want it: one line (no CR or LF from data ever reaches a header),
/// non-ASCII as `=?UTF-8?B?…?=` encoded words of at most 75 characters, folded onto continuation lines.
enum HeaderText {
    /// Removes line breaks and other control characters from text bound for a header.
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// A header field, `Name: value`, with the value encoded where it is not plain ASCII and folded at 78
    /// columns. Returns the lines joined by CRLF and a space.
    static func field(_ name: String, _ value: String) -> String {
        let clean = oneLine(value)
        if clean.unicodeScalars.allSatisfy({ $0.isASCII }) && clean.count + name.count + 2 <= 78 {
            return "\(name): \(clean)"
        }
        if clean.unicodeScalars.allSatisfy({ $0.isASCII }) {
            return fold(name, words: clean.split(separator: " ").map(String.init))
        }
        return fold(name, words: encodedWords(clean))
    }

    /// A mailbox header (From, To): the display name encoded, the address kept plain.
    static func mailbox(_ name: String, displayName: String?, address: String) -> String {
        let address = oneLine(address).filter { $0 != "<" && $0 != ">" && $0 != " " }
        guard let displayName = displayName.map(oneLine), !displayName.isEmpty else { return "\(name): <\(address)>" }
        let words: [String]
        if displayName.unicodeScalars.allSatisfy({ $0.isASCII && $0 != "\"" && $0 != "\\" }) {
            words = ["\"\(displayName)\""]
        } else {
            words = encodedWords(displayName)
        }
        return fold(name, words: words + ["<\(address)>"])
    }

    /// Base64 encoded words of whole characters, each at most 75 characters long.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        // 39 bytes make 52 base64 characters, a 64-character word: with "Subject: " before it, a line
        // stays within 78 columns (RFC 5322) and the word within 75 (RFC 2047).
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 39 {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ bytes: [UInt8]) -> String { "=?UTF-8?B?\(Base64.encode(bytes))?=" }

    /// Lays words onto lines of at most 78 characters, continuation lines starting with a space.
    private static func fold(_ name: String, words: [String]) -> String {
        var lines: [String] = []
        var line = "\(name):"
        for word in words {
            if line.count + 1 + word.count > 78 && line != "\(name):" {
                lines.append(line)
                line = ""
            }
            line += " " + word
        }
        lines.append(line)
        return lines.joined(separator: "\r\n")
    }
}

enum Base64 {
    static func encode(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }

    /// Base64 in lines of 76 characters, for MIME bodies.
    static func lines(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
    }
}
