import Catalogue
import Model
import WorkingCalendar

/// Reads the deadline column (phân kỳ, thời hạn) as people write it: "Quý I/2024", "Hằng tháng, trước
/// ngày 20", "Thường xuyên"… with or without diacritics, "hằng" or "hàng", in any case. The plan's year
/// fills in a missing year. The day a phrase names is the deadline itself: "trước 30/6" means by 30/6,
/// and when 30/6 is a day off, by the working day before it (``Reading/finishBefore``).
///
/// The whole phrase must be understood: a phrase with words left over is an error rather than a guess,
/// because a misread deadline sends reminders on the wrong day without anyone noticing.
public enum DeadlinePhrase {
    /// A deadline as a phrase states it.
    public struct Reading: Hashable, Sendable {
        public init(deadline: Deadline, finishBefore: Bool) {
            self.deadline = deadline
            self.finishBefore = finishBefore
        }

        public let deadline: Deadline
        /// "Trước …": to be finished before that day, so a day off moves it back, not forward
        /// (`[reminders] before_on_day_off`).
        public let finishBefore: Bool
    }

    public static func parse(_ phrase: String, planYear: Int) throws(DeadlinePhraseError) -> Deadline {
        try read(phrase, planYear: planYear).deadline
    }

    public static func read(_ phrase: String, planYear: Int) throws(DeadlinePhraseError) -> Reading {
        do {
            return try readWhole(phrase, planYear: planYear)
        } catch {
            // "Hằng tháng (trước ngày 25)": the remark as part of the phrase; "Năm 2025 (hoàn thành trước
            // 15/12)": the phrase without its remark; else the remark.
            let (outside, inside) = parenthesized(phrase)
            guard !inside.isEmpty else { throw error }
            let joined = ([outside] + inside).joined(separator: ", ")
            for part in [joined, outside] + inside where !part.allSatisfy(\.isWhitespace) {
                if let reading = try? readWhole(part, planYear: planYear) { return reading }
            }
            throw error
        }
    }

    /// The text outside parentheses, and each text inside them.
    static func parenthesized(_ phrase: String) -> (outside: String, inside: [String]) {
        var outside = ""
        var inside: [String] = []
        var depth = 0
        for character in phrase {
            switch character {
            case "(":
                if depth == 0 { inside.append("") }
                depth += 1
                outside.append(" ")
            case ")" where depth > 0:
                depth -= 1
            default:
                if depth > 0 { inside[inside.count - 1].append(character) } else { outside.append(character) }
            }
        }
        return (outside, inside)
    }

    private static func readWhole(_ phrase: String, planYear: Int) throws(DeadlinePhraseError) -> Reading {
        let tokens = DeadlineToken.tokenize(phrase)
        guard !tokens.isEmpty else { throw .empty }
        do {
            if startsWithoutEnd(tokens) { return Reading(deadline: .ongoing, finishBefore: false) }
            for kind in PhraseKind.allCases {
                var cursor = DeadlineCursor(tokens: tokens, planYear: planYear)
                guard let deadline = try read(kind, &cursor) else { continue }
                if cursor.atEnd || cursor.upkeepAfter() || cursor.scopeAfter() {
                    return Reading(deadline: deadline, finishBefore: Self.saysBefore(phrase))
                }
                if cursor.yearlyAfter(), let yearly = yearly(from: deadline, planYear: planYear) {
                    return Reading(deadline: yearly, finishBefore: Self.saysBefore(phrase))
                }
            }
            if let range = try yearlyRange(tokens, planYear: planYear) {
                return Reading(deadline: range, finishBefore: false)
            }
            if let deadline = try ongoingWithScope(tokens, planYear: planYear) {
                return Reading(deadline: deadline, finishBefore: Self.saysBefore(phrase))
            }
        } catch {
            throw .inPhrase(VietnameseText.collapseSpaces(phrase), error)
        }
        throw .unreadable(
            VietnameseText.collapseSpaces(phrase),
            suggestion: suggestion(for: phrase, tokens: tokens, planYear: planYear),
            examples: examples(nearest: phrase, planYear: planYear))
    }

    /// Whether the phrase begins "Trước" ("trước ngày 30/4", "Trước 20 hằng tháng"), in any spelling.
    static func saysBefore(_ phrase: String) -> Bool {
        VietnameseText.folded(phrase).split(whereSeparator: { !$0.isLetter }).contains("truoc")
    }

