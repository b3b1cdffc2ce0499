import Foundation
import Model
import ScheduleSources
import TestSupport
import Testing

/// A config folder in a temporary directory, removed when the test ends.
final class ConfigFolder {
    let path: String

    init(config: String, plans: [String: String] = [:]) throws {
        path = NSTemporaryDirectory() + "nhacviec-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path + "/plans", withIntermediateDirectories: true)
        try config.write(toFile: path + "/nhacviec.toml", atomically: true, encoding: .utf8)
        for (name, text) in plans {
            try text.write(toFile: path + "/plans/" + name, atomically: true, encoding: .utf8)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    var configFile: String { path + "/nhacviec.toml" }

    /// The errors of loading, as `file:line: message` with the folder removed, in English; each is
    /// also checked to read as Vietnamese, the clerk's language, with no English sentence left in it.
    func errors(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        do {
            _ = try ScheduleLoader.load(config: path)
            return []
        } catch {
            for item in error.items {
                let vietnamese = item.message.text(.vi) + (item.hint.map { " (\($0.text(.vi)))" } ?? "")
                #expect(vietnamese != item.message.text(.en), "\(vietnamese)", sourceLocation: sourceLocation)
                #expect(englishWords(in: vietnamese).isEmpty, "\(vietnamese)", sourceLocation: sourceLocation)
            }
            return error.items.map { $0.description.replacingOccurrences(of: path + "/", with: "") }
        }
    }
}

let officials = """
    [[official]]
    id = "lam"
    name = "Nguyễn Văn Lâm"
    email = "lam@x.example"

    [[official]]
    id = "hung"
    name = "Trần Văn Hùng"
    email = "hung@x.example"

    """

let plan = """
    [plan]
    id = "p"
    title = "Kế hoạch"
    year = 2024

    [[task]]
    id = "1"
    title = "Việc một"
    lead = "PCT Lâm"
    responsible = ["hung"]
    due = "Quý I/2024"

    """

@Suite("Config and plans: every broken input is a located error")
struct ConfigLoaderTests {
    @Test("The example config of the repository loads")
    func example() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let loaded = try ScheduleLoader.load(config: root.appendingPathComponent("config").path)
        #expect(loaded.schedule.directory.officials.count == 11)
        #expect(loaded.schedule.tasks.filter(\.isFocus).count == 4)
        #expect(loaded.schedule.tasks.contains { $0.carriedOverFrom == 2023 })
        #expect(loaded.schedule.tasks.contains { $0.report == .monthly })
        #expect(loaded.configuration.clerk == "thu")
        #expect(Set(loaded.schedule.tasks.compactMap(\.section)) == ["TT", "2.1", "2.3", "2.4"])
    }

    @Test("A minimal config with one plan loads, with the defaults of docs/config.md")
    func minimal() throws {
        let folder = try ConfigFolder(config: "plans = [\"plans/p.toml\"]\n" + officials, plans: ["p.toml": plan])
        let loaded = try ScheduleLoader.load(config: folder.configFile)
        #expect(loaded.schedule.policy == ReminderPolicy())
        #expect(loaded.configuration.timezone == "Asia/Ho_Chi_Minh")
        #expect(loaded.configuration.email.url == nil)  // a Maildir in the state folder
        #expect(loaded.schedule.tasks.first?.lead == "lam")  // "PCT Lâm": the one official named Lâm
    }

    @Test(
        "A ZNS webhook: its template's parameters in the config's order, the group's app and tokens lent by tokens_from; an official with only a phone is reached by it; phones as ZNS writes them"
    )
    func znsWebhook() throws {
        let config = """
            plans = ["plans/p.toml"]
            [email]
            from = "a@x.example"
            administrator = "quantri@x.example"

            [[webhook]]
            name = "nhom"
            kind = "zalo-group"
            group_id = "g"
            app_id = "42"
            secret_key_file = "k"

            [[webhook]]
            name = "zns"
            kind = "zalo-zns"
            tokens_from = "nhom"
            template_id = "t1"

            [webhook.template_data]
            ten = "official_name"
            han = "first_deadline"
            so = "count"

            [[official]]
            id = "lam"
            name = "Nguyễn Văn Lâm"
            phone = "0912 345 678"

            [[official]]
            id = "hung"
            name = "Trần Văn Hùng"
            email = "hung@x.example"

            """
        let folder = try ConfigFolder(config: config, plans: ["p.toml": plan])
        let loaded = try ScheduleLoader.load(config: folder.configFile)
        let zns = try #require(loaded.configuration.webhooks.first { $0.name == "zns" }?.zalo)
        #expect(zns.appID == "42" && zns.secretKeyFile == "k" && zns.tokens == "nhom")
        guard case .zns(let template, let parameters, let limit) = zns.target else {
            Issue.record("not a ZNS target")
            return
        }
        #expect(template == "t1" && limit == 100)
        #expect(parameters.map(\.name) == ["ten", "han", "so"])
        #expect(parameters.map(\.field) == [.officialName, .firstDeadline, .count])
        #expect(loaded.schedule.directory.official("lam")?.phone == "84912345678")
        #expect(loaded.schedule.directory.channels["lam"] == [.webhook("nhom"), .webhook("zns")])
        #expect(loaded.schedule.directory.channels["hung"] == [.email, .webhook("nhom")], "no phone, no ZNS")
        #expect(loaded.configuration.email.administrator == "quantri@x.example")
        for (written, zalo) in [
            ("0912 345 678", "84912345678"), ("+84 912 345 678", "84912345678"), ("84-37-700-0111", "84377000111"),
            ("(090) 512.3456", "84905123456"),
        ] {
            #expect(PhoneNumber.zalo(written) == zalo, "\(written)")
        }
        for wrong in ["12345", "0212 345 678", "091234567", "0912 345 6789", "0912a45678", "+84+912345678"] {
            #expect(PhoneNumber.zalo(wrong) == nil, "\(wrong)")
        }
    }

    @Test(
        "Broken configs, each with the error at its line",
        arguments: [
            (
                "[reminders]\nbefor = [3]\n",
                "nhacviec.toml:2: unknown key \"befor\" in [reminders] (did you mean \"before\"?)"
            ),
            (
                "[web]\nlisten = \"8080\"\n",
                "nhacviec.toml:2: listen must be ADDRESS:PORT, not \"8080\" (listen = \"127.0.0.1:8080\")"
            ),
            ("[web]\npublic_url = \"x\"\n", "nhacviec.toml:1: [web] needs the key \"listen\""),
            (
                "[web]\nlisten = \"127.0.0.1:8080\"\npublic_url = \"nhacviec.phuong.example\"\n",
                "nhacviec.toml:3: web url \"nhacviec.phuong.example\" must start with https:// or http://"
            ),
            (
                "[web]\nlisten = \"127.0.0.1:8080\"\ntrusted_proxies = [\"proxy.local\"]\n",
                "nhacviec.toml:3: \"proxy.local\" is not an IP address (a proxy is named by its address)"
            ),
            (
                "[web]\nlisten = \"127.0.0.1:8080\"\ncompletion = \"later\"\n",
                "nhacviec.toml:3: completion in [web] must be one of \"confirm\", \"direct\", not \"later\""
            ),
            (
                "[web]\nlisten = \"127.0.0.1:8080\"\nreplaceable_plans = [\"plans/q.toml\"]\n",
                "nhacviec.toml:3: \"plans/q.toml\" is not one of the plans listed in `plans` (p.toml)"
            ),
            (
                "[web]\nlisten = \"127.0.0.1:8080\"\neditors = [\"Nguyễn Văn Lam\"]\n",
                "nhacviec.toml:3: editors of [web]: unknown official or unit \"Nguyễn Văn Lam\""
            ),
            (
                "[[webhook]]\nname = \"z\"\nkind = \"zalo-group\"\napp_id = \"1\"\nsecret_key_file = \"k\"\n",
                "nhacviec.toml:1: [[webhook]] needs the key \"group_id\""
            ),
            (
                "[[webhook]]\nname = \"z\"\nkind = \"zalo-zns\"\napp_id = \"1\"\nsecret_key_file = \"k\"\ntemplate_id = \"t\"\n",
                "nhacviec.toml:1: [[webhook]] needs the key \"template_data\""
            ),
            (
                "[[webhook]]\nname = \"z\"\nkind = \"zalo-zns\"\napp_id = \"1\"\nsecret_key_file = \"k\"\ntemplate_id = \"t\"\n[webhook.template_data]\nten = \"name\"\n",
                "nhacviec.toml:8: ten in [webhook.template_data] must be one of \"official_name\", \"count\", \"first_task\""
            ),
            (
                "[[webhook]]\nname = \"z\"\nkind = \"zalo-zns\"\napp_id = \"1\"\nsecret_key_file = \"k\"\ntemplate_id = \"t\"\n[webhook.template_data]\nlink = \"report_link\"\n",
                "nhacviec.toml:8: link = \"report_link\": the report link exists only with the web workspace on ([web])"
            ),
            (
                "[[webhook]]\nname = \"z\"\nkind = \"zalo-zns\"\ntokens_from = \"nhom\"\ntemplate_id = \"t\"\n[webhook.template_data]\nten = \"official_name\"\n",
                "nhacviec.toml:4: tokens_from: \"nhom\" is not a Zalo webhook with tokens of its own"
            ),
            (
                "[email]\nfrom = \"a@x.example\"\nadministrator = \"quan tri\"\n",
                "nhacviec.toml:3: \"quan tri\" is not an email address"
            ),
            (
                "[reminders]\nbefore = \"3\"\n",
                "nhacviec.toml:2: before in [reminders] must be an array of integers, not a string"
            ),
            (
                "[reminders]\nbefore = [3, -1]\n",
                "nhacviec.toml:2: before in [reminders] must hold whole numbers from 1 to 366"
            ),
            (
                "[reminders]\nsend_time = \"7h30\"\n",
                "nhacviec.toml:2: send_time \"7h30\" is not a time of day (write \"07:30\")"
            ),
            ("[reminders]\nsend_time = \"25:00\"\n", "nhacviec.toml:2: send_time \"25:00\" is not a time of day"),
            ("timezone = \"Asia/Hanoi_City\"\n", "nhacviec.toml:1: unknown time zone \"Asia/Hanoi_City\""),
            (
                "[reminders]\ncount = \"weekdays\"\n",
                "nhacviec.toml:2: count in [reminders] must be one of \"working_days\", \"calendar_days\", not \"weekdays\""
            ),
            (
                "[reminders]\ncatch_up_within = \"two days\"\n",
                "nhacviec.toml:2: catch_up_within \"two days\" is not a duration"
            ),
            (
                "[reminders.focus]\nbefore = [14]\nafter = [1]\n",
                "nhacviec.toml:3: unknown key \"after\" in [reminders.focus]"
            ),
            (
                "timezon = \"Asia/Ho_Chi_Minh\"\n",
                "nhacviec.toml:1: unknown key \"timezon\" in the top level (did you mean \"timezone\"?)"
            ),
            (
                "[calendar]\ndays_off = [{ date = \"2026-11-24\", reason = \"x\" }]\n",
                "nhacviec.toml:2: date in [[calendar.days_off]] must be a date"
            ),
            (
                "[email]\nurl = \"http://mail\"\nfrom = \"a@x.example\"\n",
                "nhacviec.toml:2: email url \"http://mail\" must start with smtp://, smtps:// or file://"
            ),
            (
                "[email]\nfrom = \"Văn phòng <vp@x.example>, b@x.example\"\n",
                "nhacviec.toml:2: \"Văn phòng <vp@x.example>, b@x.example\" is not an email address"
            ),
            (
                "[email]\nurl = \"file:///etc\"\nfrom = \"a@x.example\"\n",
                "nhacviec.toml:2: the Maildir cannot be the system's folder /etc"
            ),
            (
                "[email]\nurl = \"file:///proc/self\"\nfrom = \"a@x.example\"\n",
                "nhacviec.toml:2: the Maildir cannot be the system's folder /proc/self"
            ),
            (
                "[email]\nurl = \"file:///srv/mail/../../etc/cron.d\"\nfrom = \"a@x.example\"\n",
                "nhacviec.toml:2: the Maildir cannot be the system's folder /etc/cron.d"
            ),
            (
                "[email]\nurl = \"file://maildir\"\nfrom = \"a@x.example\"\n",
                "nhacviec.toml:2: the Maildir \"maildir\" must be an absolute path"
            ),
            (
                "[email]\nurl = \"file:///etc/hostname\"\nfrom = \"a@x.example\"\n",
                "nhacviec.toml:2: the Maildir cannot be the system's folder /etc/hostname"
            ),
            (
                "[[webhook]]\nname = \"n\"\nkind = \"discord\"\nurl = \"https://x.example\"\n",
                "nhacviec.toml:3: kind in [[webhook]] must be one of \"generic\", \"slack\", \"telegram\""
            ),
            ("[reminders]\nbefore = [3\n", "nhacviec.toml:3: expected \",\" or \"]\" in the array"),
        ])
    func brokenConfig(config: String, error: String) throws {
        let folder = try ConfigFolder(
            config: "plans = [\"plans/p.toml\"]\n" + config + officials, plans: ["p.toml": plan])
        let errors = folder.errors().map { $0.replacingOccurrences(of: "nhacviec.toml:", with: "nhacviec.toml:") }
        // The config's own lines are shifted by the plans line written first.
        let shifted = Self.shift(error, by: 1)
        #expect(errors.contains { $0.hasPrefix(shifted) }, "\(errors)")
    }

    @Test(
        "Broken directories",
        arguments: [
            ("[[official]]\nid = \"x\"\nname = \"X\"\n", "official x has no email and no webhook reaches them"),
            (
                "[[official]]\nid = \"x\"\nname = \"X\"\nemail = \"not an address\"\n",
                "\"not an address\" is not an email address"
            ),
            (
                "[[official]]\nid = \"x\"\nname = \"X\"\nemail = \"x@x.example\"\nphone = \"12345\"\n",
                "\"12345\" is not a Vietnamese mobile number"
            ),
            (
                // A NUL would cut the envelope while the header kept the rest.
                "[[official]]\nid = \"x\"\nname = \"X\"\nemail = \"hung\\u0000x@x.example\"\n",
                "\"hung\u{0}x@x.example\" is not an email address"
            ),
            (
                "[[official]]\nid = \"lam\"\nname = \"Lâm Hai\"\nemail = \"a@x.example\"\n",
                "a second official or unit has the id \"lam\""
            ),
            (
                "[[unit]]\nid = \"u\"\nname = \"Công an\"\ncontact = \"Nguyễn Văn Lam\"\n",
                "contact of unit \"Công an\": unknown official or unit \"Nguyễn Văn Lam\" (did you mean \"Nguyễn Văn Lâm\"?)"
            ),
            (
                "[[official]]\nid = \"x\"\nname = \"X\"\nemail = \"x@x.example\"\nescalates_to = \"nobody\"\n",
                "escalates_to of official x: unknown official or unit \"nobody\""
            ),
            ("clerk = \"Hùng Văn\"\n", "clerk: unknown official or unit \"Hùng Văn\""),
        ])
    func brokenDirectory(extra: String, error: String) throws {
        let folder = try ConfigFolder(
            config: "plans = [\"plans/p.toml\"]\n" + extra + officials, plans: ["p.toml": plan])
        #expect(folder.errors().contains { $0.contains(error) }, "\(folder.errors())")
    }

    @Test(
        "Broken plans, each with the error at its line",
        arguments: [
            (
                plan + "[[task]]\nid = \"2\"\ntitle = \"Hai\"\nresponsible = \"hung\"\ndue = \"Quí V\"\n",
                "plans/p.toml:16: due of task 2: the deadline \"Quí V\": there is no quarter 5"
            ),
            (
                plan + "[[task]]\nid = \"2\"\ntitle = \"Hai\"\nresponsible = \"hung\"\ndue = \"Thnag 6/2024\"\n",
                "plans/p.toml:16: due of task 2: cannot read \"Thnag 6/2024\" as a deadline (did you mean \"tháng 6/2024\"?)"
            ),
            (
                plan + "[[task]]\nid = \"2\"\ntitle = \"Hai\"\nresponsible = \"Trần Văn Hung\"\ndue = 2024-05-01\n",
                "plans/p.toml:15: responsible of task 2: unknown official or unit \"Trần Văn Hung\" (did you mean \"Trần Văn Hùng\"?)"
            ),
            (
                plan + "[[task]]\nid = \"1\"\ntitle = \"Lại\"\nresponsible = \"hung\"\ndue = 2024-05-01\n",
                "plans/p.toml:12: a second task has the id \"1\""
            ),
            (
                plan + "[[task]]\nid = \"2\"\ntitle = \"Hai\"\nresponsible = \"hung\"\n",
                "plans/p.toml:12: task 2 needs a deadline"
            ),
            (
                plan + "[[task]]\nid = \"2\"\ntitle = \"Hai\"\nresponsible = \"hung\"\ndue = 2024-05-01\nduee = 1\n",
                "plans/p.toml:17: unknown key \"duee\" in task 2 (did you mean \"due\"?)"
            ),
            (
                plan + "[[task]]\nid = \"2\"\ntitle = \"Hai\"\ndue = 2024-05-01\n",
                "plans/p.toml:12: task 2 needs the key \"responsible\""
            ),
            (
                plan
                    + "[[task]]\nid = \"2\"\ntitle = \"Hai\"\nresponsible = \"hung\"\nevery = \"month\"\nday = 20\ncompleted_occurrences = { \"2024-03-21\" = 2024-03-20 }\n",
                "plans/p.toml:18: \"2024-03-21\" is not an occurrence of task 2"
            ),
            ("[plan]\nid = \"p\"\n", "plans/p.toml:1: [plan] needs the key \"year\""),
            ("title = 'x\n", "plans/p.toml:1: the string is not closed"),
        ])
    func brokenPlan(text: String, error: String) throws {
        let folder = try ConfigFolder(config: "plans = [\"plans/p.toml\"]\n" + officials, plans: ["p.toml": text])
        #expect(folder.errors().contains { $0.hasPrefix(error) }, "\(folder.errors())")
    }

    @Test("A plan file that does not exist is named at the line that lists it")
    func missingPlan() throws {
        let folder = try ConfigFolder(
            config: "plans = [\"plans/p.toml\",\n  \"plans/nope.toml\"]\n" + officials, plans: ["p.toml": plan])
        #expect(folder.errors() == ["nhacviec.toml:2: cannot read plans/nope.toml: no such file"])
    }

    @Test("Several errors are all reported at once")
    func several() throws {
        let folder = try ConfigFolder(
            config: "plans = [\"plans/p.toml\"]\n[reminders]\nbefor = [3]\noverdue_every = 0\n" + officials,
            plans: ["p.toml": plan])
        #expect(folder.errors().count == 2)
    }

    @Test(
        "A misspelt unit contact is one error, at the contact's line: not one per task of the unit, and its aliases are not called unknown"
    )
    func misspeltUnitContact() throws {
        let unit =
            "[[unit]]\nid = \"ca\"\nname = \"Công an phường\"\naliases = [\"CA\"]\ncontact = \"Nguyễn Văn Lam\"\n"
        var tasks = plan
        for number in 2...4 {
            tasks += "[[task]]\nid = \"\(number)\"\ntitle = \"Việc\"\nresponsible = \"CA\"\ndue = 2024-05-01\n\n"
        }
        let folder = try ConfigFolder(
            config: "plans = [\"plans/p.toml\"]\n" + officials + unit, plans: ["p.toml": tasks])
        #expect(
            folder.errors() == [
                "nhacviec.toml:15: contact of unit \"Công an phường\": unknown official or unit \"Nguyễn Văn Lam\" (did you mean \"Nguyễn Văn Lâm\"?)"
            ])
    }

