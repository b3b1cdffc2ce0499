import Foundation
import TestSupport
import Testing

/// `serve` with `[web]`, on its virtual clock, its mail in a Maildir: the workspace as an office's
/// browser meets it, through Debian's curl.
final class ServedWorkspace {
    let folder: TemporaryFolder
    let config: String
    let service: RunningCommand
    let base: String

    init(
        web: String = "", plan: String? = nil, email: ((TemporaryFolder) throws -> String)? = nil,
        start: String = "2024-03-14T08:00:00+07:00", speed: Double = 1, planInFolder: Bool = false
    ) throws {
        folder = try TemporaryFolder()
        config = try serviceConfig(
            folder, email: try email?(folder), extra: "[web]\nlisten = \"127.0.0.1:0\"\n\(web)\n")
        if planInFolder {
            // The example plan in the config's folder, listed as an office lists it: "plans/ngo-quyen-2024.toml".
            try FileManager.default.createDirectory(atPath: folder.file("plans"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: examplePlan, toPath: folder.file("plans/ngo-quyen-2024.toml"))
            let text = try String(contentsOfFile: config, encoding: .utf8)
            try text.replacingOccurrences(of: examplePlan, with: "plans/ngo-quyen-2024.toml").write(
                toFile: config, atomically: true, encoding: .utf8)
        }
        if let plan {
            try plan.write(toFile: folder.file("extra.toml"), atomically: true, encoding: .utf8)
            let text = try String(contentsOfFile: config, encoding: .utf8)
            try text.replacingOccurrences(of: "plans = [", with: "plans = [\"\(folder.file("extra.toml"))\", ").write(
                toFile: config, atomically: true, encoding: .utf8)
        }
        service = try RunningCommand(
            ["serve", "--config", config, "--clock-start", start, "--clock-speed", String(speed)], environment: [:],
            log: folder.file("serve.log"))
        let deadline = Date().addingTimeInterval(20)
        var port: String?
        while port == nil && Date() < deadline && service.process.isRunning {
            if let range = service.log.range(of: "web: listening on 127.0.0.1:[0-9]+", options: .regularExpression) {
                port = String(service.log[range].split(separator: ":").last!)
            } else {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        base = "http://127.0.0.1:\(port ?? "0")"
    }

    func client() -> WebClient { WebClient(base: base, folder: folder.path) }

    /// Waits up to 10 seconds for a mail to `address` in the Maildir (the first round's digests).
    func waitForMail(to address: String) throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let mails = try folder.files(in: "maildir/new", withExtension: "nhacviec").map { try parseMail($0) }
            if mails.contains(where: { $0["to_address"] as? String == address }) { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// The sign-in mails delivered to an address, oldest first, waiting up to 10 seconds for `count`.
    func signInLinks(to address: String, count: Int = 1) throws -> [String] {
        let deadline = Date().addingTimeInterval(10)
        var links: [String] = []
        repeat {
            links = try folder.files(in: "maildir/new", withExtension: "nhacviec").sorted().compactMap { path in
                let mail = try parseMail(path)
                guard mail["to_address"] as? String == address,
                    (mail["subject"] as? String)?.contains("Đường dẫn đăng nhập") == true,
                    let text = mail["text"] as? String,
                    let range = text.range(of: "http://[^\\s]+/dang-nhap/[A-Za-z0-9_-]+", options: .regularExpression)
                else { return nil }
                return String(text[range])
            }
            if links.count < count { Thread.sleep(forTimeInterval: 0.1) }
        } while links.count < count && Date() < deadline
        return links
    }

    /// Signs an official in through the mail, as they would: the form, the mail, the link.
    func signedIn(_ address: String) throws -> WebClient {
        let client = self.client()
        let before = try signInLinks(to: address, count: 0).count
        _ = try client.askLink(address)
        let link = try #require(try signInLinks(to: address, count: before + 1).last, "\(service.log)")
        #expect(try client.get(link).status == 303)
        return client
    }

    deinit {
        service.signal(SIGTERM)
        _ = service.exitStatus(within: 10)
    }
}

@Suite("The web workspace: sign-in by mail, sessions, the overview", .serialized)
struct WebTests {
    @Test(
        "Sign-in by a one-time link from the mail; the session's cookie; signing out; a reused and a forged link refused; SIGTERM stops server and service in time"
    )
    func signInAndOut() throws {
        let served = try ServedWorkspace()
        let browser = served.client()
        let first = try browser.get("/")
        #expect(first.status == 303 && first.headers["location"] == "/dang-nhap", "\(served.service.log)")
        let asked = try browser.askLink("thu@phuong-ngoquyen.example")
        #expect(asked.status == 200)
        #expect(asked.text.contains("một đường dẫn đăng nhập vừa được gửi tới"))
        let link = try #require(try served.signInLinks(to: "thu@phuong-ngoquyen.example").first)
        #expect(link.hasPrefix(served.base + "/dang-nhap/"))
        let followed = try browser.get(link)
        #expect(followed.status == 303 && followed.headers["location"] == "/")
        let cookie = try #require(followed.headers["set-cookie"])
        #expect(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"), "\(cookie)")
        #expect(followed.headers["referrer-policy"] == "no-referrer")
        let overview = try browser.get("/")
        #expect(overview.status == 200)
        #expect(overview.text.contains("Đang đăng nhập: Lê Thị Thu"), "\(overview.text)")
        #expect(overview.headers["cache-control"] == "no-store")

        // The link works once; a made-up one not at all; neither signs anybody in.
        let other = served.client()
        #expect(try other.get(link).status == 403)
        #expect(try other.get("/dang-nhap/" + String(repeating: "A", count: 43)).status == 403)
        #expect(try other.get("/").status == 303)

        // Signing out needs the form's token; after it the cookie opens nothing.
        #expect(try browser.post("/dang-xuat", form: [:]).status == 403)
        #expect(try browser.post("/dang-xuat", form: ["csrf": "wrong"]).status == 403)
        #expect(try browser.get("/").status == 200, "a refused sign-out signs nobody out")
        let csrf = try #require(overview.field("csrf"))
        #expect(try browser.post("/dang-xuat", form: ["csrf": csrf]).status == 303)
        #expect(try browser.get("/").status == 303)

        let stoppedAt = Date()
        served.service.signal(SIGTERM)
        #expect(served.service.exitStatus(within: 10) == 0, "\(served.service.log)")
        #expect(Date().timeIntervalSince(stoppedAt) < 10)
        #expect(try served.client().get("/").status == 0, "the server stopped with the service")
    }

    @Test("A reload applies [web]: taken out, the pages stop and the reminders go on; put back, they answer again")
    func reloadApplies() throws {
        let served = try ServedWorkspace()
        #expect(try served.client().get("/").status == 303)
        let written = try String(contentsOfFile: served.config, encoding: .utf8)
        try written.replacingOccurrences(of: "[web]\nlisten = \"127.0.0.1:0\"\n", with: "").write(
            toFile: served.config, atomically: true, encoding: .utf8)
        served.service.signal(SIGHUP)
        let deadline = Date().addingTimeInterval(10)
        while try served.client().get("/").status != 0 && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(try served.client().get("/").status == 0, "\(served.service.log)")
        #expect(served.service.process.isRunning)
        try written.write(toFile: served.config, atomically: true, encoding: .utf8)
        served.service.signal(SIGHUP)
        let back = Date().addingTimeInterval(10)
        var port: String?
        while port == nil && Date() < back {
            let listening = served.service.log.ranges(of: #/web: listening on 127.0.0.1:([0-9]+)/#)
            if listening.count == 2, let last = listening.last {
                port = String(served.service.log[last].split(separator: ":").last!)
            } else {
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        let again = WebClient(base: "http://127.0.0.1:\(port ?? "0")", folder: served.folder.path)
        #expect(try again.get("/").status == 303, "\(served.service.log)")
    }

    @Test("web-link prints a one-time link for the administrator to hand over; --revoke signs the official out")
    func administratorsLink() throws {
        let served = try ServedWorkspace()
        let made = try CommandLineRun("web-link", "Trần Văn Hùng", "--config", served.config)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.contains("đường dẫn đăng nhập cho hung, dùng một lần trong 15 phút"), "\(made.stderr)")
        // The config listens on port 0, so the link names it; the test's browser goes to the port taken.
        let path = try #require(made.stdout.range(of: "/dang-nhap/[A-Za-z0-9_-]+", options: .regularExpression))
        let browser = served.client()
        #expect(try browser.get(String(made.stdout[path])).status == 303)
        #expect(try browser.get("/").text.contains("Đang đăng nhập: Trần Văn Hùng"))
        let revoked = try CommandLineRun("web-link", "hung", "--revoke", "--config", served.config)
        #expect(revoked.stdout.contains("hung: đã đăng xuất 1 phiên"), "\(revoked.stdout)")
        #expect(try browser.get("/").status == 303)
        let nobody = try CommandLineRun("web-link", "Nguyễn Văn Lam", "--config", served.config)
        #expect(nobody.status == 1 && nobody.stderr.contains("có phải là \"Nguyễn Văn Lâm\""), "\(nobody.stderr)")
    }

    @Test("Over https (public_url) the links name it and the session cookie is Secure")
    func secureCookie() throws {
        let served = try ServedWorkspace(web: "public_url = \"https://nhacviec.phuong-ngoquyen.example/\"")
        _ = try served.client().askLink("thu@phuong-ngoquyen.example")
        let deadline = Date().addingTimeInterval(10)
        var link: String?
        while link == nil && Date() < deadline {
            for path in served.folder.files(in: "maildir/new", withExtension: "nhacviec") {
                let text = try parseMail(path)["text"] as? String ?? ""
                if let range = text.range(
                    of: "https://nhacviec.phuong-ngoquyen.example/dang-nhap/[A-Za-z0-9_-]+", options: .regularExpression
                ) {
                    link = String(text[range])
                }
            }
            if link == nil { Thread.sleep(forTimeInterval: 0.1) }
        }
        let path = try #require(link).replacingOccurrences(of: "https://nhacviec.phuong-ngoquyen.example", with: "")
        let followed = try served.client().get(path)
        #expect(followed.status == 303)
        #expect(followed.headers["set-cookie"]?.contains("Secure") == true, "\(followed.headers)")
    }

    @Test("The pages speak the config's language: English with [email] language = \"en\"")
    func englishPages() throws {
        let served = try ServedWorkspace(email: { folder in
            "url = \"file://\(folder.file("maildir"))\"\nfrom = \"Văn phòng <vanphong@phuong-ngoquyen.example>\"\nlanguage = \"en\""
        })
        let page = try served.client().get("/dang-nhap")
        #expect(page.body.contains("<html lang=\"en\">"))
        #expect(page.text.contains("Sign in") && page.text.contains("Send the sign-in link"), "\(page.text)")
        let ward = try ServedWorkspace()
        let vietnamese = try ward.client().get("/dang-nhap")
        #expect(vietnamese.body.contains("<html lang=\"vi\">") && vietnamese.text.contains("Gửi đường dẫn đăng nhập"))
        #expect(englishWords(in: vietnamese.text).isEmpty, "\(vietnamese.text)")
    }

    @Test("A link expires after 15 minutes on the service's clock")
    func linkExpires() throws {
        // 240 times faster: 15 minutes pass in under 4 seconds.
        let served = try ServedWorkspace(speed: 240)
        let browser = served.client()
        _ = try browser.askLink("hung@phuong-ngoquyen.example")
        let link = try #require(try served.signInLinks(to: "hung@phuong-ngoquyen.example").first)
        Thread.sleep(forTimeInterval: 4.5)
        let late = try browser.get(link)
        #expect(late.status == 403)
        #expect(late.text.contains("đã hết hạn"))
        #expect(try browser.get("/").status == 303)
    }

    @Test(
        "An unknown address gets the same page and no mail; the sixth request in an hour from one address or one client is refused"
    )
    func sameAnswerAndLimits() throws {
        let served = try ServedWorkspace()
        // The form's token is the one its page set: without it, or with another page's, nothing is sent.
        let bare = served.client()
        #expect(try bare.post("/dang-nhap", form: ["email": "lan@phuong-ngoquyen.example"]).status == 403)
        let other = try served.client().get("/dang-nhap").field("csrf") ?? ""
        _ = try bare.get("/dang-nhap")
        #expect(
            try bare.post("/dang-nhap", form: ["email": "lan@phuong-ngoquyen.example", "csrf": other]).status == 403)
        let known = try served.client().askLink("lan@phuong-ngoquyen.example")
        let unknown = try served.client().askLink("ai-do@example.com")
        #expect(known.status == 200 && unknown.status == 200)
        #expect(known.text == unknown.text)
        #expect(known.body.count == unknown.body.count, "the same page but for the form's fresh token")
        #expect(try served.signInLinks(to: "lan@phuong-ngoquyen.example").count == 1)
        Thread.sleep(forTimeInterval: 1)
        let mails = try served.folder.files(in: "maildir/new", withExtension: "nhacviec").map { try parseMail($0) }
        #expect(!mails.contains { $0["to_address"] as? String == "ai-do@example.com" })
        // Four more from this client (six in all) for other addresses: the sixth is refused.
        var statuses: [Int] = []
        for address in ["a@example.com", "b@example.com", "c@example.com", "d@example.com"] {
            statuses.append(try served.client().askLink(address).status)
        }
        #expect(statuses == [200, 200, 200, 429], "\(statuses)")
    }

    @Test("X-Forwarded-For is believed from a configured proxy only")
    func forwardedFor() throws {
        func statuses(_ served: ServedWorkspace) throws -> [Int] {
            try (1...6).map { number in
                try served.client().askLink(
                    "x\(number)@example.com", headers: ["X-Forwarded-For": "203.0.113.\(number)"]
                ).status
            }
        }
        // Not from a proxy: the header is ignored, and all six count against 127.0.0.1.
        #expect(try statuses(try ServedWorkspace()) == [200, 200, 200, 200, 200, 429])
        // From the office's proxy: six clients, one request each.
        let proxied = try ServedWorkspace(web: "trusted_proxies = [\"127.0.0.1\"]")
        #expect(try statuses(proxied) == [200, 200, 200, 200, 200, 200])
    }

    @Test(
        "The overview counts what the viewer may see, as tasks --json counts it: every task for the clerk, their own for an official"
    )
    func overviewCounts() throws {
        let served = try ServedWorkspace()
        func counts(_ page: WebClient.Answer) -> [String: Int] {
            var counts: [String: Int] = [:]
            let pattern = "data-status=\"([a-zA-Z]+)\"><b>([0-9]+)</b>"
            let regex = try! NSRegularExpression(pattern: pattern)
            for match in regex.matches(in: page.body, range: NSRange(page.body.startIndex..., in: page.body)) {
                let name = String(page.body[Range(match.range(at: 1), in: page.body)!])
                counts[name] = Int(page.body[Range(match.range(at: 2), in: page.body)!])
            }
            return counts
        }
        func expected(_ official: String?) throws -> [String: Int] { try served.statusCounts(of: official) }
        let clerk = try served.get(try served.signedIn("thu@phuong-ngoquyen.example"))
        #expect(counts(clerk) == (try expected(nil)), "\(clerk.text)")
        #expect(clerk.text.contains("2.1.4"), "the clerk sees the overdue 2.1.4")
        let hung = try served.get(try served.signedIn("hung@phuong-ngoquyen.example"))
        #expect(counts(hung) == (try expected("hung")), "\(hung.text)")
        #expect(counts(hung) != counts(clerk))
        // Lan is responsible for no overdue task: she is not shown Hùng's.
        let lan = try served.get(try served.signedIn("lan@phuong-ngoquyen.example"))
        #expect(counts(lan) == (try expected("lan")))
        #expect(!lan.body.contains("data-task=\"2.1.4\""))
        #expect(englishWords(in: clerk.text).isEmpty, "\(clerk.text)")
    }
}

@Suite("The web workspace: tasks, completions in the browser, roles", .serialized)
struct WebTaskTests {
    @Test(
        "The clerk records a completion on a task's page (who, when, from which address); the next digests leave it out; reopening brings it back"
    )
    func clerkRecords() throws {
        let served = try ServedWorkspace()
        let clerk = try served.signedIn("thu@phuong-ngoquyen.example")
        let page = try clerk.get("/nhiem-vu/2.1.4")
        #expect(page.status == 200)
        #expect(page.body.contains("data-status=\"overdue\""))
        // The reminders the Maildir received for 2.1.4 on 14/03 are the ones the page lists as sent.
        let received = try served.folder.files(in: "maildir/new", withExtension: "nhacviec").compactMap {
            path -> String? in
            // The digests, not the report of the 14th, which lists 2.1.4 too.
            let mail = try parseMail(path)
            guard (mail["subject"] as? String)?.contains("Báo cáo") == false else { return nil }
            return (mail["text"] as? String)?.contains("2.1.4") == true ? mail["to_address"] as? String : nil
        }
        #expect(!received.isEmpty)
        for address in received { #expect(page.body.contains("&lt;\(address)&gt;"), "\(address)") }
        #expect(page.body.components(separatedBy: "class=\"sent\"").count - 1 == received.count, "\(page.text)")
        func plansIt() throws -> Bool {
            try CommandLineRun(
                "plan", "--config", served.config, "--from", "2024-03-15", "--to", "2024-03-22", "--json"
            ).stdout.contains("\"2.1.4\"")
        }
        #expect(try plansIt())

        let csrf = try #require(page.field("csrf"))
        let future = try clerk.post("/nhiem-vu/2.1.4/hoan-thanh", form: ["csrf": csrf, "date": "20/03/2024"])
        #expect(future.status == 400, "a day after today (14/03) is refused")
        let done = try clerk.post(
            "/nhiem-vu/2.1.4/hoan-thanh", form: ["csrf": csrf, "date": "13/03/2024", "note": "Đã rà soát"])
        #expect(done.status == 303 && done.headers["location"] == "/nhiem-vu/2.1.4")
        let after = try clerk.get("/nhiem-vu/2.1.4")
        #expect(after.body.contains("data-status=\"doneLate\""), "\(after.text)")
        #expect(after.text.contains("Lê Thị Thu") || after.text.contains("thu"))
        #expect(after.body.contains("<td>thu</td><td>127.0.0.1</td>"), "\(after.body)")
        #expect(!(try plansIt()), "the digests from 15/03 no longer list 2.1.4")
        let tasks = try CommandLineRun("tasks", "--config", served.config, "--at", "2024-03-14", "--json")
        #expect(tasks.stdout.contains("\"done_late\""))

        let reopened = try clerk.post("/nhiem-vu/2.1.4/mo-lai", form: ["csrf": csrf])
        #expect(reopened.status == 303)
        #expect(try clerk.get("/nhiem-vu/2.1.4").body.contains("data-status=\"overdue\""))
        #expect(try plansIt(), "reopened, it is reminded again")
    }

    @Test(
        "Roles and forms: an official cannot open another's task nor post the clerk's forms (403); a form without or with a wrong CSRF token is refused; a title holding <script> is text everywhere"
    )
    func rolesAndEscaping() throws {
        let plan = """
            [plan]
            id = "them"
            title = "Kế hoạch thêm"
            year = 2024

            [[task]]
            id = "X.1"
            title = "<script>alert('x')</script> & \\"mái che\\""
            responsible = "lan"
            due = 2024-03-01
            """
        let served = try ServedWorkspace(plan: plan)
        let lan = try served.signedIn("lan@phuong-ngoquyen.example")
        #expect(try lan.get("/nhiem-vu/2.1.4").status == 403, "2.1.4 is Hùng's, led by Lâm")
        let own = try lan.get("/nhiem-vu/X.1")
        #expect(own.status == 200)
        #expect(!own.body.contains("hoan-thanh"), "an official gets no completion form")
        let csrf = try #require(own.field("csrf"))
        #expect(try lan.post("/nhiem-vu/X.1/hoan-thanh", form: ["csrf": csrf, "date": "13/03/2024"]).status == 403)
        #expect(try lan.get("/nhiem-vu/X.1").body.contains("data-status=\"overdue\""), "nothing was recorded")
        #expect(try lan.get("/nhiem-vu/nope").status == 404)

        let clerk = try served.signedIn("thu@phuong-ngoquyen.example")
        #expect(try clerk.post("/nhiem-vu/X.1/hoan-thanh", form: ["date": "13/03/2024"]).status == 403)
        #expect(
            try clerk.post("/nhiem-vu/X.1/hoan-thanh", form: ["csrf": csrf, "date": "13/03/2024"]).status == 403,
            "another session's token is no token")
        for path in ["/", "/nhiem-vu", "/nhiem-vu/X.1"] {
            let body = try clerk.get(path).body
            #expect(!body.contains("<script>"), "\(path)")
            #expect(
                body.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;mái che&quot;")
                    || body.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;mái che&quot;"),
                "\(path)")
        }
    }

    @Test(
        "An official follows Báo cáo hoàn thành from a delivered mail and reports; the reminders pause; sent back, the official is mailed the reason and they resume; a second report, confirmed, is the completion"
    )
    func officialsReport() throws {
        let served = try ServedWorkspace()
        func link(to address: String) throws -> String {
            try served.waitForMail(to: address)
            for path in served.folder.files(in: "maildir/new", withExtension: "nhacviec") {
                let mail = try parseMail(path)
                guard mail["to_address"] as? String == address, let text = mail["text"] as? String,
                    let start = text.range(of: "[2.1.4]"),
                    let found = text[start.upperBound...].range(
                        of: "Báo cáo hoàn thành: http://[^\\s]+", options: .regularExpression)
                else { continue }
                let html = mail["html"] as? String ?? ""
                let url = String(text[found].dropFirst("Báo cáo hoàn thành: ".count))
                #expect(html.contains("href=\"\(url)\""), "the HTML part carries the same link")
                return url
            }
            Issue.record("no mail to \(address) with a report link for 2.1.4")
            return ""
        }
        func plansIt() throws -> Bool {
            try CommandLineRun(
                "plan", "--config", served.config, "--from", "2024-03-15", "--to", "2024-03-22", "--json"
            ).stdout.contains("\"2.1.4\"")
        }
        let hungsLink = try link(to: "hung@phuong-ngoquyen.example")
        #expect(hungsLink.hasPrefix(served.base + "/bao-cao/"))
        let hung = served.client()
        let form = try hung.get(hungsLink)
        #expect(form.status == 200 && form.text.contains("2.1.4"), "\(form.text)")
        let sent = try hung.post(
            String(hungsLink.dropFirst(served.base.count)), form: ["date": "14/03/2024", "note": "Xong, có biên bản"])
        #expect(sent.status == 200 && sent.text.contains("Đã gửi báo cáo"), "\(sent.text)")
        #expect(try hung.get(hungsLink).status == 403, "a link is taken once")
        #expect(!(try plansIt()), "while the report waits, 2.1.4 is not reminded")
        // A forged link: a changed payload under the old signature.
        let token = String(hungsLink.split(separator: "/").last!)
        let forged = "/bao-cao/" + "MS4x" + token.dropFirst(4)
        #expect(try hung.get(forged).status == 403)

        let clerk = try served.signedIn("thu@phuong-ngoquyen.example")
        let overview = try clerk.get("/")
        #expect(overview.text.contains("Trần Văn Hùng") && overview.body.contains("class=\"waiting\""))
        let id = try #require(
            overview.body.range(of: "data-report=\"[0-9]+\"", options: .regularExpression).map {
                String(overview.body[$0].dropFirst("data-report=\"".count).dropLast())
            })
        let csrf = try #require(overview.field("csrf"))
        #expect(try clerk.post("/bao-cao-cho/\(id)/tra-lai", form: ["csrf": csrf]).status == 400, "a reason is needed")
        #expect(
            try clerk.post("/bao-cao-cho/\(id)/tra-lai", form: ["csrf": csrf, "reason": "Thiếu biên bản nghiệm thu"])
                .status
                == 303)
        #expect(try plansIt(), "sent back, 2.1.4 is reminded again")
        let deadline = Date().addingTimeInterval(10)
        var returned: [String: Any]?
        while returned == nil && Date() < deadline {
            returned = try served.folder.files(in: "maildir/new", withExtension: "nhacviec").map { try parseMail($0) }
                .first { ($0["subject"] as? String)?.contains("được trả lại") == true }
            if returned == nil { Thread.sleep(forTimeInterval: 0.1) }
        }
        #expect(returned?["to_address"] as? String == "hung@phuong-ngoquyen.example")
        #expect((returned?["text"] as? String)?.contains("Thiếu biên bản nghiệm thu") == true)

        // Lâm, copied as lead, has a link of his own; confirmed, his report is the completion.
        let lamsLink = try link(to: "lam@phuong-ngoquyen.example")
        #expect(lamsLink != hungsLink)
        let lam = served.client()
        _ = try lam.post(String(lamsLink.dropFirst(served.base.count)), form: ["date": "13/03/2024"])
        let second = try clerk.get("/")
        let secondID = try #require(
            second.body.range(of: "data-report=\"[0-9]+\"", options: .regularExpression).map {
                String(second.body[$0].dropFirst("data-report=\"".count).dropLast())
            })
        #expect(try clerk.post("/bao-cao-cho/\(secondID)/xac-nhan", form: ["csrf": csrf]).status == 303)
        let tasks = try CommandLineRun("tasks", "--config", served.config, "--at", "2024-03-14", "--json")
        let rows = try JSONSerialization.jsonObject(with: Data(tasks.stdout.utf8)) as? [[String: Any]] ?? []
        let row = rows.first { $0["task"] as? String == "2.1.4" }
        #expect(row?["status"] as? String == "done_late" && row?["completed_on"] as? String == "2024-03-13")
        #expect(try clerk.get("/nhiem-vu/2.1.4").body.contains("<td>lam (thu)</td>"))
        #expect(try clerk.get("/").text.contains("Không có báo cáo nào chờ xác nhận"))
    }

    @Test("Webhook digests carry the same Báo cáo hoàn thành links, one per item")
    func webhookLinks() throws {
        let logs = try TemporaryFolder()
        let receiver = try TestServer(script: "http_receiver.py", arguments: ["--log", logs.file("requests")])
        let served = try ServedWorkspace(
            web:
                "\n[[webhook]]\nname = \"nhom\"\nkind = \"generic\"\nurl = \"http://127.0.0.1:\(receiver.port)/hook\"\n"
        )
        let deadline = Date().addingTimeInterval(10)
        var links: [String] = []
        while links.isEmpty && Date() < deadline {
            let lines = (try? String(contentsOfFile: logs.file("requests"), encoding: .utf8)) ?? ""
            // A line the receiver is still writing is read at the next look.
            for line in lines.split(separator: "\n") {
                guard let record = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let body = record["body"] as? String,
                    let digest = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
                    let items = digest["items"] as? [[String: Any]]
                else { continue }
                links += items.compactMap { $0["report_link"] as? String }
            }
            if links.isEmpty { Thread.sleep(forTimeInterval: 0.1) }
        }
        #expect(!links.isEmpty && links.allSatisfy { $0.hasPrefix(served.base + "/bao-cao/") }, "\(links)")
        let form = try served.client().get(try #require(links.first))
        #expect(form.status == 200 && form.text.contains("Báo cáo hoàn thành"), "\(form.text)")
    }

    @Test("With completion = \"direct\" an official's report counts at once")
    func directReport() throws {
        let served = try ServedWorkspace(web: "completion = \"direct\"")
        var url = ""
        try served.waitForMail(to: "hung@phuong-ngoquyen.example")
        for path in served.folder.files(in: "maildir/new", withExtension: "nhacviec") {
            let mail = try parseMail(path)
            if mail["to_address"] as? String == "hung@phuong-ngoquyen.example", let text = mail["text"] as? String,
                let found = text.range(of: "Báo cáo hoàn thành: http://[^\\s]+", options: .regularExpression)
            {
                url = String(text[found].dropFirst("Báo cáo hoàn thành: ".count))
            }
        }
        let answer = try served.client().post(String(url.dropFirst(served.base.count)), form: ["date": "14/03/2024"])
        #expect(answer.text.contains("Đã ghi nhận nhiệm vụ hoàn thành"), "\(answer.text)")
        let tasks = try CommandLineRun("tasks", "--config", served.config, "--at", "2024-03-14", "--json")
        #expect(tasks.stdout.contains("\"completed_on\" : \"2024-03-14\""), "\(tasks.stdout)")
    }

    @Test("[web] editors may record completions beside the clerk; the top official sees every task but changes nothing")
    func editors() throws {
        let served = try ServedWorkspace(web: "editors = [\"Nguyễn Thị Tần\"]")
        let editor = try served.signedIn("tan@phuong-ngoquyen.example")
        let page = try editor.get("/nhiem-vu/2.1.4")
        let csrf = try #require(page.field("csrf"))
        #expect(page.body.contains("hoan-thanh"))
        #expect(
            try editor.post("/nhiem-vu/2.1.4/hoan-thanh", form: ["csrf": csrf, "date": "14/03/2024"]).status == 303)
        let history = try editor.get("/nhiem-vu/2.1.4").body
        #expect(history.contains("<td>tan</td>"), "recorded as by the editor")
        let top = try served.signedIn("khanh@phuong-ngoquyen.example")
        let seen = try top.get("/nhiem-vu/2.3.5")
        #expect(seen.status == 200 && !seen.body.contains("hoan-thanh"))
        let topCSRF = try #require(seen.field("csrf"))
        #expect(
            try top.post("/nhiem-vu/2.3.5/hoan-thanh", form: ["csrf": topCSRF, "date": "14/03/2024"]).status == 403)
    }

