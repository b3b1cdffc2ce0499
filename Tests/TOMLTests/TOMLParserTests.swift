import Catalogue
import TestSupport
import Testing

@testable import TOML

@Suite("TOML parser")
struct TOMLParserTests {
    @Test("The config of docs/config.md reads, with the line of every key")
    func configSketch() throws {
        let table = try TOMLParser.parse(
            """
            timezone = "Asia/Ho_Chi_Minh"
            plans = ["plans/a.xlsx", "plans/b.toml"]   # relative

            [reminders]
            send_time = "07:30"
            before = [7, 3, 1]
            [reminders.focus]
            before = [14, 7, 3, 1]

            [calendar]
            days_off = [{ date = 2026-11-24, reason = "Ngày Văn hóa Việt Nam" }]

            [[official]]
            id = "khanh"
            top = true

            [[official]]
            id = "lam"
            aliases = ["PCT Lâm"]
            """)
        #expect(table.entries.map(\.key) == ["timezone", "plans", "reminders", "calendar", "official"])
        #expect(table["plans"]?.keyLine == 2)
        guard case .table(let reminders)? = table["reminders"]?.node.value,
            case .array(let before)? = reminders["before"]?.node.value,
            case .table(let focus)? = reminders["focus"]?.node.value
        else {
            Issue.record("reminders not read")
            return
        }
        #expect(reminders["before"]?.keyLine == 6)
        #expect(before.count == 3)
        #expect(focus["before"]?.keyLine == 8)
        guard case .array(let officials)? = table["official"]?.node.value,
            case .table(let lam) = officials[1].value,
            case .array(let aliases)? = lam["aliases"]?.node.value,
            case .string(let alias) = aliases[0].value
        else {
            Issue.record("officials not read")
            return
        }
        #expect(officials.count == 2)
        #expect(alias == "PCT Lâm")
        #expect(lam["id"]?.keyLine == 18)
        guard case .table(let calendar)? = table["calendar"]?.node.value,
            case .array(let daysOff)? = calendar["days_off"]?.node.value,
            case .table(let first) = daysOff[0].value,
            case .date(let date)? = first["date"]?.node.value
        else {
            Issue.record("calendar not read")
            return
        }
        #expect(date == TOMLDate(year: 2026, month: 11, day: 24))
    }

    @Test(
        "Scalars",
        arguments: [
            ("1_000", "1000"), ("-17", "-17"), ("0x1F", "31"), ("0o17", "15"), ("0b101", "5"), ("3.5", "3.5"),
            ("-2e3", "-2000.0"), ("inf", "inf"), ("true", "true"), ("07:30", "07:30:00"), ("07:30:15", "07:30:15"),
            ("2024-03-31", "2024-03-31"), ("2024-03-31T07:30:00+07:00", "2024-03-31 07:30:00 +420"),
            ("2024-03-31 07:30:00Z", "2024-03-31 07:30:00 +0"),
            ("1979-05-27T00:32:00.999", "1979-05-27 00:32:00 local"),
            // The extremes of a 64-bit integer; the negative one has no positive counterpart.
            ("-9223372036854775808", "-9223372036854775808"), ("9223372036854775807", "9223372036854775807"),
        ])
    func scalars(text: String, expected: String) throws {
        let table = try TOMLParser.parse("v = \(text)")
        #expect(table["v"].map { describe($0.node.value) } == expected)
    }

