import Foundation

/// An email address as SMTP carries it (RFC 5321 §4.1.2 `Mailbox`): a dot-atom or quoted local part,
/// `@`, and a domain of letter-digit-hyphen labels or an address literal, in printable ASCII, within
/// the lengths of §4.5.3.1. Anything else (a space, a control character, a second `@`) is refused
/// before it can reach an envelope or a header.
public enum EmailAddress {
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count <= 254, let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        return (1...64).contains(local.count) && (isDotAtom(local) || isQuoted(local)) && isDomain(domain)
    }

    /// The display name and address of `Name <address>` (the name unquoted), or of a bare address. Only a
    /// mailbox that ends with its `>` has a name: `A <a@x.example>, b@x.example` is one address, and
    /// not a valid one.
    public static func split(_ mailbox: String) -> (name: String?, address: String) {
        guard mailbox.hasSuffix(">"), let open = mailbox.lastIndex(of: "<") else {
            return (nil, mailbox.trimmingCharacters(in: .whitespaces))
        }
        let name = mailbox[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(
            in: CharacterSet(charactersIn: "\""))
        return (
            name.isEmpty ? nil : name,
            String(mailbox[mailbox.index(after: open)..<mailbox.index(before: mailbox.endIndex)])
        )
    }

    /// RFC 5322 `atext`.
    private static func isAtext(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || Array("!#$%&'*+-/=?^_`{|}~".utf8).contains(byte)
    }

    private static func isLetterDigitHyphen(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
            || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isDotAtom(_ bytes: ArraySlice<UInt8>) -> Bool {
        let atoms = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return atoms.allSatisfy { !$0.isEmpty && $0.allSatisfy(isAtext) }
    }

    /// `"…"` with printable characters, `\` escaping one of them.
    private static func isQuoted(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count >= 2, bytes.first == UInt8(ascii: "\""), bytes.last == UInt8(ascii: "\"") else {
            return false
        }
        var escaped = false
        for byte in bytes.dropFirst().dropLast() {
            guard byte >= 0x20 && byte <= 0x7E else { return false }
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                return false
            }
        }
        return !escaped
    }

    private static func isDomain(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard (1...253).contains(bytes.count) else { return false }
        if bytes.first == UInt8(ascii: "[") {
            return bytes.last == UInt8(ascii: "]")
                && bytes.dropFirst().dropLast().allSatisfy {
                    $0 >= 0x21 && $0 <= 0x7E && !Array("[]\\".utf8).contains($0)
                }
        }
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        // One label is a typo in an office's address, except the machine itself.
        return (labels.count >= 2 || Array(bytes) == Array("localhost".utf8))
            && labels.allSatisfy { label in
                (1...63).contains(label.count) && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
                    && label.allSatisfy(isLetterDigitHyphen)
            }
    }
}
