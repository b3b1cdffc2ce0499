/// A piece of a folded deadline phrase: a word, a number, or a separator.
enum DeadlineToken: Equatable {
    enum Symbol { case slash, dash, comma }

    case word(String)
    case number(Int, digits: Int)
    case symbol(Symbol)

    /// Splits a phrase after folding: letters and digits apart ("q1" is "q", 1), "/" "-" "–" "," kept,
    /// other punctuation as spaces. A "." between digits is a date separator ("30.6.2024").
    static func tokenize(_ phrase: String) -> [DeadlineToken] {
        var tokens: [DeadlineToken] = []
        var word = ""
        var digits = ""
        func flush() {
            if !word.isEmpty { tokens.append(.word(word)) }
            if !digits.isEmpty, let value = Int(digits) { tokens.append(.number(value, digits: digits.count)) }
            word = ""
            digits = ""
        }
        let characters = Array(VietnameseText.folded(phrase))
        for (index, character) in characters.enumerated() {
            if character.isLetter {
                if !digits.isEmpty { flush() }
                word.append(character)
            } else if character.isASCII && character.isNumber {
                if !word.isEmpty { flush() }
                digits.append(character)
            } else {
                flush()
                switch character {
                case "/": tokens.append(.symbol(.slash))
                case "-", "–", "—", "‐": tokens.append(.symbol(.dash))
                case ",", ";": tokens.append(.symbol(.comma))
                case ".":
                    let between =
                        index > 0 && characters[index - 1].isNumber && index + 1 < characters.count
                        && characters[index + 1].isNumber
                    if between { tokens.append(.symbol(.slash)) }
                default: break
                }
            }
        }
        flush()
        return tokens.filter { if case .word(let word) = $0 { !DeadlineCursor.fillers.contains(word) } else { true } }
    }
}