    @Test("Strings: escapes, literal and multi-line forms")
    func strings() throws {
        let table = try TOMLParser.parse(
            #"""
            a = "tab\there \u00E1 \"q\""
            b = 'C:\path'
            c = """
            one
            two"""
            d = """\
                joined \
                here"""
            e = '''
            raw \n'''
            f = """a ""quoted"" b"""""
            "quoted key" = 1
            g.h = 2
            """#)
        #expect(string(table, "a") == "tab\there á \"q\"")
        #expect(string(table, "b") == #"C:\path"#)
        #expect(string(table, "c") == "one\ntwo")
        #expect(string(table, "d") == "joined here")
        #expect(string(table, "e") == #"raw \n"#)
        #expect(string(table, "f") == #"a ""quoted"" b"""#)
        #expect(table["quoted key"] != nil)
        guard case .table(let g)? = table["g"]?.node.value else {
            Issue.record("dotted key not read")
            return
        }
        #expect(g["h"] != nil)
    }

    @Test(
        "Errors name the line and say what is wrong",
        arguments: [
            ("a = 1\na = 2", 2, "defined twice"),
            ("[t]\nx = 1\n[t]", 3, "table [t] is defined twice"),
            ("a = \"open", 1, "not closed"),
            ("a = hello", 1, "strings need quotes"),
            ("\n\nb = [1, 2", 3, "expected \",\" or \"]\""),
            ("a = 1 b = 2", 1, "expected the end of the line"),
            ("a =", 1, "value is missing"),
            ("x = 2024-02-30", 1, "cannot read 2024-02-30"),
            ("x = 01", 1, "cannot read 01"),
            ("x = 1__0", 1, "cannot read"),
            ("a = 1\n[a]", 2, "table [a] is defined twice"),
            ("a = \"\\q\"", 1, "unknown escape"),
            ("a = { b = 1 }\na.c = 2", 2, "already a table"),
            ("= 3", 1, "expected a key"),
        ])
    func errors(text: String, line: Int, message: String) {
        expectRefused(text, line: line, message: message)
    }

    @Test(
        "TOML 1.0 refuses control characters in comments and strings, a stray byte order mark, a date-time without seconds, integers out of range",
        arguments: [
            ("# a comment with DEL \u{7F}\na = 1", 1, "control character in a comment"),
            ("# a comment with \u{1F}\na = 1", 1, "control character in a comment"),
            ("# a bare CR \r here\na = 1", 1, "control character in a comment"),
            ("a = 1 # trailing \u{0}", 1, "control character in a comment"),
            ("a = \'\'\'\nDEL \u{7F}\'\'\'", 2, "control character in a string"),
            ("a = \'\'\'\nunit \u{1F} separator\'\'\'", 2, "control character in a string"),
            ("a = \'\'\'\nbare \r CR\'\'\'", 2, "control character in a string"),
            ("a = \"\"\"\nbare \r CR\"\"\"", 2, "control character in a string"),
            ("a = 1\n\u{FEFF}b = 2", 2, "expected a key"),
            ("\u{FEFF}\u{FEFF}a = 1", 1, "expected a key"),
            ("d = 1979-05-27T07:32", 1, "cannot read 1979-05-27T07:32"),
            ("d = 1979-05-27 07:32Z", 1, "cannot read"),
            ("d = 1979-05-27T07:32+07:00", 1, "cannot read"),
            ("i = 9223372036854775808", 1, "cannot read"),
            ("i = -9223372036854775809", 1, "cannot read"),
        ])
    func refusedAsTOML10Says(text: String, line: Int, message: String) {
        expectRefused(text, line: line, message: message)
    }

    @Test("What TOML 1.0 allows next to those: tab in comments, CRLF line ends, one leading byte order mark")
    func allowedNextToThem() throws {
        let table = try TOMLParser.parse(
            "\u{FEFF}# tab\there\r\na = \'\'\'\r\none\ttwo\r\nthree\'\'\' # ok\r\nb = \"\"\"x\r\ny\"\"\"\r\n")
        #expect(string(table, "a") == "one\ttwo\r\nthree")
        #expect(string(table, "b") == "x\r\ny")
    }

    @Test(
        "Nesting deeper than the limit is a located error, never a stack overflow: 100,000 arrays, inline tables, dotted keys",
        arguments: [
            "a = " + String(repeating: "[", count: 100_000),
            "a = " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
            "a = " + String(repeating: "{b = ", count: 100_000),
            "a = [" + String(repeating: "{b = [", count: 60) + "1" + String(repeating: "]}", count: 60) + "]",
            String(repeating: "a.", count: 100_000) + "b = 1",
            "[" + String(repeating: "a.", count: 100_000) + "b]",
            "x = { " + String(repeating: "a.", count: 99) + "b = 1 }",
        ])
    func tooDeep(text: String) {
        expectRefused("# deep\n" + text + "\n", line: 2, message: "nest deeper than \(TOMLParser.maximumDepth) levels")
    }

    @Test("Nesting up to the limit is read")
    func deepEnough() throws {
        let depth = TOMLParser.maximumDepth
        let table = try TOMLParser.parse(
            "a = " + String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth) + "\n"
                + String(repeating: "k.", count: depth - 1) + "last = 2\n")
        var node = try #require(table["a"]?.node)
        for _ in 0..<depth {
            guard case .array(let items) = node.value, let first = items.first else {
                Issue.record("not \(depth) arrays deep")
                return
            }
            node = first
        }
        #expect({ if case .integer(1) = node.value { true } else { false } }())
    }