    @Test(
        "Báo cáo reads a period as people write it, shows the figures report --format json gives, downloads the report, and the report mail links to it"
    )
    func reportsPage() throws {
        let served = try ServedWorkspace()
        let clerk = try served.signedIn("thu@phuong-ngoquyen.example")
        // February 2024 has ended on the service's clock (14/03/2024) as on the command line's.
        let page = try clerk.get("/bao-cao-ky?ky=Th%C3%A1ng+2%2F2024")
        #expect(page.status == 200 && page.text.contains("Tháng 2/2024"), "\(page.text)")
        let json = try CommandLineRun("report", "--config", served.config, "--period", "2024-02", "--format", "json")
            .json()
        let totals = try #require(json["totals"] as? [String: Any])
        for field in [
            "done_on_time", "done_late", "overdue", "in_progress", "ongoing", "no_fixed_deadline", "came_due", "total",
        ] {
            #expect(page.body.contains("data-field=\"\(field)\">\(totals[field] as? Int ?? -1)<"), "\(field)")
        }
        #expect(try clerk.get("/bao-cao-ky?ky=Qu%C3%BD+I%2F2024").text.contains("Quý I/2024"))
        #expect(try clerk.get("/bao-cao-ky?ky=6+th%C3%A1ng+%C4%91%E1%BA%A7u+n%C4%83m").status == 200)
        #expect(try clerk.get("/bao-cao-ky?ky=%C4%90%E1%BA%A7u+n%C4%83m").status == 400, "Đầu năm is no period")
        let xlsx = try clerk.get("/bao-cao-ky?ky=2024-02&tai=xlsx")
        #expect(xlsx.status == 200 && xlsx.body.hasPrefix("PK"))
        #expect(xlsx.headers["content-disposition"]?.contains("bao-cao-2024-02.xlsx") == true)
        let csv = try clerk.get("/bao-cao-ky?ky=2024-02&tai=csv")
        #expect(csv.body.hasPrefix("\u{FEFF}") && csv.body.contains(";"))
        #expect(try clerk.get("/bao-cao-ky?ky=2024-02&tai=html").body.contains("@page"))
        let lan = try served.signedIn("lan@phuong-ngoquyen.example")
        #expect(try lan.get("/bao-cao-ky?ky=2024-02").status == 403, "the report is for those who see every task")
        // The report of the 14th went to the clerk at the first round, with a link to its page.
        try served.waitForMail(to: "thu@phuong-ngoquyen.example")
        let reportMail = try served.folder.files(in: "maildir/new", withExtension: "nhacviec").map { try parseMail($0) }
            .first { ($0["subject"] as? String)?.contains("Báo cáo kết quả") == true }
        #expect(
            (reportMail?["text"] as? String)?.contains(served.base + "/bao-cao-ky?ky=2024-03") == true,
            "\(String(describing: reportMail?["text"]))")
    }

    @Test("The calendar page lists the year's days off and worked weekend days with their sources, as calendar does")
    func calendarPage() throws {
        let served = try ServedWorkspace()
        let official = try served.signedIn("lan@phuong-ngoquyen.example")
        let page = try official.get("/lich?nam=2024")
        #expect(page.status == 200)
        let listed = try CommandLineRun("calendar", "2024", "--config", served.config, "--json").json()
        let daysOff = try #require(listed["days_off"] as? [[String: Any]])
        #expect(page.body.components(separatedBy: "class=\"day-off\"").count - 1 == daysOff.count)
        #expect(page.text.contains("10/02/2024 Tết Nguyên đán"), "\(page.text)")
        let worked = try #require(listed["working_days"] as? [[String: Any]])
        #expect(page.body.components(separatedBy: "class=\"worked\"").count - 1 == worked.count)
        #expect(try official.get("/lich?nam=abc").status == 200, "an unreadable year shows this year")
    }

    @Test("A long list comes a hundred rows a page, the filter kept from page to page")
    func pages() throws {
        var plan = "[plan]\nid = \"dai\"\ntitle = \"Kế hoạch dài\"\nyear = 2024\n"
        for number in 1...150 {
            plan +=
                "\n[[task]]\nid = \"D.\(number)\"\ntitle = \"Việc dài \(number)\"\nresponsible = \"lan\"\ndue = 2024-12-01\n"
        }
        let served = try ServedWorkspace(plan: plan)
        let clerk = try served.signedIn("thu@phuong-ngoquyen.example")
        let first = try clerk.get("/nhiem-vu?q=viec+dai")
        #expect(first.body.components(separatedBy: "<tr data-task=").count - 1 == 100)
        #expect(first.text.contains("150 nhiệm vụ") && first.text.contains("Trang 1/2"), "\(first.text)")
        let next = try #require(
            first.body.range(of: "href=\"/nhiem-vu\\?[^\"]+page=2\"", options: .regularExpression).map {
                String(first.body[$0].dropFirst("href=\"".count).dropLast()).replacingOccurrences(
                    of: "&amp;", with: "&")
            })
        let second = try clerk.get(next)
        #expect(second.body.components(separatedBy: "<tr data-task=").count - 1 == 50, "\(next)")
        #expect(second.text.contains("Trang 2/2"))
    }

    @Test("The task list filters by status, lead, responsible, section and text, as tasks --json does")
    func filters() throws {
        let served = try ServedWorkspace()
        let clerk = try served.signedIn("thu@phuong-ngoquyen.example")
        func rows(_ query: String) throws -> [String] {
            let body = try clerk.get("/nhiem-vu?" + query).body
            let regex = try NSRegularExpression(pattern: "<tr data-task=\"([^\"]+)\"")
            return regex.matches(in: body, range: NSRange(body.startIndex..., in: body)).map {
                String(body[Range($0.range(at: 1), in: body)!])
            }
        }
        let tasks = try CommandLineRun("tasks", "--config", served.config, "--at", "2024-03-14", "--json")
        let all = try JSONSerialization.jsonObject(with: Data(tasks.stdout.utf8)) as? [[String: Any]] ?? []
        let overdue = all.filter { $0["status"] as? String == "overdue" }.compactMap { $0["task"] as? String }
        #expect(try rows("status=overdue") == overdue)
        #expect(try rows("").count == all.count)
        #expect(try rows("q=ra+soat+cac+tuyen") == ["2.1.4"])
        #expect(try rows("section=2.3").allSatisfy { $0.hasPrefix("2.3.") })
        #expect(!(try rows("section=2.3")).isEmpty)
        let hung = try rows("responsible=hung")
        #expect(!hung.isEmpty && hung.contains("2.1.4"))
        #expect(try rows("lead=lam").contains("2.1.4"))
    }
}

