import Catalogue
import Foundation
import Model
import TOML
import WorkingCalendar

/// Reads the main config file into a ``Configuration``, reporting every problem with its line.
enum ConfigLoader {
    static let topKeys = [
        "timezone", "state_dir", "plans", "clerk", "summary", "reminders", "calendar", "carry_over", "email", "webhook",
        "official", "unit", "web",
    ]

    /// - Parameter readingFrom: where the file's text is read, when not at `file` itself (a copy); paths
    ///   in it are resolved against `file`'s folder all the same.
    static func load(_ file: String, readingFrom: String? = nil, log: DiagnosticLog) -> Configuration? {
        guard let root = TOMLFile.read(readingFrom ?? file, log: log) else { return nil }
        var reader = TableReader(root: root, file: file, log: log)
        // Absolute and standardized, so that a plan's path, the key its versions are kept under in the state,
        // is the same whether the config was given as "nhacviec.toml" from its folder or by its full path.
        let written = (file as NSString).deletingLastPathComponent
        let folder = URL(fileURLWithPath: written.isEmpty ? "." : written, isDirectory: true).standardizedFileURL.path

        let timezone = reader.string("timezone") ?? "Asia/Ho_Chi_Minh"
        if TimeZone(identifier: timezone) == nil {
            reader.log.add(reader.location(of: "timezone"), .unknownTimeZone(timezone), hint: .forVietnam)
        }
        let stateDirectory = reader.string("state_dir").map { resolve($0, against: folder) }
        let plans = planSources(&reader, folder: folder)
        var policy = reminderPolicy(&reader)
        if var carry = reader.table("carry_over") {
            policy.carryOver.scope = carry.choice("scope", CarryOver.Scope.self) ?? policy.carryOver.scope
            policy.carryOver.dueQuarter = carry.integer("due_quarter", range: 1...4) ?? policy.carryOver.dueQuarter
            carry.finish(known: ["scope", "due_quarter"])
        }
        let calendar = calendarAdjustments(&reader, file: file)
        // Beside the file read: the config's folder, or its copy's.
        let readFolder = ((readingFrom ?? file) as NSString).deletingLastPathComponent
        let published = publishedSchedules(
            in: (readFolder as NSString).appendingPathComponent("calendar"), log: reader.log)
        let email = emailSettings(&reader, folder: folder)
        let webhooks = webhookSettings(&reader, folder: folder, webOn: reader.has("web"))
        let directory = DirectoryLoader.load(&reader, webhooks: webhooks)
        var clerk: OfficialID?
        if let name = reader.string("clerk") {
            do {
                clerk = try NameResolver(directory: directory).official(name)
            } catch {
                reader.log.add(reader.location(of: "clerk"), .of("clerk", in: nil, .name(error)))
            }
        }
        let summary = summarySettings(&reader, directory: directory, clerk: clerk)
        let web = webSettings(&reader, directory: directory, folder: folder, plans: plans)
        reader.finish(known: topKeys)
        return Configuration(
            file: file, timezone: timezone, stateDirectory: stateDirectory, plans: plans, policy: policy,
            calendar: calendar, publishedSchedules: published.schedules, publishedScheduleFiles: published.files,
            email: email, webhooks: webhooks, directory: directory, clerk: clerk, summary: summary, web: web)
    }

