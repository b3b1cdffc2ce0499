import Catalogue
import Foundation
import Model
import ScheduleSources
import Testing
import WorkingCalendar

@Suite("Vietnamese deadline phrases (docs/config.md)")
struct DeadlinePhraseTests {
    /// Every phrase of docs/config.md, as written there, read in a plan of 2024.
    static let phrases: [(String, Deadline)] = [
        ("Quý I/2024", .periodEnd(.quarter(year: 2024, quarter: 1))),
        ("quý 1", .periodEnd(.quarter(year: 2024, quarter: 1))),
        ("Q1/2024", .periodEnd(.quarter(year: 2024, quarter: 1))),
        ("Trong quý II", .periodEnd(.quarter(year: 2024, quarter: 2))),
        ("Tháng 6/2024", .periodEnd(.month(year: 2024, month: 6))),
        ("T6/2024", .periodEnd(.month(year: 2024, month: 6))),
        ("Trước 30/6/2024", .date(d(2024, 6, 30))),
        ("trước ngày 15/3", .date(d(2024, 3, 15))),
        ("30/06/2024", .date(d(2024, 6, 30))),
        ("6 tháng đầu năm", .periodEnd(.half(year: 2024, half: 1))),
        ("6 tháng cuối năm", .periodEnd(.half(year: 2024, half: 2))),
        ("Năm 2024", .periodEnd(.year(2024))),
        ("Cả năm", .periodEnd(.year(2024))),
        ("Hằng tháng", every(.monthly(day: nil))),
        ("Hằng tháng, trước ngày 20", every(.monthly(day: 20))),
        ("Hàng quý", every(.quarterly(day: nil))),
        ("Hằng tuần", every(.weekly(.friday))),
        ("Chủ nhật hằng tuần", every(.weekly(.sunday))),
        ("Thường xuyên", .ongoing),
        ("Quý I – Quý II", .periodEnd(.quarter(year: 2024, quarter: 2))),
    ]

    @Test("Every phrase of docs/config.md", arguments: phrases)
    func spec(phrase: String, expected: Deadline) throws {
        #expect(try DeadlinePhrase.parse(phrase, planYear: 2024) == expected)
    }

    @Test("The same without diacritics", arguments: phrases)
    func withoutDiacritics(phrase: String, expected: Deadline) throws {
        let plain = VietnameseText.folded(phrase)
        #expect(try DeadlinePhrase.parse(plain, planYear: 2024) == expected, "\(plain)")
    }

    @Test("The same in capitals and with hàng for hằng", arguments: phrases)
    func upperCaseAndHang(phrase: String, expected: Deadline) throws {
        let variant = phrase.replacingOccurrences(of: "Hằng", with: "Hàng").replacingOccurrences(
            of: "hằng", with: "hàng"
        )
        .uppercased()
        #expect(try DeadlinePhrase.parse(variant, planYear: 2024) == expected, "\(variant)")
    }

    @Test("The same written in decomposed Unicode (NFD), as Word and spreadsheets often hold it", arguments: phrases)
    func decomposed(phrase: String, expected: Deadline) throws {
        let nfd = phrase.decomposedStringWithCanonicalMapping
        #expect(try DeadlinePhrase.parse(nfd, planYear: 2024) == expected)
    }