extension WebClient {
    /// The sign-in form as a browser sends it: the page first (its token, in the form and in a cookie),
    /// then the address.
    func askLink(_ email: String, headers: [String: String] = [:]) throws -> Answer {
        let form = try get("/dang-nhap", headers: headers)
        return try post("/dang-nhap", form: ["email": email, "csrf": form.field("csrf") ?? ""], headers: headers)
    }
}

extension ServedWorkspace {
    /// `tasks --json` at 14/03/2024 counted by status, named as the pages name them.
    func statusCounts(of official: String?) throws -> [String: Int] {
        let run = try CommandLineRun(
            ["tasks", "--config", config, "--at", "2024-03-14", "--json"] + (official.map { ["--official", $0] } ?? []))
        let rows = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
        let names = [
            "done_on_time": "doneOnTime", "done_late": "doneLate", "overdue": "overdue", "in_progress": "inProgress",
            "ongoing": "ongoing", "no_fixed_deadline": "noFixedDeadline",
        ]
        var counts = Dictionary(uniqueKeysWithValues: names.values.map { ($0, 0) })
        for row in rows { counts[names[row["status"] as? String ?? ""] ?? "?", default: 0] += 1 }
        return counts
    }

    func get(_ client: WebClient) throws -> WebClient.Answer { try client.get("/") }
}