    @Test("An official without an id is one error: its other keys are known, and not called unknown")
    func officialWithoutID() throws {
        let folder = try ConfigFolder(
            config: "plans = [\"plans/p.toml\"]\n" + officials
                + "[[official]]\nname = \"Lê Văn Tư\"\nemail = \"tu@x.example\"\naliases = [\"Tư\"]\n",
            plans: ["p.toml": plan])
        #expect(folder.errors() == ["nhacviec.toml:11: [[official]] needs the key \"id\""], "\(folder.errors())")
    }

    @Test("Errors are listed file by file in the order read, and by line within a file, whatever found them first")
    func errorsInLineOrder() throws {
        // The plan's unknown key is found when its table ends, after the wrong deadline two lines below it.
        let broken =
            plan
            + "[[task]]\nid = \"2\"\ntitel = \"Hai\"\nresponsible = \"hung\"\ndue = \"Quí V\"\n\n"
            + "[[task]]\nid = \"3\"\ntitle = \"Ba\"\nresponsible = \"Hung Tran\"\ndue = 2024-05-01\n"
        let folder = try ConfigFolder(
            config: "plans = [\"plans/p.toml\"]\n" + officials + "[reminders]\nbefor = [3]\n",
            plans: ["p.toml": broken])
        let places = folder.errors().map { $0.prefix { $0 != " " } }
        #expect(
            places == [
                "nhacviec.toml:12:", "plans/p.toml:12:", "plans/p.toml:14:", "plans/p.toml:16:", "plans/p.toml:21:",
            ],
            "\(folder.errors())")
    }

    static func shift(_ error: String, by lines: Int) -> String {
        guard let colon = error.firstIndex(of: ":"), let end = error[error.index(after: colon)...].firstIndex(of: ":"),
            let line = Int(error[error.index(after: colon)..<end])
        else { return error }
        return error[..<error.index(after: colon)] + "\(line + lines)" + error[end...]
    }
}