    /// The kinds of phrase, tried in this order.
    private enum PhraseKind: CaseIterable {
        case condition, ongoing, tet, recurrence, cadences, halfYear, quarters, months, year, date
    }

    private static func read(_ kind: PhraseKind, _ cursor: inout DeadlineCursor) throws(DeadlinePhraseError)
        -> Deadline?
    {
        switch kind {
        case .condition: condition(&cursor)
        case .ongoing: ongoing(&cursor)
        case .tet: try tet(&cursor)
        case .recurrence: try recurrence(&cursor)
        case .cadences: cadences(&cursor)
        case .halfYear: try halfYear(&cursor)
        case .quarters: try quarters(&cursor)
        case .months: try months(&cursor)
        case .year: try year(&cursor)
        case .date: try date(&cursor)
        }
    }

    // MARK: Readers, each for one kind of phrase

    /// Words that open a condition rather than a day: "Khi có phát sinh", "Sau khi có Quy chế của TW",
    /// "Theo kế hoạch riêng", "Theo chỉ đạo", "Theo yêu cầu", "Tùy tình hình thực tế", "Đột xuất".
    static let conditionOpenings: [[String]] = [
        ["khi"], ["sau", "khi"], ["ngay", "khi"], ["ngay", "sau", "khi"], ["theo"], ["tuy"], ["can", "cu"],
        ["dot", "xuat"], ["chua", "co", "thoi"], ["chua", "xac", "dinh"], ["kip", "thoi"],
    ]

    /// A condition (no fixed deadline, *chưa có thời hạn cụ thể*): whatever follows its opening words is the
    /// condition itself, kept as written in the plan. "Theo quý", "theo tháng" are periods, not conditions.
    private static func condition(_ cursor: inout DeadlineCursor) -> Deadline? {
        guard conditionOpenings.contains(where: { cursor.startsWith($0) }) else { return nil }
        if cursor.startsWith(["theo"]), !cursor.startsWith(["theo", "quy", "dinh"]),
            cursor.wordAfterFirst.map(["quy", "qui", "thang", "nam", "tuan"].contains) == true
        {
            return nil
        }
        cursor.takeRest()
        return .noFixedDeadline
    }

    /// Work that goes on ("Thường xuyên", "liên tục", "hằng ngày") with words after it: a periodic checkpoint
    /// when they name one ("Thường xuyên, hằng năm", "Thường xuyên, định kỳ hằng quý báo cáo về Sở …"),
    /// else the scope of the work ("liên tục cả năm", "hằng ngày theo chỉ đạo"): ongoing.
    private static func ongoingWithScope(_ tokens: [DeadlineToken], planYear: Int) throws(DeadlinePhraseError)
        -> Deadline?
    {
        var cursor = DeadlineCursor(tokens: tokens, planYear: planYear)
        guard cursor.ongoingOpening() else { return nil }
        var rest = Array(tokens[cursor.position...].drop { if case .symbol = $0 { true } else { false } })
        // "(báo cáo trước ngày 15/12 hằng năm)": the report is the checkpoint.
        if rest.starts(with: [.word("bao"), .word("cao")]) { rest.removeFirst(2) }
        // The words after it: a recurrence, whole or at their start; anything else is the work's scope.
        if !rest.isEmpty {
            if let read = try? whole(rest, planYear: planYear), case .recurring = read { return read }
            var checkpoint = DeadlineCursor(tokens: rest, planYear: planYear)
            if let recurring = try? recurrence(&checkpoint), case .recurring = recurring { return recurring }
        }
        return .ongoing
    }

    /// "Từ năm 2025", "Triển khai từ tháng 8/2025": a start and no end, work that goes on from then.
    private static func startsWithoutEnd(_ tokens: [DeadlineToken]) -> Bool {
        let cursor = DeadlineCursor(tokens: tokens, planYear: 0)
        return (cursor.startsWith(["tu"]) || cursor.startsWith(["bat", "dau", "tu"]))
            && !tokens.contains(.word("den")) && !tokens.contains(.symbol(.dash))
            && tokens.contains { if case .number = $0 { true } else { false } }
    }

