import Catalogue
import Model
import WorkingCalendar

/// Reads the deadline column (phân kỳ, thời hạn) as people write it: "Quý I/2024", "Hằng tháng, trước
/// ngày 20", "Thường xuyên"… with or without diacritics, "hằng" or "hàng", in any case. The plan's year
/// fills in a missing year. The day a phrase names is the deadline itself: "trước 30/6" means by 30/6.
///
/// The whole phrase must be understood: a phrase with words left over is an error rather than a guess,
/// because a misread deadline sends reminders on the wrong day without anyone noticing.
public enum DeadlinePhrase {
    public static func parse(_ phrase: String, planYear: Int) throws(DeadlinePhraseError) -> Deadline {
        let tokens = DeadlineToken.tokenize(phrase)
        guard !tokens.isEmpty else { throw .empty }
        for kind in PhraseKind.allCases {
            var cursor = DeadlineCursor(tokens: tokens, planYear: planYear)
            if let deadline = try read(kind, &cursor), cursor.atEnd { return deadline }
        }
        throw .unreadable(phrase, suggestion: suggestion(for: phrase, tokens: tokens, planYear: planYear))
    }

    /// The kinds of phrase, tried in this order.
    private enum PhraseKind: CaseIterable {
        case ongoing, recurrence, halfYear, quarters, months, year, date
    }

    private static func read(_ kind: PhraseKind, _ cursor: inout DeadlineCursor) throws(DeadlinePhraseError)
        -> Deadline?
    {
        switch kind {
        case .ongoing: ongoing(&cursor)
        case .recurrence: try recurrence(&cursor)
        case .halfYear: try halfYear(&cursor)
        case .quarters: try quarters(&cursor)
        case .months: try months(&cursor)
        case .year: try year(&cursor)
        case .date: try date(&cursor)
        }
    }

    // MARK: Readers, each for one kind of phrase

    private static func ongoing(_ cursor: inout DeadlineCursor) -> Deadline? {
        cursor.words("thuong", "xuyen") ? .ongoing : nil
    }

    /// "Hằng tháng, trước ngày 20", "Chủ nhật hằng tuần", "Hàng quý", "Hằng năm", "6 tháng một lần".
    private static func recurrence(_ cursor: inout DeadlineCursor) throws(DeadlinePhraseError) -> Deadline? {
        var weekday = cursor.weekday()
        let frequency: String
        if cursor.word("hang") || cursor.word("moi") {
            if cursor.number(6) {
                guard cursor.word("thang") else { return nil }
                frequency = "half"
            } else if let unit = cursor.oneOf("tuan", "thang", "quy", "qui", "nam") {
                frequency = unit == "qui" ? "quy" : unit
            } else {
                return nil
            }
        } else if cursor.number(6), cursor.word("thang"), cursor.word("mot") || cursor.word("1"), cursor.word("lan") {
            frequency = "half"
        } else {
            return nil
        }
        _ = cursor.symbol(.comma)
        weekday = weekday ?? cursor.weekday()
        _ = cursor.symbol(.comma)
        _ = cursor.word("ngay")
        let day = cursor.anyNumber()
        var month: Int?
        if day != nil, cursor.symbol(.slash) { month = cursor.anyNumber() }
        let year = cursor.planYear
        let start = CivilDate(year: year, month: 1, day: 1)!
        let end = CivilDate(year: year, month: 12, day: 31)!
        func checkedDay(_ day: Int?) throws(DeadlinePhraseError) -> Int? {
            if let day, !(1...31).contains(day) { throw .noSuchDayOfMonth(day) }
            return day
        }
        let kind: Recurrence.Frequency
        switch frequency {
        case "tuan":
            guard day == nil else { return nil }
            kind = .weekly(weekday ?? .friday)
        case "thang": kind = .monthly(day: try checkedDay(day))
        case "quy": kind = .quarterly(day: try checkedDay(day))
        case "half": kind = .halfYearly(day: try checkedDay(day))
        default:
            let month = month ?? 12
            guard (1...12).contains(month) else { throw .noSuchMonth(month) }
            kind = .yearly(month: month, day: try checkedDay(day) ?? CivilDate.daysIn(month: month, year: year))
        }
        guard weekday == nil || frequency == "tuan" else { return nil }
        return .recurring(Recurrence(frequency: kind, start: start, end: end))
    }

    /// "6 tháng đầu năm", "6 tháng cuối năm 2024".
    private static func halfYear(_ cursor: inout DeadlineCursor) throws(DeadlinePhraseError) -> Deadline? {
        guard cursor.number(6), cursor.word("thang"), let which = cursor.oneOf("dau", "cuoi"), cursor.word("nam") else {
            return nil
        }
        let year = try cursor.yearNumber() ?? cursor.planYear
        return .periodEnd(.half(year: year, half: which == "dau" ? 1 : 2))
    }

    /// "Quý I/2024", "quý 1", "Q1/2024", "Trong quý II", "Quý I – Quý II" (due at the end of the last).
    private static func quarters(_ cursor: inout DeadlineCursor) throws(DeadlinePhraseError) -> Deadline? {
        var last: Period?
        repeat {
            let named = cursor.oneOf("quy", "qui", "q") != nil
            guard named || last != nil, let quarter = cursor.quarterNumber() else { return nil }
            guard (1...4).contains(quarter) else { throw .noSuchQuarter(quarter) }
            let year = try cursor.yearSuffix() ?? cursor.planYear
            last = .quarter(year: year, quarter: quarter)
        } while cursor.rangeSeparator()
        guard let last else { return nil }
        if let year = try cursor.yearSuffix(), case .quarter(_, let quarter) = last {
            return .periodEnd(.quarter(year: year, quarter: quarter))
        }
        return .periodEnd(last)
    }