    @Test(
        "More forms people write",
        arguments: [
            ("Quý IV/2024", Deadline.periodEnd(.quarter(year: 2024, quarter: 4))),
            ("quí 3", .periodEnd(.quarter(year: 2024, quarter: 3))),
            ("Quý I-II/2024", .periodEnd(.quarter(year: 2024, quarter: 2))),
            ("Quý III năm 2025", .periodEnd(.quarter(year: 2025, quarter: 3))),
            ("Tháng 3 - tháng 4", .periodEnd(.month(year: 2024, month: 4))),
            ("tháng 12 năm 2024", .periodEnd(.month(year: 2024, month: 12))),
            ("2024-06-30", .date(d(2024, 6, 30))),
            ("30.6.2024", .date(d(2024, 6, 30))),
            ("ngày 30 tháng 6 năm 2024", .date(d(2024, 6, 30))),
            ("Đến 15/3", .date(d(2024, 3, 15))),
            ("Chậm nhất ngày 15/3/2024", .date(d(2024, 3, 15))),
            ("Thứ Hai hằng tuần", every(.weekly(.monday))),
            ("thứ 6 hàng tuần", every(.weekly(.friday))),
            ("Hằng năm", every(.yearly(month: 12, day: 31))),
            ("Hằng năm, trước ngày 15/12", every(.yearly(month: 12, day: 15))),
            ("Hàng quý, trước ngày 18", every(.quarterly(day: 18))),
            ("6 tháng một lần", every(.halfYearly(day: nil))),
            ("Cuối năm", .periodEnd(.year(2024))),
            ("6 tháng đầu năm 2025", .periodEnd(.half(year: 2025, half: 1))),
        ])
    func moreForms(phrase: String, expected: Deadline) throws {
        #expect(try DeadlinePhrase.parse(phrase, planYear: 2024) == expected)
    }