    /// The office's own published schedules: every `.toml` file in `calendar/` beside the config, one year
    /// each, adding a year or taking the place of the shipped one.
    static func publishedSchedules(in folder: String, log: DiagnosticLog) -> (
        schedules: [Int: PublishedSchedule], files: [String]
    ) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasSuffix(".toml")
        }
        var schedules: [Int: PublishedSchedule] = [:]
        var files: [String] = []
        for name in names.sorted() {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let text = TextFile.read(path, log: log) else { continue }
            do {
                let schedule = try PublishedSchedule.read(text, file: path)
                if let other = schedules[schedule.year] {
                    log.add(
                        SourceLocation(file: path, line: 1), .secondScheduleForYear(schedule.year),
                        hint: .theFirstIs(other.file))
                }
                schedules[schedule.year] = schedule
                files.append(path)
            } catch {
                log.add(SourceLocation(file: path, line: error.line), error.message)
            }
        }
        return (schedules, files)
    }

    static func resolve(_ path: String, against folder: String) -> String {
        let joined = path.hasPrefix("/") || folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
        return URL(fileURLWithPath: joined).standardizedFileURL.path
    }

    private static func planSources(_ reader: inout TableReader, folder: String) -> [PlanSource] {
        guard let node = reader.raw("plans") else { return [] }
        guard case .array(let items) = node.value else {
            reader.log.add(reader.location(node.line), .plansNotAnArray(found: node.value.kind))
            return []
        }
        var sources: [PlanSource] = []
        for item in items {
            let location = reader.location(item.line)
            switch item.value {
            case .string(let path):
                sources.append(
                    PlanSource(
                        path: resolve(path, against: folder), year: nil, sheet: nil, columns: [:], listedAt: location))
            case .table(let table):
                var entry = TableReader(root: table, file: reader.file, log: reader.log)
                entry.place = .plansEntry
                let path = entry.string("path", required: true)
                let year = entry.integer("year", range: 1900...2100)
                let sheet = entry.string("sheet")
                var columns: [String: String] = [:]
                if var map = entry.table("columns") {
                    let fields = TableField.names
                    for field in fields { columns[field] = map.string(field) }
                    map.finish(known: fields)
                }
                if let path {
                    sources.append(
                        PlanSource(
                            path: resolve(path, against: folder), year: year, sheet: sheet, columns: columns,
                            listedAt: location))
                }
                entry.finish(known: ["path", "year", "sheet", "columns"])
            default:
                reader.log.add(location, .plansEntryWrongType(found: item.value.kind))
            }
        }
        return sources
    }

    private static func reminderPolicy(_ reader: inout TableReader) -> ReminderPolicy {
        var policy = ReminderPolicy()
        guard var table = reader.table("reminders") else { return policy }
        if let text = table.string("send_time") {
            if let (hour, minute) = clockTime(text) {
                (policy.sendHour, policy.sendMinute) = (hour, minute)
            } else {
                table.log.add(
                    table.location(of: "send_time"), .notATimeOfDay("send_time", found: text), hint: .write(["07:30"]))
            }
        }
        policy.before = table.integers("before", range: 1...366) ?? policy.before
        policy.onDeadline = table.boolean("on_deadline") ?? policy.onDeadline
        policy.overdueEvery = table.integer("overdue_every", range: 1...366) ?? policy.overdueEvery
        policy.escalateAfter = table.integer("escalate_after", range: 1...366) ?? policy.escalateAfter
        policy.escalateTopAfter = table.integer("escalate_top_after", range: 1...366) ?? policy.escalateTopAfter
        policy.count = table.choice("count", ReminderPolicy.DayCount.self) ?? policy.count
        policy.deadlineOnDayOff =
            table.choice("deadline_on_day_off", ReminderPolicy.DayOffRule.self) ?? policy.deadlineOnDayOff
        policy.beforeOnDayOff =
            table.choice("before_on_day_off", ReminderPolicy.DayOffRule.self) ?? policy.beforeOnDayOff
        if let text = table.string("catch_up_within") {
            if let seconds = duration(text) {
                policy.catchUpWithin = seconds
            } else {
                table.log.add(
                    table.location(of: "catch_up_within"), .notADuration("catch_up_within", found: text),
                    hint: .write(["2d", "36h", "90m"]))
            }
        }
        if var focus = table.table("focus") {
            policy.focusBefore = focus.integers("before", range: 1...366) ?? policy.focusBefore
            focus.finish(known: ["before"])
        }
        if policy.escalateTopAfter < policy.escalateAfter {
            table.log.add(
                table.location(of: "escalate_top_after"),
                .escalationOrder(top: policy.escalateTopAfter, after: policy.escalateAfter))
        }
        table.finish(known: [
            "send_time", "before", "on_deadline", "overdue_every", "escalate_after", "escalate_top_after", "count",
            "deadline_on_day_off", "before_on_day_off", "catch_up_within", "focus",
        ])
        return policy
    }

    private static func calendarAdjustments(_ reader: inout TableReader, file: String) -> CalendarAdjustments {
        guard var table = reader.table("calendar") else { return .none }
        func days(_ key: String) -> [(date: CivilDate, reason: String)] {
            table.tables(key).compactMap { entry in
                var entry = entry
                let date = entry.date("date", required: true)
                let reason = entry.string("reason") ?? "Theo quyết định"
                entry.finish(known: ["date", "reason"])
                return date.map { ($0, reason) }
            }
        }
        let adjustments = CalendarAdjustments(
            daysOff: days("days_off"), workingDays: days("working_days"),
            source: "cấu hình \((file as NSString).lastPathComponent) [calendar]")
        table.finish(known: ["days_off", "working_days"])
        return adjustments
    }

    private static func emailSettings(_ reader: inout TableReader, folder: String)
        -> EmailSettings
    {
        guard var table = reader.table("email") else {
            return EmailSettings(
                url: nil, from: "nhacviec <nhacviec@localhost>", username: nil, passwordFile: nil, caFile: nil,
                verifyCertificates: true, connectTimeout: 10, timeout: 60, language: .vi, templates: nil,
                attachCalendar: true, administrator: nil)
        }
        let url = table.string("url")
        if let url, !["smtp://", "smtps://", "file://"].contains(where: url.hasPrefix) {
            table.log.add(
                table.location(of: "url"), .urlScheme("email", url: url, schemes: ["smtp://", "smtps://", "file://"]))
        }
        if let url, url.hasPrefix("file://"), let problem = maildirProblem(String(url.dropFirst("file://".count))) {
            table.log.add(
                table.location(of: "url"), problem, hint: .example("url = \"file:///var/lib/nhacviec/maildir\""))
        }
        let from = table.string("from", required: true) ?? ""
        if from.contains(where: { $0 == "\r" || $0 == "\n" }) {
            table.log.add(table.location(of: "from"), .fromOnOneLine)
        } else if table.has("from"), case let address = EmailAddress.split(from).address, !EmailAddress.isValid(address)
        {
            table.log.add(table.location(of: "from"), .notAnEmailAddress(address))
        }
        var administrator = table.string("administrator")
        if let written = administrator, !EmailAddress.isValid(written) {
            table.log.add(table.location(of: "administrator"), .notAnEmailAddress(written))
            administrator = nil
        }
        let written = table.string("language")
        let language = written.map { Language(rawValue: $0) } ?? .vi
        if let written, language == nil {
            table.log.add(
                table.location(of: "language"),
                .notOneOf("language", in: table.place, choices: Language.allCases.map(\.rawValue), found: written))
        }
        if let language { table.log.language = language }
        let settings = EmailSettings(
            url: url, from: from, username: table.string("username"), passwordFile: table.string("password_file"),
            caFile: table.string("ca_file").map { resolve($0, against: folder) },
            verifyCertificates: table.boolean("verify_certificates") ?? true,
            connectTimeout: table.integer("connect_timeout", range: 1...600) ?? 10,
            timeout: table.integer("timeout", range: 1...3600) ?? 60, language: language ?? .vi,
            templates: table.string("templates").map { resolve($0, against: folder) },
            attachCalendar: table.boolean("attach_ics") ?? true,
            administrator: administrator)
        table.finish(known: [
            "url", "from", "username", "password_file", "ca_file", "verify_certificates", "connect_timeout", "timeout",
            "language", "templates", "attach_ics", "administrator",
        ])
        return settings
    }

    private static func webhookSettings(_ reader: inout TableReader, folder: String, webOn: Bool) -> [WebhookSettings] {
        var names: Set<String> = []
        var borrowed: [(name: String, from: String, at: SourceLocation)] = []
        var settings: [WebhookSettings] = reader.tables("webhook").compactMap { entry in
            var entry = entry
            defer {
                entry.finish(known: [
                    "name", "kind", "url", "token_file", "secret_file", "chat_id", "timeout", "group_id", "app_id",
                    "secret_key_file", "oauth_url", "template_id", "template_data", "value_limit", "tokens_from",
                ])
            }
            guard let name = entry.string("name", required: true),
                let kind = entry.choice("kind", WebhookSettings.Kind.self),
                // Zalo's APIs have one address each; any other webhook names its own.
                let url = zaloURL(of: kind).map({ entry.string("url") ?? $0 }) ?? entry.string("url", required: true)
            else {
                if !entry.has("kind") { entry.log.add(entry.location(nil), .missingKey("kind", in: entry.place)) }
                return nil
            }
            if !names.insert(name).inserted {
                entry.log.add(entry.location(of: "name"), .secondWebhookName(name))
            }
            if !url.hasPrefix("https://") && !url.hasPrefix("http://") {
                entry.log.add(
                    entry.location(of: "url"), .urlScheme("webhook", url: url, schemes: ["https://", "http://"]))
            }
            var settings = WebhookSettings(
                name: name, kind: kind, url: url, tokenFile: entry.string("token_file"),
                secretFile: entry.string("secret_file"), chatID: entry.string("chat_id"),
                timeout: entry.integer("timeout", range: 1...600) ?? 30)
            guard kind.isZalo, let target = zaloTarget(kind, &entry, webOn: webOn) else { return settings }
            if let from = entry.string("tokens_from") {
                // The app's id and key come with the tokens, from that webhook (filled in below).
                borrowed.append((name, from, entry.location(of: "tokens_from")))
                settings.zalo = ZaloSettings(target: target, appID: "", secretKeyFile: "", oauthURL: "", tokens: from)
            } else if let app = entry.string("app_id", required: true),
                let key = entry.string("secret_key_file", required: true)
            {
                settings.zalo = ZaloSettings(
                    target: target, appID: app, secretKeyFile: key,
                    oauthURL: entry.string("oauth_url") ?? "https://oauth.zaloapp.com", tokens: name)
            }
            return settings
        }
        for (name, from, location) in borrowed {
            guard let index = settings.firstIndex(where: { $0.name == name }),
                let lender = settings.first(where: { $0.name == from })?.zalo, lender.tokens == from,
                let target = settings[index].zalo?.target
            else {
                let owners = settings.filter { $0.zalo?.tokens == $0.name }.map(\.name)
                reader.log.add(location, .notAZaloWebhook(from, configured: owners))
                continue
            }
            settings[index].zalo = ZaloSettings(
                target: target, appID: lender.appID, secretKeyFile: lender.secretKeyFile, oauthURL: lender.oauthURL,
                tokens: from)
        }
        return settings
    }

    /// The address of a Zalo API, when the kind is one of Zalo's.
    private static func zaloURL(of kind: WebhookSettings.Kind) -> String? {
        switch kind {
        case .zaloGroup: "https://openapi.zalo.me"
        case .zaloZNS: "https://business.openapi.zalo.me"
        case .generic, .slack, .telegram: nil
        }
    }

    /// A Zalo webhook's group, or its ZNS template and what fills each of the template's parameters.
    private static func zaloTarget(_ kind: WebhookSettings.Kind, _ entry: inout TableReader, webOn: Bool)
        -> ZaloSettings.Target?
    {
        guard kind == .zaloZNS else { return entry.string("group_id", required: true).map { .group(id: $0) } }
        let template = entry.string("template_id", required: true)
        let limit = entry.integer("value_limit", range: 1...400) ?? 100
        guard var map = entry.table("template_data") else {
            entry.log.add(entry.location(nil), .missingKey("template_data", in: entry.place))
            return nil
        }
        let keys = map.table.entries.map(\.key)
        var parameters: [ZaloSettings.TemplateParameter] = []
        for key in keys {
            guard let field = map.choice(key, ZNSField.self) else { continue }
            if field == .reportLink && !webOn {
                map.log.add(map.location(of: key), .reportLinkWithoutWeb(key))
            }
            parameters.append(.init(name: key, field: field))
        }
        map.finish(known: keys)
        if keys.isEmpty { map.log.add(map.location(nil), .emptyTemplateData) }
        return template.map { .zns(templateID: $0, parameters: parameters, valueLimit: limit) }
    }

    /// `[web]`: off without `listen`.
    private static func webSettings(
        _ reader: inout TableReader, directory: Directory, folder: String, plans: [PlanSource]
    ) -> WebSettings? {
        guard var table = reader.table("web") else { return nil }
        defer {
            table.finish(known: [
                "listen", "public_url", "editors", "trusted_proxies", "completion", "replaceable_plans", "new_plans",
            ])
        }
        guard let listen = table.string("listen", required: true) else { return nil }
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
            (0...65535).contains(port), colon > listen.startIndex
        else {
            table.log.add(
                table.location(of: "listen"), .notAListenAddress(listen), hint: .example("listen = \"127.0.0.1:8080\""))
            return nil
        }
        let host = String(listen[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let publicURL = table.string("public_url")
        if let publicURL, !publicURL.hasPrefix("https://") && !publicURL.hasPrefix("http://") {
            table.log.add(
                table.location(of: "public_url"), .urlScheme("web", url: publicURL, schemes: ["https://", "http://"]))
        }
        let resolver = NameResolver(directory: directory)
        var editors: [OfficialID] = []
        for name in table.strings("editors") ?? [] {
            do {
                editors.append(try resolver.official(name))
            } catch {
                table.log.add(table.location(of: "editors"), .of("editors", in: table.place, .name(error)))
            }
        }
        let proxies = table.strings("trusted_proxies") ?? []
        for proxy in proxies where !isIPAddress(proxy) {
            table.log.add(table.location(of: "trusted_proxies"), .notAnIPAddress(proxy))
        }
        var replaceable: [String] = []
        for path in table.strings("replaceable_plans") ?? [] {
            let resolved = resolve(path, against: folder)
            if plans.contains(where: { $0.path == resolved }) {
                replaceable.append(resolved)
            } else {
                table.log.add(
                    table.location(of: "replaceable_plans"),
                    .notAListedPlan(path, listed: plans.map { ($0.path as NSString).lastPathComponent }))
            }
        }
        return WebSettings(
            host: host, port: port, publicURL: publicURL, editors: editors, trustedProxies: proxies,
            completion: table.choice("completion", WebSettings.Completion.self) ?? .confirm,
            replaceablePlans: replaceable, newPlans: table.boolean("new_plans") ?? false)
    }

    /// An IPv4 or IPv6 address as written (no name: a proxy is known by its address).
    private static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }

    private static func summarySettings(_ reader: inout TableReader, directory: Directory, clerk: OfficialID?)
        -> SummarySettings
    {
        guard var table = reader.table("summary") else { return SummarySettings() }
        defer { table.finish(known: ["report_day", "report_period", "report_to", "overdue_list"]) }
        var day: Int?
        if let node = table.raw("report_day") {
            switch node.value {
            case .integer(let value) where (1...31).contains(value): day = value
            case .string("decree09"): day = 14
            default:
                table.log.add(table.location(node.line), .reportDayChoice)
            }
        }
        let resolver = NameResolver(directory: directory)
        var recipients: [OfficialID]?
        for name in table.strings("report_to") ?? [] {
            if recipients == nil { recipients = [] }
            do {
                recipients?.append(try resolver.official(name))
            } catch {
                table.log.add(table.location(of: "report_to"), .of("report_to", in: table.place, .name(error)))
            }
        }
        if table.has("report_to") && recipients == nil { recipients = [] }
        // Without report_to: the clerk and the leaders, who are known once the plans are read.
        let noLeaders = clerk == nil && !directory.officials.contains(where: \.isTop)
        if day != nil && (recipients?.isEmpty ?? noLeaders) {
            table.log.add(
                table.location(of: "report_day"), .reportWithoutRecipient, hint: .example("report_to = [\"…\"]"))
        }
        let overdue = table.choice("overdue_list", SummarySettings.OverdueList.self) ?? .none
        if overdue != .none && clerk == nil {
            table.log.add(
                table.location(of: "overdue_list"), .overdueListWithoutClerk, hint: .example("clerk = \"…\""))
        }
        return SummarySettings(
            reportDay: day, reportPeriod: table.choice("report_period", Period.Length.self) ?? .month,
            reportTo: recipients, overdueList: overdue)
    }

    /// Folders of the system that mail must never be written into, nor under.
    static let systemFolders = ["/etc", "/proc", "/sys", "/dev", "/boot", "/usr", "/bin", "/sbin", "/lib", "/run"]

    /// Why a Maildir path cannot be the office's: it must be an absolute path to a folder of its own,
    /// not the system's.
    static func maildirProblem(_ path: String) -> Message? {
        guard path.hasPrefix("/") else { return .maildirNotAbsolute(path) }
        let standardized = (path as NSString).standardizingPath
        if standardized == "/"
            || systemFolders.contains(where: { standardized == $0 || standardized.hasPrefix($0 + "/") })
            || ["/var", "/var/lib", "/home", "/tmp", "/root"].contains(standardized)
        {
            return .maildirSystemFolder(standardized)
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: standardized, isDirectory: &isDirectory), !isDirectory.boolValue {
            return .maildirNotAFolder(standardized)
        }
        return nil
    }

    /// "07:30" → (7, 30).
    static func clockTime(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) }), let hour = Int(parts[0]),
            let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return (hour, minute)
    }

    /// "2d", "36h", "90m", "45s" → seconds.
    static func duration(_ text: String) -> Int? {
        let units = ["d": 86_400, "h": 3_600, "m": 60, "s": 1]
        guard let unit = text.last.map(String.init), let factor = units[unit], let value = Int(text.dropLast()),
            value >= 0
        else { return nil }
        return value * factor
    }
}
