import Catalogue
import WorkingCalendar

/// Walks the tokens of one deadline phrase; each reader of ``DeadlinePhrase`` takes what it knows.
struct DeadlineCursor {
    /// Words that add nothing to a deadline: "trong quý II", "trước ngày 15/3", "vào tháng 6", "hạn".
    static let fillers: Set<String> = ["trong", "truoc", "vao", "han", "het"]

    let tokens: [DeadlineToken]
    let planYear: Int
    private var index = 0

    /// Where the cursor stands, to come back to.
    var position: Int {
        get { index }
        set { index = newValue }
    }

    init(tokens: [DeadlineToken], planYear: Int) {
        self.tokens = tokens
        self.planYear = planYear
        // "Đến 30/6", "chậm nhất ngày 15/3": by that day.
        if tokens.first == .word("den") { index = 1 }
        if tokens.starts(with: [.word("cham"), .word("nhat")]) { index = 2 }
        // "Hoàn thành trong Quý I/2025", "Thực hiện thường xuyên", "Triển khai trong quý III".
        for opening in [["hoan", "thanh"], ["thuc", "hien"], ["trien", "khai"]]
        where tokens.starts(with: opening.map { .word($0) }) {
            index = 2
        }
    }

    /// "… và duy trì thường xuyên" after a deadline: the upkeep that follows has none (docs/config.md).
    mutating func upkeepAfter() -> Bool {
        let start = index
        _ = symbol(.comma) || symbol(.dash) || word("va") || words("sau", "do")
        _ = word("va")
        _ = words("duy", "tri")
        if words("thuong", "xuyen") || words("lien", "tuc") {
            _ = symbol(.comma)
            _ = words("lien", "tuc")
            if atEnd { return true }
        }
        index = start
        return false
    }

    /// Whether the words ahead begin with these.
    func startsWith(_ words: [String]) -> Bool {
        tokens[index...].starts(with: words.map { .word($0) })
    }

    /// The word after the next token, if it is one: "quý" in "theo quý".
    var wordAfterFirst: String? {
        guard index + 1 < tokens.count, case .word(let word) = tokens[index + 1] else { return nil }
        return word
    }

    /// Takes every token left: the words of a condition.
    mutating func takeRest() { index = tokens.count }

    /// "Đầu", "giữa", "cuối", "suốt" before a named period ("giữa quý III", "đầu tháng 10"): that period.
    /// ("Hết" and "trong" are fillers.)
    mutating func qualifier() -> Bool {
        // "Thượng tuần", "trung tuần", "hạ tuần": the first, middle, last ten days.
        oneOf("dau", "giua", "cuoi", "suot") != nil || words("thuong", "tuan") || words("trung", "tuan")
            || words("ha", "tuan")
    }

    /// "Thường xuyên", "liên tục", "hằng ngày", "duy trì", at the start: work that goes on.
    mutating func ongoingOpening() -> Bool {
        let start = index
        _ = words("duy", "tri")
        if words("thuong", "xuyen") || words("lien", "tuc") || words("hang", "ngay") || words("moi", "ngay")
            || index > start
        {
            return true
        }
        index = start
        return false
    }

    /// "theo hướng dẫn của Bộ", "đối với cấp xã" after a deadline: whom or what it follows, not when.
    mutating func scopeAfter() -> Bool {
        let start = index
        _ = symbol(.comma) || symbol(.dash)
        if word("theo") || words("doi", "voi") || words("tuy", "theo") { return true }
        index = start
        return false
    }

    /// "và các năm tiếp theo", "và những năm tiếp theo", ", duy trì hằng năm", ", hằng năm" after a deadline:
    /// it comes back every year.
    mutating func yearlyAfter() -> Bool {
        let start = index
        _ = symbol(.comma) || symbol(.dash)
        _ = word("va")
        if (word("cac") || word("nhung")) && words("nam", "tiep", "theo") && atEnd { return true }
        _ = words("duy", "tri")
        _ = words("dinh", "ky")
        if (word("hang") || word("moi")) && word("nam") && atEnd { return true }
        index = start
        return false
    }