@Suite("The web workspace in a real browser", .serialized)
struct BrowserTests {
    @Test(
        "Chromium walks the clerk's day and an official's report, against serve and a real SMTP server; every page's screenshot is drawn"
    )
    func clerksDay() throws {
        var mailServer: TestServer?
        let served = try ServedWorkspace(email: { folder in
            let (server, _) = try smtpServer(in: folder)
            mailServer = server
            return "url = \"smtp://127.0.0.1:\(server.port)\"\nfrom = \"Văn phòng <vanphong@phuong-ngoquyen.example>\""
        })
        defer { _ = mailServer }
        let counts = try served.statusCounts(of: nil)
        // NHACVIEC_SCREENSHOTS=docs/web writes them where docs/web.md shows them.
        let shots = ProcessInfo.processInfo.environment["NHACVIEC_SCREENSHOTS"] ?? served.folder.file("shots")
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        let (status, said) = try runCapturing(
            "/usr/bin/python3",
            [
                (supportFolder as NSString).appendingPathComponent("browser_workspace.py"), served.base,
                served.folder.file("mail"), shots,
                String(decoding: try JSONSerialization.data(withJSONObject: counts), as: UTF8.self),
            ])
        #expect(status == 0, "\(said)\n\(served.service.log)")
        #expect(said.components(separatedBy: "ok: ").count > 20, "\(said)")
        // The report Hùng sent and the clerk confirmed is the completion: the next digests leave 2.1.4 out.
        let plan = try CommandLineRun(
            "plan", "--config", served.config, "--from", "2024-03-15", "--to", "2024-03-22", "--json")
        #expect(!plan.stdout.contains("\"2.1.4\""))
    }