    /// A deadline followed by "và các năm tiếp theo", ", duy trì hằng năm": a yearly checkpoint on its day
    /// from its year through the plan's year; a range of years stays itself ("Giai đoạn 2026-2030, hằng năm").
    private static func yearly(from deadline: Deadline, planYear: Int) -> Deadline? {
        let day: CivilDate
        switch deadline {
        case .periodEnd(let period): day = period.lastDay
        case .date(let date): day = date
        case .recurring(let recurrence) where recurrence.isYearRange: return deadline
        default: return nil
        }
        return .recurring(
            Recurrence(
                frequency: .yearly(month: day.month, day: day.day), start: CivilDate(year: day.year, month: 1, day: 1)!,
                end: CivilDate(year: max(day.year, planYear), month: 12, day: 31)!))
    }

    /// "Hằng năm, giai đoạn 2026-2030": a yearly checkpoint over the range the words after it name.
    private static func yearlyRange(_ tokens: [DeadlineToken], planYear: Int) throws(DeadlinePhraseError) -> Deadline? {
        var cursor = DeadlineCursor(tokens: tokens, planYear: planYear)
        _ = cursor.words("dinh", "ky")
        guard cursor.word("hang") || cursor.word("moi"), cursor.word("nam"), cursor.symbol(.comma) else { return nil }
        let rest = Array(tokens[cursor.position...])
        guard let read = try whole(rest, planYear: planYear), case .recurring(let range) = read, range.isYearRange
        else {
            return nil
        }
        return read
    }

    /// Several cadences of report: "Định kỳ 6 tháng, hằng năm", "Hằng tháng, hằng quý", "6 tháng, năm": the
    /// most frequent is the checkpoint.
    private static func cadences(_ cursor: inout DeadlineCursor) -> Deadline? {
        _ = cursor.words("bao", "cao")
        let periodic = cursor.words("dinh", "ky")
        var months: [Int] = []
        var said = periodic
        repeat {
            if cursor.word("hang") || cursor.word("moi") { said = true }
            if cursor.number(6) {
                guard cursor.word("thang") else { return nil }
                months.append(6)
            } else if let unit = cursor.oneOf("tuan", "thang", "quy", "qui", "nam") {
                months.append(["tuan": 0, "thang": 1, "quy": 3, "qui": 3, "nam": 12][unit]!)
            } else {
                return nil
            }
        } while cursor.symbol(.comma) || cursor.word("va")
        guard months.count >= 2 || (said && months.count == 1), let shortest = months.min() else { return nil }
        let planYear = cursor.planYear
        let frequency: Recurrence.Frequency =
            switch shortest {
            case 0: .weekly(.friday)
            case 1: .monthly(day: nil)
            case 3: .quarterly(day: nil)
            case 6: .halfYearly(day: nil)
            default: .yearly(month: 12, day: 31)
            }
        return .recurring(
            Recurrence(
                frequency: frequency, start: CivilDate(year: planYear, month: 1, day: 1)!,
                end: CivilDate(year: planYear, month: 12, day: 31)!))
    }

    /// The tokens as one whole deadline, nil when they are not.
    private static func whole(_ tokens: [DeadlineToken], planYear: Int) throws(DeadlinePhraseError) -> Deadline? {
        for kind in PhraseKind.allCases {
            var cursor = DeadlineCursor(tokens: tokens, planYear: planYear)
            if let deadline = try read(kind, &cursor), cursor.atEnd { return deadline }
        }
        return nil
    }

    /// "Thường xuyên", "Thường xuyên, liên tục", "Duy trì thường xuyên", "Liên tục".
    private static func ongoing(_ cursor: inout DeadlineCursor) -> Deadline? {
        _ = cursor.words("duy", "tri")
        if cursor.words("lien", "tuc") { return .ongoing }
        guard cursor.words("thuong", "xuyen") else { return nil }
        _ = cursor.symbol(.comma) || cursor.word("va")
        _ = cursor.words("lien", "tuc")
        return .ongoing
    }

    /// "Trước Tết Nguyên đán", "Trước Tết": the last working day before the Tết break of the plan year
    /// (or of the year written after it), which the calendar knows.
    private static func tet(_ cursor: inout DeadlineCursor) throws(DeadlinePhraseError) -> Deadline? {
        guard cursor.word("tet") else { return nil }
        _ = cursor.words("nguyen", "dan")
        if let year = try cursor.yearSuffix() { return .beforeTet(year: year) }
        if let year = try cursor.yearNumber() { return .beforeTet(year: year) }
        return .beforeTet(year: cursor.planYear)
    }