    @Test(
        "Wrong phrases and the error each gives",
        arguments: [
            ("Quý V/2024", "the deadline \"Quý V/2024\": there is no quarter 5 (quarters are I to IV)"),
            ("Tháng 13/2024", "the deadline \"Tháng 13/2024\": there is no month 13"),
            ("31/02/2024", "the deadline \"31/02/2024\": 31/2/2024 is not a day of the calendar"),
            ("30/2", "the deadline \"30/2\": 30/2/2024 is not a day of the calendar"),
            (
                "Hằng tháng, trước ngày 32",
                "the deadline \"Hằng tháng, trước ngày 32\": day 32 of the month is not a day of the calendar"
            ),
            ("13/2025", "the deadline \"13/2025\": there is no month 2025"),
            ("", "the deadline is empty (write \"Thường xuyên\" for a task without one)"),
            ("Thnag 6/2024", "cannot read \"Thnag 6/2024\" as a deadline (did you mean \"tháng 6/2024\"?)"),
            ("Quyý I", "cannot read \"Quyý I\" as a deadline (did you mean \"Quý i\"?)"),
            (
                "sớm nhất có thể",
                "cannot read \"sớm nhất có thể\" as a deadline (write, for example, \"Khi có phát sinh\", \"Năm 2024\""
            ),
            ("Quý I/2024 hoặc quý II", "cannot read \"Quý I/2024 hoặc quý II\" as a deadline"),
            ("Tháng 6/2024 xong", "cannot read \"Tháng 6/2024 xong\""),
            ("30/06/24", "cannot read \"30/06/24\""),
        ])
    func wrong(phrase: String, message: String) {
        #expect {
            try DeadlinePhrase.parse(phrase, planYear: 2024)
        } throws: { error in
            (error as? DeadlinePhraseError)?.description.hasPrefix(message) == true
        }
    }

    @Test(
        "Phrases real tables use",
        arguments: [
            ("Trước 20 hằng tháng", every(.monthly(day: 20), year: 2025)),
            ("Trước ngày 25 hàng tháng", every(.monthly(day: 25), year: 2025)),
            ("Ngày 20 hằng tháng", every(.monthly(day: 20), year: 2025)),
            ("Định kỳ hằng quý", every(.quarterly(day: nil), year: 2025)),
            ("Định kỳ hàng tháng", every(.monthly(day: nil), year: 2025)),
            ("Định kỳ 6 tháng", every(.halfYearly(day: nil), year: 2025)),
            ("Từ tháng 3 đến tháng 5", .periodEnd(.month(year: 2025, month: 5))),
            ("Hoàn thành trong Quý I/2025", .periodEnd(.quarter(year: 2025, quarter: 1))),
            ("Quý I/2025 và duy trì thường xuyên", .periodEnd(.quarter(year: 2025, quarter: 1))),
            ("Thường xuyên, liên tục", .ongoing),
            ("Trước Tết Nguyên đán", .beforeTet(year: 2025)),
            ("9/2025", .periodEnd(.month(year: 2025, month: 9))),
        ])
    func realTables(phrase: String, expected: Deadline) throws {
        let hang = phrase.replacingOccurrences(of: "hằng", with: "hàng")
        for variant in [phrase, VietnameseText.folded(phrase), phrase.uppercased(), hang, hang.lowercased()] {
            #expect(try DeadlinePhrase.parse(variant, planYear: 2025) == expected, "\(variant)")
        }
    }

    /// What offices published in late 2025 wrote in their time columns (issue 28), each as a Vietnamese reader
    /// reads it, in a plan of 2025.
    static let publishedPhrases: [(String, Deadline)] = [
        // A bare year, and "Năm N".
        ("2025", .periodEnd(.year(2025))),
        ("Năm 2026", .periodEnd(.year(2026))),
        // Year ranges: a yearly checkpoint on 31/12, the last the final deadline.
        ("2026 - 2030", years(2026, 2030)),
        ("Năm 2025-2030", years(2025, 2030)),
        ("2025 - 2035", years(2025, 2035)),
        ("Giai đoạn 2026 – 2030", years(2026, 2030)),
        ("Từ năm 2026 đến năm 2030", years(2026, 2030)),
        // A quarter in any spelling.
        ("Quí IV-2025", .periodEnd(.quarter(year: 2025, quarter: 4))),
        ("Quý IV – 2025", .periodEnd(.quarter(year: 2025, quarter: 4))),
        ("Quý 4 2025", .periodEnd(.quarter(year: 2025, quarter: 4))),
        ("Quý IV năm 2025", .periodEnd(.quarter(year: 2025, quarter: 4))),
        ("quý III/2025", .periodEnd(.quarter(year: 2025, quarter: 3))),
        ("Tháng 10-2025", .periodEnd(.month(year: 2025, month: 10))),
        // Ongoing with a periodic checkpoint.
        ("Thường xuyên, hằng năm", every(.yearly(month: 12, day: 31), year: 2025)),
        ("Thường xuyên, định kỳ hằng quý báo cáo về Sở Nội vụ", every(.quarterly(day: nil), year: 2025)),
        ("Thường xuyên; báo cáo định kỳ 6 tháng", every(.halfYearly(day: nil), year: 2025)),
        // Ongoing with scope words after it.
        ("liên tục cả năm", .ongoing),
        ("hằng ngày theo chỉ đạo", .ongoing),
        ("Thường xuyên trong năm", .ongoing),
        ("Thường xuyên, kịp thời", .ongoing),
        // Conditions: no fixed deadline.
        ("Khi có phát sinh", .noFixedDeadline),
        ("Sau khi có Quy chế của TW", .noFixedDeadline),
        ("Theo kế hoạch", .noFixedDeadline),
        ("Theo Kế hoạch riêng", .noFixedDeadline),
        ("Theo chỉ đạo của UBND tỉnh", .noFixedDeadline),
        ("Theo yêu cầu", .noFixedDeadline),
        ("Chưa có thời hạn cụ thể", .noFixedDeadline),
        // A month or quarter of every year.
        ("Tháng 12 hằng năm", every(.yearly(month: 12, day: 31), year: 2025)),
        ("Quý I hằng năm", every(.yearly(month: 3, day: 31), year: 2025)),
        // A qualifier before a named period with no year: that period of the plan's year.
        ("giữa quý III", .periodEnd(.quarter(year: 2025, quarter: 3))),
        ("đầu tháng 10", .periodEnd(.month(year: 2025, month: 10))),
        ("Cuối quý III", .periodEnd(.quarter(year: 2025, quarter: 3))),
        ("Hết quý II", .periodEnd(.quarter(year: 2025, quarter: 2))),
        ("suốt năm", .periodEnd(.year(2025))),
        ("Đầu năm", .periodEnd(.year(2025))),
        // Work that comes back every year from a first deadline.
        ("Năm 2025 và các năm tiếp theo", years(2025, 2025)),
        ("2025 và những năm tiếp theo", years(2025, 2025)),
        ("Năm 2026 và các năm tiếp theo", years(2026, 2026)),
        ("Quý IV/2025 và các năm tiếp theo", years(2025, 2025)),
        ("Năm 2025, duy trì hằng năm", years(2025, 2025)),
        ("Quý III/2025, duy trì hằng năm", yearlyOn(9, 30, from: 2025)),
        ("Năm 2025, 2026", years(2025, 2026)),
        ("Giai đoạn 2026-2030, hằng năm", years(2026, 2030)),
        ("Hằng năm, giai đoạn 2026-2030", years(2026, 2030)),
        ("Thường xuyên, giai đoạn 2026-2030", years(2026, 2030)),
        // A day of a month every year.
        ("Trước ngày 15/12 hằng năm", every(.yearly(month: 12, day: 15), year: 2025)),
        ("Trước 20/12 hằng năm", every(.yearly(month: 12, day: 20), year: 2025)),
        // Several report cadences: the most frequent.
        ("Định kỳ 6 tháng, hằng năm", every(.halfYearly(day: nil), year: 2025)),
        ("6 tháng, năm", every(.halfYearly(day: nil), year: 2025)),
        ("Hằng tháng, hằng quý", every(.monthly(day: nil), year: 2025)),
        ("Hàng tháng, quý, năm", every(.monthly(day: nil), year: 2025)),
        ("Hằng quý, 6 tháng, năm", every(.quarterly(day: nil), year: 2025)),
        ("Báo cáo định kỳ 6 tháng, năm", every(.halfYearly(day: nil), year: 2025)),
        // A start and no end: work that goes on.
        ("Từ năm 2025", .ongoing),
        ("Triển khai từ năm 2025", .ongoing),
        ("Từ tháng 8/2025", .ongoing),
        ("Thực hiện thường xuyên", .ongoing),
        ("Kịp thời", .noFixedDeadline),
        ("Theo quy định", .noFixedDeadline),
        ("Ngay sau khi Kế hoạch được ban hành", .noFixedDeadline),
        ("Theo tiến độ dự án", .noFixedDeadline),
        // Months and quarters listed or ranged under one year.
        ("Tháng 9, 10/2025", .periodEnd(.month(year: 2025, month: 10))),
        ("Tháng 8-9/2025", .periodEnd(.month(year: 2025, month: 9))),
        ("Tháng 7 - 8/2025", .periodEnd(.month(year: 2025, month: 8))),
        ("Quý III, IV/2025", .periodEnd(.quarter(year: 2025, quarter: 4))),
        ("Quý III-IV/2025", .periodEnd(.quarter(year: 2025, quarter: 4))),
        ("Quý III/2025 - Quý IV/2025", .periodEnd(.quarter(year: 2025, quarter: 4))),
        ("Từ tháng 8/2025 - tháng 12/2025", .periodEnd(.month(year: 2025, month: 12))),
        ("Năm 2025-2026", years(2025, 2026)),
        ("Đến năm 2030", .periodEnd(.year(2030))),
        ("Đến hết năm 2025", .periodEnd(.year(2025))),
        ("Hoàn thành trước ngày 30/11/2025", .date(d(2025, 11, 30))),
        ("Tháng 10 năm 2025", .periodEnd(.month(year: 2025, month: 10))),
        ("Thường xuyên (báo cáo trước ngày 15/12 hằng năm)", every(.yearly(month: 12, day: 15), year: 2025)),
        // A remark in parentheses, or after "theo": the deadline is what is left, else what is inside.
        ("Năm 2025 (hoàn thành trước 15/12)", .periodEnd(.year(2025))),
        ("Quý IV/2025 (báo cáo kết quả)", .periodEnd(.quarter(year: 2025, quarter: 4))),
        ("(trước 30/9/2025)", .date(d(2025, 9, 30))),
        ("Hằng tháng (trước ngày 25)", every(.monthly(day: 25), year: 2025)),
        ("hạ tuần tháng 10", .periodEnd(.month(year: 2025, month: 10))),
        ("Trung tuần tháng 11/2025", .periodEnd(.month(year: 2025, month: 11))),
        ("Hằng năm theo kế hoạch", every(.yearly(month: 12, day: 31), year: 2025)),
        ("Quý IV/2025 theo hướng dẫn của Bộ", .periodEnd(.quarter(year: 2025, quarter: 4))),
        // Years listed with "và"; ranges of days.
        ("Năm 2025 và 2026", years(2025, 2026)),
        ("Từ ngày 01/8/2025 đến ngày 31/8/2025", .date(d(2025, 8, 31))),
        ("15/3 - 30/3", .date(d(2025, 3, 30))),
    ]

    @Test("Phrases published tables use (issue 28)", arguments: publishedPhrases)
    func published(phrase: String, expected: Deadline) throws {
        for variant in [phrase, VietnameseText.folded(phrase), phrase.uppercased()] {
            #expect(try DeadlinePhrase.parse(variant, planYear: 2025) == expected, "\(variant)")
        }
    }

    @Test("A range of years checks in on 31/12 of each year, the last the final deadline")
    func yearRange() throws {
        guard case .recurring(let range) = try DeadlinePhrase.parse("2026 - 2030", planYear: 2025) else {
            Issue.record("not a recurrence")
            return
        }
        #expect(range.occurrences == (2026...2030).map { d($0, 12, 31) })
    }

    @Test("A quarter followed by its year after a hyphen is no quarter 2025")
    func quarterHyphenYear() {
        #expect(throws: Never.self) { try DeadlinePhrase.parse("Quí IV-2025", planYear: 2025) }
        #expect {
            try DeadlinePhrase.parse("Quý V-2025", planYear: 2025)
        } throws: { error in
            (error as? DeadlinePhraseError)?.description.contains("no quarter 5") == true
        }
    }

    @Test("Trước marks a deadline to be met before its day; other phrases do not")
    func finishBefore() throws {
        for phrase in ["Trước 25/1/2025", "trước ngày 30/4", "TRUOC 20 HANG THANG", "Hằng tháng, trước ngày 20"] {
            #expect(try DeadlinePhrase.read(phrase, planYear: 2025).finishBefore, "\(phrase)")
        }
        for phrase in ["25/1/2025", "Đến 30/4", "Chậm nhất ngày 30/4", "Quý I/2025", "Ngày 20 hằng tháng"] {
            #expect(try !DeadlinePhrase.read(phrase, planYear: 2025).finishBefore, "\(phrase)")
        }
    }

    @Test(
        "A deadline given as fields (TOML every) is written as a phrase that reads back the same, for the working copy",
        arguments: [
            every(.weekly(.monday)), every(.weekly(.sunday)), every(.monthly(day: nil)), every(.monthly(day: 20)),
            every(.quarterly(day: nil)), every(.quarterly(day: 15)), every(.halfYearly(day: nil)),
            every(.halfYearly(day: 10)), every(.yearly(month: 3, day: 8)), .periodEnd(.quarter(year: 2024, quarter: 3)),
            .periodEnd(.half(year: 2024, half: 1)), .periodEnd(.month(year: 2024, month: 11)), .periodEnd(.year(2024)),
            .date(d(2024, 6, 30)), .beforeTet(year: 2025), .ongoing, .noFixedDeadline, years(2024, 2028),
        ] as [Deadline])
    func writtenReadsBack(_ deadline: Deadline) throws {
        for finishBefore in [false, true] {
            if finishBefore, case .periodEnd = deadline { continue }
            if finishBefore, [.ongoing, .noFixedDeadline, years(2024, 2028)].contains(deadline) { continue }
            // "Trước Tết" says Trước itself.
            if !finishBefore, case .beforeTet = deadline { continue }
            if finishBefore, case .recurring(let recurrence) = deadline {
                switch recurrence.frequency {
                case .weekly, .monthly(day: nil), .quarterly(day: nil), .halfYearly(day: nil): continue
                default: break
                }
            }
            let phrase = DeadlinePhrase.written(deadline, finishBefore: finishBefore)
            let reading = try DeadlinePhrase.read(phrase, planYear: 2024)
            #expect(reading.deadline == deadline, "\(phrase)")
            #expect(reading.finishBefore == finishBefore, "\(phrase)")
        }
    }
}