    /// "Tháng 6/2024", "T6/2024", "tháng 3 – tháng 4".
    private static func months(_ cursor: inout DeadlineCursor) throws(DeadlinePhraseError) -> Deadline? {
        var last: Period?
        repeat {
            let named = cursor.oneOf("thang", "t") != nil
            guard named || last != nil, let month = cursor.anyNumber() else { return nil }
            guard (1...12).contains(month) else { throw .noSuchMonth(month) }
            let year = try cursor.yearSuffix() ?? cursor.planYear
            last = .month(year: year, month: month)
        } while cursor.rangeSeparator()
        guard let last else { return nil }
        if let year = try cursor.yearSuffix(), case .month(_, let month) = last {
            return .periodEnd(.month(year: year, month: month))
        }
        return .periodEnd(last)
    }

    /// "Năm 2024", "Cả năm", "Cuối năm".
    private static func year(_ cursor: inout DeadlineCursor) throws(DeadlinePhraseError) -> Deadline? {
        if cursor.word("ca") || cursor.word("cuoi") {
            guard cursor.word("nam") else { return nil }
            return .periodEnd(.year(try cursor.yearNumber() ?? cursor.planYear))
        }
        guard cursor.word("nam"), let year = try cursor.yearNumber() else { return nil }
        return .periodEnd(.year(year))
    }

    /// "30/06/2024", "Trước 30/6/2024", "trước ngày 15/3", "2024-06-30", "ngày 30 tháng 6 năm 2024".
    private static func date(_ cursor: inout DeadlineCursor) throws(DeadlinePhraseError) -> Deadline? {
        _ = cursor.word("ngay")
        guard let first = cursor.anyNumberToken() else { return nil }
        let day: Int
        let month: Int
        var year: Int?
        if first.digits == 4, cursor.symbol(.dash) {
            guard let m = cursor.anyNumber(), cursor.symbol(.dash), let d = cursor.anyNumber() else { return nil }
            (year, month, day) = (first.value, m, d)
        } else if cursor.word("thang") {
            guard let m = cursor.anyNumber() else { return nil }
            (day, month) = (first.value, m)
            if cursor.word("nam") { year = try cursor.yearNumber() }
        } else {
            let separator: DeadlineToken.Symbol = cursor.symbol(.slash) ? .slash : cursor.symbol(.dash) ? .dash : .comma
            guard separator != .comma, let m = cursor.anyNumber() else { return nil }
            (day, month) = (first.value, m)
            if cursor.symbol(separator) {
                guard let y = cursor.anyNumberToken(), y.digits == 4 else { return nil }
                year = y.value
            } else if cursor.word("nam") {
                year = try cursor.yearNumber()
            }
        }
        let resolvedYear = year ?? cursor.planYear
        guard (1...12).contains(month) else { throw .noSuchMonth(month) }
        guard let date = CivilDate(year: resolvedYear, month: month, day: day) else {
            throw .noSuchDate("\(day)/\(month)/\(resolvedYear)")
        }
        return .date(date)
    }

    // MARK: Suggestions

    /// Words the phrases use, folded, with the spelling to suggest.
    static let vocabulary: [String: String] = [
        "quy": "Quý", "thang": "tháng", "nam": "năm", "hang": "hằng", "tuan": "tuần", "ngay": "ngày",
        "thuong": "thường", "xuyen": "xuyên", "dau": "đầu", "cuoi": "cuối", "chu": "chủ", "nhat": "nhật",
        "trong": "trong", "truoc": "trước", "ca": "cả", "thu": "thứ", "hai": "hai", "ba": "ba", "tu": "tư",
        "sau": "sáu", "bay": "bảy", "mot": "một", "lan": "lần", "i": "I", "ii": "II", "iii": "III", "iv": "IV",
    ]

    /// The phrase with its misspelt words replaced by the closest words phrases use, when that phrase
    /// reads: "Thnag 6/2024" → "tháng 6/2024".
    private static func suggestion(for phrase: String, tokens: [DeadlineToken], planYear: Int) -> String? {
        var corrected = VietnameseText.folded(phrase)
        var changed = false
        for case .word(let word) in tokens where vocabulary[word] == nil && word.count > 2 {
            let best = vocabulary.keys.filter { $0.count > 2 }.min {
                (VietnameseText.distance(word, $0), $0) < (VietnameseText.distance(word, $1), $1)
            }
            guard let best, VietnameseText.distance(word, best) <= (word.count > 4 ? 2 : 1) else { continue }
            corrected = corrected.replacingWord(word, with: vocabulary[best]!)
            changed = true
        }
        guard changed, (try? parse(corrected, planYear: planYear)) != nil else { return nil }
        return corrected
    }
}

extension String {
    /// Replaces a whole word (between non-letters) with another.
    fileprivate func replacingWord(_ word: String, with replacement: String) -> String {
        var result = ""
        var current = ""
        for character in self + " " {
            if character.isLetter {
                current.append(character)
            } else {
                result += current == word ? replacement : current
                current = ""
                result.append(character)
            }
        }
        return String(result.dropLast())
    }
}