    /// "Hằng tháng, trước ngày 20", "Trước 20 hằng tháng", "Chủ nhật hằng tuần", "Hàng quý", "Hằng năm",
    /// "6 tháng một lần", "Định kỳ hằng quý", "Định kỳ 6 tháng".
    private static func recurrence(_ cursor: inout DeadlineCursor) throws(DeadlinePhraseError) -> Deadline? {
        let periodic = cursor.words("dinh", "ky")
        // The day first: "Trước ngày 25 hàng tháng", "Ngày 20 hằng tháng".
        var leadingDay: Int?
        var yearlyMonth: Int?
        var probe = cursor
        _ = probe.word("ngay")
        if let day = probe.anyNumber(), probe.word("hang") || probe.word("moi") {
            leadingDay = day
            cursor = probe
        } else {
            // "Trước ngày 15/12 hằng năm": a day of a month, every year.
            probe = cursor
            _ = probe.word("ngay")
            if let day = probe.anyNumber(), probe.symbol(.slash), let month = probe.anyNumber(),
                probe.word("hang") || probe.word("moi"), probe.word("nam")
            {
                guard (1...12).contains(month) else { throw .noSuchMonth(month) }
                (leadingDay, yearlyMonth) = (day, month)
                cursor = probe
            }
        }
        // A month or quarter of every year: "Tháng 12 hằng năm", "Quý I hằng năm".
        probe = cursor
        if leadingDay == nil, let unit = probe.oneOf("thang", "quy", "qui"),
            let number = unit == "thang" ? probe.anyNumber() : probe.quarterNumber(),
            probe.word("hang") || probe.word("moi"), probe.word("nam")
        {
            let month = unit == "thang" ? number : number * 3
            guard (1...12).contains(month) else {
                throw unit == "thang" ? .noSuchMonth(number) : .noSuchQuarter(number)
            }
            yearlyMonth = month
            cursor = probe
        }
        var weekday = leadingDay == nil && yearlyMonth == nil ? cursor.weekday() : nil
        let frequency: String
        if yearlyMonth != nil {
            frequency = "nam"
        } else if leadingDay != nil || cursor.word("hang") || cursor.word("moi") {
            if cursor.number(6) {
                guard cursor.word("thang") else { return nil }
                frequency = "half"
            } else if let unit = cursor.oneOf("tuan", "thang", "quy", "qui", "nam") {
                frequency = unit == "qui" ? "quy" : unit
            } else {
                return nil
            }
        } else if cursor.number(6), cursor.word("thang"),
            periodic || (cursor.word("mot") || cursor.word("1")) && cursor.word("lan")
        {
            frequency = "half"
        } else {
            return nil
        }
        _ = cursor.symbol(.comma)
        weekday = weekday ?? cursor.weekday()
        _ = cursor.symbol(.comma)
        _ = cursor.word("ngay")
        let day = leadingDay ?? (yearlyMonth == nil ? cursor.anyNumber() : nil)
        var month = yearlyMonth
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
        _ = cursor.word("tu")
        _ = cursor.qualifier()
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

    /// "Tháng 6/2024", "T6/2024", "tháng 3 – tháng 4", "Từ tháng 3 đến tháng 5", "9/2025".
    private static func months(_ cursor: inout DeadlineCursor) throws(DeadlinePhraseError) -> Deadline? {
        _ = cursor.word("tu")
        _ = cursor.qualifier()
        var last: Period?
        repeat {
            let named = cursor.oneOf("thang", "t") != nil
            guard named || last != nil || cursor.monthOfYearFollows, let month = cursor.anyNumber() else { return nil }
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

    /// "Năm 2024", "2025", "Cả năm", "Cuối năm", "Trong năm"; a range of years, "2026 - 2030", "Năm 2025-2030",
    /// "Giai đoạn 2026 – 2030", "Từ năm 2026 đến năm 2030": a yearly checkpoint on 31/12, the last one the
    /// final deadline.
    private static func year(_ cursor: inout DeadlineCursor) throws(DeadlinePhraseError) -> Deadline? {
        if cursor.word("ca") || cursor.qualifier() {
            guard cursor.word("nam") else { return nil }
            return .periodEnd(.year(try cursor.yearNumber() ?? cursor.planYear))
        }
        _ = cursor.words("giai", "doan")
        _ = cursor.word("tu")
        let named = cursor.word("nam")
        guard let first = try cursor.yearNumber() else {
            // "Trong năm", "Năm" alone: the plan's year.
            return named && cursor.atEnd ? .periodEnd(.year(cursor.planYear)) : nil
        }
        // "Năm 2025, 2026": each year listed, a range.
        var listed = first
        var probe = cursor
        while probe.symbol(.comma) || probe.word("va"), let next = try probe.yearNumber(), next == listed + 1 {
            listed = next
            cursor = probe
        }
        if listed > first {
            return .recurring(
                Recurrence(
                    frequency: .yearly(month: 12, day: 31), start: CivilDate(year: first, month: 1, day: 1)!,
                    end: CivilDate(year: listed, month: 12, day: 31)!))
        }
        let start = cursor.position
        if cursor.symbol(.dash) || cursor.word("den") {
            _ = cursor.word("nam")
            if let last = try cursor.yearNumber() {
                guard last > first else { return last == first ? .periodEnd(.year(first)) : nil }
                return .recurring(
                    Recurrence(
                        frequency: .yearly(month: 12, day: 31), start: CivilDate(year: first, month: 1, day: 1)!,
                        end: CivilDate(year: last, month: 12, day: 31)!))
            }
            cursor.position = start
        }
        return .periodEnd(.year(first))
    }

    /// "30/06/2024", "Trước 30/6/2024", "trước ngày 15/3", "2024-06-30", "ngày 30 tháng 6 năm 2024".
    private static func date(_ cursor: inout DeadlineCursor) throws(DeadlinePhraseError) -> Deadline? {
        // "Từ ngày 01/8/2025 đến ngày 31/8/2025", "15/3 - 30/3": due on the last.
        _ = cursor.word("tu")
        var last: Deadline?
        repeat {
            guard let date = try oneDate(&cursor) else { return nil }
            last = date
        } while cursor.rangeSeparator()
        return last
    }

    private static func oneDate(_ cursor: inout DeadlineCursor) throws(DeadlinePhraseError) -> Deadline? {
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

    /// Phrases of every kind in the plan's year: the examples an error shows, nearest to what was written
    /// first.
    static func examples(nearest phrase: String, planYear year: Int) -> [String] {
        let all = [
            "Quý I/\(year)", "Tháng 6/\(year)", "30/06/\(year)", "6 tháng đầu năm \(year)", "6 tháng cuối năm \(year)",
            "Năm \(year)", "Hằng tháng, trước ngày 20", "Hằng quý", "Thường xuyên", "Trước Tết Nguyên đán",
            "\(year) - \(year + 4)", "Khi có phát sinh",
        ]
        let written = Set(VietnameseText.folded(phrase).split(whereSeparator: { !$0.isLetter && !$0.isNumber }))
        let folded = VietnameseText.folded(phrase)
        func score(_ example: String) -> (shared: Int, distance: Int) {
            let words = VietnameseText.folded(example).split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            return (
                words.filter(written.contains).count, VietnameseText.distance(folded, VietnameseText.folded(example))
            )
        }
        let ranked = all.enumerated().map { (example: $0.element, order: $0.offset, score: score($0.element)) }
            .sorted { ($1.score.shared, $0.score.distance, $0.order) < ($0.score.shared, $1.score.distance, $1.order) }
        return ranked.prefix(4).map(\.example)
    }

    /// Words the phrases use, folded, with the spelling to suggest.
    static let vocabulary: [String: String] = [
        "quy": "Quý", "thang": "tháng", "nam": "năm", "hang": "hằng", "tuan": "tuần", "ngay": "ngày",
        "thuong": "thường", "xuyen": "xuyên", "dau": "đầu", "cuoi": "cuối", "chu": "chủ", "nhat": "nhật",
        "trong": "trong", "truoc": "trước", "ca": "cả", "tet": "Tết", "dinh": "định", "lien": "liên", "thu": "thứ",
        "hai": "hai", "ba": "ba", "tu": "tư",
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
