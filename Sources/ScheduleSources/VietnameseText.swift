import Foundation

/// How names, headers and deadline phrases written by people are compared.
///
/// Spreadsheets and Word often hold decomposed (NFD) text, and clerks type with or without diacritics,
/// so text is compared after NFC normalisation and case folding, and where docs/config.md says so, with the
/// diacritics removed too.
public enum VietnameseText {
    /// NFC, lower case, single spaces, trimmed: "  Nguyễn  Văn LÂM " → "nguyễn văn lâm".
    public static func normalized(_ text: String) -> String {
        collapseSpaces(nfc(text).lowercased())
    }

    /// Text in NFC. Text whose every scalar is below U+0300 or a precomposed letter of U+1E00–U+1EFF (most
    /// Vietnamese as typed) holds no combining mark and nothing that composes or decomposes alone, so it
    /// is NFC already; only other text goes through Foundation's normalisation, which is slow.
    static func nfc(_ text: String) -> String {
        let composed = text.unicodeScalars.allSatisfy { $0.value < 0x300 || (0x1E00..<0x1F00).contains($0.value) }
        return composed ? text : text.precomposedStringWithCanonicalMapping
    }

    /// `normalized` without diacritics, đ as d: "Quý I/2024" → "quy i/2024", "Hằng tháng" → "hang thang".
    public static func folded(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            switch scalar {
            case "đ": scalars.append("d")
            case _ where scalar.properties.generalCategory == .nonspacingMark: continue
            default: scalars.append(scalar)
            }
        }
        return collapseSpaces(String(scalars))
    }

    static func collapseSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Edit distance between two strings, by characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidate closest to `text`, when it is close enough to be the likely intent.
    public static func closest(to text: String, among candidates: [String]) -> String? {
        let target = folded(text)
        let scored = candidates.map { ($0, distance(target, folded($0))) }.min { $0.1 < $1.1 }
        guard let (best, score) = scored else { return nil }
        return score <= max(2, target.count / 3) ? best : nil
    }
}