    @Test(
        "A key written in NFC and the same key in NFD are two keys, in a small table and in a large one",
        arguments: [0, 5, 15, 16, 17, 40])
    func keysAreExactCharacters(otherKeys: Int) throws {
        let nfc = "ho\u{00E0}n"  // hoàn, precomposed
        let nfd = "hoa\u{0300}n"  // hoàn, a + combining grave
        #expect(nfc == nfd, "Swift compares them as equal; TOML must not")
        let others = (0..<otherKeys).map { "k\($0) = \($0)\n" }.joined()
        for (first, second) in [(nfc, nfd), (nfd, nfc)] {
            let table = try TOMLParser.parse(others + "\"\(first)\" = 1\n\"\(second)\" = 2\n")
            #expect(table.entries.count == otherKeys + 2)
            guard case .integer(1)? = table[first]?.node.value, case .integer(2)? = table[second]?.node.value else {
                Issue.record("\(otherKeys) other keys: the NFC and NFD keys were taken for one")
                continue
            }
            // The same key twice in one form is still refused.
            #expect(throws: TOMLError.self) { try TOMLParser.parse(others + "\"\(first)\" = 1\n\"\(first)\" = 2\n") }
        }
    }

    /// The parser refuses `text` with an error at `line` that says `message`.
    private func expectRefused(
        _ text: String, line: Int, message: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(sourceLocation: sourceLocation) {
            try TOMLParser.parse(text)
        } throws: { error in
            guard let error = error as? TOMLError else { return false }
            // The clerk reads it in Vietnamese: no English sentence left in it.
            let vietnamese = Message.toml(error.problem).text(.vi)
            return error.line == line && "\(error)".contains(message) && englishWords(in: vietnamese).isEmpty
                && vietnamese != Message.toml(error.problem).text(.en)
        }
    }

    private func string(_ table: TOMLTable, _ key: String) -> String? {
        if case .string(let text)? = table[key]?.node.value { return text }
        return nil
    }

    private func describe(_ value: TOMLValue) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        func date(_ d: TOMLDate) -> String { "\(d.year)-\(two(d.month))-\(two(d.day))" }
        func time(_ t: TOMLTime) -> String { "\(two(t.hour)):\(two(t.minute)):\(two(t.second))" }
        switch value {
        case .integer(let n): return "\(n)"
        case .float(let x): return "\(x)"
        case .boolean(let b): return "\(b)"
        case .string(let s): return s
        case .date(let d): return date(d)
        case .time(let t): return time(t)
        case .dateTime(let d, let t, let offset): return "\(date(d)) \(time(t)) \(offset.map { "+\($0)" } ?? "local")"
        case .array, .table: return "?"
        }
    }
}
