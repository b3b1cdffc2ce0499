/// The English words left in a text meant to be Vietnamese, after what is quoted as the clerk wrote it
/// ("…"), keys of the config (`send_time`, `[reminders]`, `clerk:`), paths, URLs and numbers are set aside.
///
/// A Vietnamese message that still says "must", "cannot" or "or" has a sentence the catalogue missed.
public func englishWords(in text: String) -> [String] {
    var unquoted = ""
    var inQuote = false
    for character in text {
        if character == "\"" {
            inQuote.toggle()
        } else if !inQuote {
            unquoted.append(character)
        }
    }
    let keyCharacters = "_/.:-[]"
    let words = unquoted.split { !$0.isLetter && !$0.isNumber && !keyCharacters.contains($0) }
    return words.map(String.init).filter { word in
        !word.contains { keyCharacters.contains($0) || $0.isNumber } && englishStopWords.contains(word.lowercased())
    }
}

private let englishStopWords: Set<String> = [
    "a", "an", "and", "are", "as", "at", "be", "but", "can", "cannot", "could", "did", "does", "expected",
    "file", "for", "found", "has", "have", "in", "is", "it", "its", "line", "mean", "must", "needs", "no", "not",
    "of", "one", "or", "the", "there", "unknown", "was", "with", "write", "you",
]