    /// A month written as "9/2025": a month number, a slash and a four-digit year.
    var monthOfYearFollows: Bool {
        guard index + 2 < tokens.count, case .number(let month, let digits) = tokens[index], digits <= 2,
            (1...12).contains(month), tokens[index + 1] == .symbol(.slash), case .number(_, 4) = tokens[index + 2]
        else { return false }
        return index + 3 == tokens.count || tokens[index + 3] == .symbol(.dash) || tokens[index + 3] == .word("den")
    }

    var atEnd: Bool {
        // A trailing comma or dash is harmless: "Hằng tháng,".
        tokens[index...].allSatisfy { if case .symbol = $0 { true } else { false } }
    }

    private var next: DeadlineToken? { index < tokens.count ? tokens[index] : nil }

    mutating func word(_ word: String) -> Bool {
        guard next == .word(word) else { return false }
        index += 1
        return true
    }

    mutating func words(_ words: String...) -> Bool {
        let start = index
        for word in words where !self.word(word) {
            index = start
            return false
        }
        return true
    }

    mutating func oneOf(_ words: String...) -> String? {
        words.first { self.word($0) }
    }

    mutating func symbol(_ symbol: DeadlineToken.Symbol) -> Bool {
        guard next == .symbol(symbol) else { return false }
        index += 1
        return true
    }

    mutating func number(_ value: Int) -> Bool {
        guard case .number(value, _)? = next else { return false }
        index += 1
        return true
    }

    mutating func anyNumberToken() -> (value: Int, digits: Int)? {
        guard case .number(let value, let digits)? = next else { return nil }
        index += 1
        return (value, digits)
    }

    mutating func anyNumber() -> Int? { anyNumberToken()?.value }

    /// A quarter as a Roman numeral (I–IV, and V… to report as wrong) or a number.
    mutating func quarterNumber() -> Int? {
        let romans = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6]
        if case .word(let word)? = next, let value = romans[word] {
            index += 1
            return value
        }
        return anyNumber()
    }

    /// A four-digit year; an error when a number that is no year stands where one should.
    mutating func yearNumber() throws(DeadlinePhraseError) -> Int? {
        guard case .number(let value, let digits)? = next else { return nil }
        guard digits == 4 else { return nil }
        index += 1
        let years = WorkingCalendar.supportedYears
        guard years.contains(value) else {
            throw .unsupportedYear(value, lower: years.lowerBound, upper: years.upperBound)
        }
        return value
    }

    /// "/2024", "năm 2024", "-2025" ("Quí IV-2025") or " 2025" after a period.
    mutating func yearSuffix() throws(DeadlinePhraseError) -> Int? {
        let start = index
        if let year = try yearNumber() { return year }
        if symbol(.slash) || word("nam") || symbol(.dash) {
            if let year = try yearNumber() { return year }
            index = start
        }
        return nil
    }

    /// "–", ",", "và", "đến" between two periods of a range.
    mutating func rangeSeparator() -> Bool {
        let start = index
        guard symbol(.dash) || symbol(.comma) || word("va") || word("den") else { return false }
        // "… và duy trì thường xuyên" is the upkeep after the deadline, not a second period.
        if case .word(let next)? = next,
            ["duy", "thuong", "lien", "va", "cac", "nhung", "hang", "moi", "dinh"].contains(next)
        {
            index = start
            return false
        }
        return true
    }

    /// "Chủ nhật", "thứ Hai" / "thứ 2" … "thứ Bảy" / "thứ 7".
    mutating func weekday() -> Weekday? {
        if words("chu", "nhat") { return .sunday }
        let start = index
        guard word("thu") else { return nil }
        let names: [String: Weekday] = [
            "hai": .monday, "ba": .tuesday, "tu": .wednesday, "nam": .thursday, "sau": .friday, "bay": .saturday,
        ]
        if case .word(let name)? = next, let weekday = names[name] {
            index += 1
            return weekday
        }
        if case .number(let value, _)? = next, (2...7).contains(value) {
            index += 1
            return Weekday(rawValue: value - 2)
        }
        index = start
        return nil
    }
}