    @Test(
        "Chromium replaces the plan as the clerk does: errors located, the mended table previewed and applied, an editor's stale Áp dụng refused, the digest following it, restored, the working copy unchanged, a bomb and a large file refused"
    )
    func replacesAPlan() throws {
        var mailServer: TestServer?
        // The 07:30 send of 14/03 comes 90 seconds after the start: the clerk applies before it.
        let served = try ServedWorkspace(
            web: WebPlanTests.replaceable,
            email: { folder in
                let (server, _) = try smtpServer(in: folder)
                mailServer = server
                return
                    "url = \"smtp://127.0.0.1:\(server.port)\"\nfrom = \"Văn phòng <vanphong@phuong-ngoquyen.example>\""
            }, start: "2024-03-14T07:28:30+07:00")
        defer { _ = mailServer }
        let report = try CommandLineRun(
            "report", "--config", served.config, "--period", "2024-Q1", "--at", "2024-03-14", "--format", "json"
        ).json()
        let totals = try #require(report["totals"] as? [String: Any])
        let expected = [
            "done_on_time", "done_late", "overdue", "in_progress", "ongoing", "no_fixed_deadline", "came_due", "total",
        ].reduce(into: [String: Int]()) { $0[$1] = totals[$1] as? Int ?? -1 }
        let shots = ProcessInfo.processInfo.environment["NHACVIEC_SCREENSHOTS"] ?? served.folder.file("shots")
        let work = served.folder.file("downloads")
        for folder in [shots, work] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let (status, said) = try runCapturing(
            "/usr/bin/python3",
            [
                (supportFolder as NSString).appendingPathComponent("browser_plans.py"), served.base,
                served.folder.file("mail"), shots, work,
                String(decoding: try JSONSerialization.data(withJSONObject: expected), as: UTF8.self),
            ])
        #expect(status == 0, "\(said)\n\(served.service.log)")
        #expect(said.components(separatedBy: "ok: ").count > 20, "\(said)")
        // Restored: the next digests are the file's again, 2.4.6 due at the end of the year.
        let plan = try CommandLineRun(
            "plan", "--config", served.config, "--from", "2024-03-15", "--to", "2024-03-22", "--json")
        #expect(plan.status == 0 && !plan.stdout.contains("\"2.4.6\"") && !plan.stdout.contains("\"K.1\""))
    }
}
