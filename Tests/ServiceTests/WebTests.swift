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

    init(web: String = "", start: String = "2024-03-14T08:00:00+07:00", speed: Double = 1) throws {
        folder = try TemporaryFolder()
        config = try serviceConfig(folder, extra: "[web]\nlisten = \"127.0.0.1:0\"\n\(web)\n")
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
        _ = try client.post("/dang-nhap", form: ["email": address])
        let link = try #require(try signInLinks(to: address, count: before + 1).last)
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
        let asked = try browser.post("/dang-nhap", form: ["email": "thu@phuong-ngoquyen.example"])
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

    @Test("A link expires after 15 minutes on the service's clock")
    func linkExpires() throws {
        // 240 times faster: 15 minutes pass in under 4 seconds.
        let served = try ServedWorkspace(speed: 240)
        let browser = served.client()
        _ = try browser.post("/dang-nhap", form: ["email": "hung@phuong-ngoquyen.example"])
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
        let known = try served.client().post("/dang-nhap", form: ["email": "lan@phuong-ngoquyen.example"])
        let unknown = try served.client().post("/dang-nhap", form: ["email": "ai-do@example.com"])
        #expect(known.status == 200 && unknown.status == 200)
        #expect(known.body == unknown.body)
        #expect(try served.signInLinks(to: "lan@phuong-ngoquyen.example").count == 1)
        Thread.sleep(forTimeInterval: 1)
        let mails = try served.folder.files(in: "maildir/new", withExtension: "nhacviec").map { try parseMail($0) }
        #expect(!mails.contains { $0["to_address"] as? String == "ai-do@example.com" })
        // Four more from this client (six in all) for other addresses: the sixth is refused.
        var statuses: [Int] = []
        for address in ["a@example.com", "b@example.com", "c@example.com", "d@example.com"] {
            statuses.append(try served.client().post("/dang-nhap", form: ["email": address]).status)
        }
        #expect(statuses == [200, 200, 200, 429], "\(statuses)")
    }

    @Test("X-Forwarded-For is believed from a configured proxy only")
    func forwardedFor() throws {
        func statuses(_ served: ServedWorkspace) throws -> [Int] {
            try (1...6).map { number in
                try served.client().post(
                    "/dang-nhap", form: ["email": "x\(number)@example.com"],
                    headers: ["X-Forwarded-For": "203.0.113.\(number)"]
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
        func expected(_ official: String?) throws -> [String: Int] {
            let run = try CommandLineRun(
                ["tasks", "--config", served.config, "--at", "2024-03-14", "--json"]
                    + (official.map { ["--official", $0] } ?? []))
            let rows = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
            let names = [
                "done_on_time": "doneOnTime", "done_late": "doneLate", "overdue": "overdue",
                "in_progress": "inProgress", "ongoing": "ongoing",
            ]
            var counts = Dictionary(uniqueKeysWithValues: names.values.map { ($0, 0) })
            for row in rows { counts[names[row["status"] as? String ?? ""] ?? "?", default: 0] += 1 }
            return counts
        }
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

extension ServedWorkspace {
    func get(_ client: WebClient) throws -> WebClient.Answer { try client.get("/") }
}
