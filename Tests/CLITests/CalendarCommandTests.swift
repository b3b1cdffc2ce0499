import Foundation
import TestSupport
import Testing

@Suite("nhacviec calendar and lunar")
struct CalendarCommandTests {
    @Test("calendar 2024 --json lists the days off with their reasons and the Saturday worked")
    func calendarJSON() throws {
        let run = try CommandLineRun("calendar", "2024", "--json")
        #expect(run.status == 0, "\(run.stderr)")
        let json = try run.json()
        #expect(json["year"] as? Int == 2024)
        let daysOff = try #require(json["days_off"] as? [[String: Any]])
        #expect(daysOff.count == 14)
        let swapped = try #require(daysOff.first { $0["date"] as? String == "2024-04-29" })
        #expect(swapped["kind"] as? String == "swapped")
        #expect((swapped["reason"] as? String)?.contains("04/05/2024") == true)
        #expect(
            daysOff.contains {
                $0["date"] as? String == "2024-02-10" && ($0["reason"] as? String)?.contains("Tết") == true
            })
        #expect(!daysOff.contains { $0["date"] as? String == "2024-03-02" })  // an ordinary Saturday
        let worked = try #require(json["working_days"] as? [[String: Any]])
        #expect(worked.map { $0["date"] as? String } == ["2024-05-04"])
    }

    @Test("calendar prints the year in Vietnamese")
    func calendarText() throws {
        let run = try CommandLineRun("calendar", "2026")
        #expect(run.status == 0)
        #expect(run.stdout.contains("Chủ nhật  26/04/2026  Giỗ Tổ Hùng Vương"))
        #expect(run.stdout.contains("Thứ Hai   27/04/2026  Nghỉ bù Giỗ Tổ Hùng Vương"))
    }

    @Test("calendar names the source of every day, and says when a year's schedule is not announced")
    func sources() throws {
        let run = try CommandLineRun("calendar", "2026")
        #expect(
            run.stdout.contains(
                "Thứ Sáu   02/01/2026  Nghỉ hoán đổi, làm bù Thứ Bảy 10/01/2026  [Công văn 12729/VPCP-KGVX ngày 25/12/2025]"
            ))
        #expect(
            run.stdout.contains(
                "Thứ Hai   31/08/2026  Nghỉ hoán đổi, làm bù Thứ Bảy 22/08/2026  [Thông báo 9441/TB-BNV ngày 16/10/2025]"
            ))
        #expect(run.stdout.contains("Thứ Bảy   10/01/2026  Làm bù cho ngày nghỉ 02/01/2026  [Công văn 12729/VPCP-KGVX"))
        #expect(run.stdout.contains("Thứ Năm   30/04/2026  Ngày Chiến thắng (30/4)  [Bộ luật Lao động 2019, Điều 112]"))
        #expect(!run.stdout.contains("chưa được công bố"))
        let json = try CommandLineRun("calendar", "2026", "--json").json()
        #expect(json["announced"] as? Bool == true)
        let days = try #require(json["days_off"] as? [[String: Any]])
        #expect(days.allSatisfy { !(($0["source"] as? String) ?? "").isEmpty })
        let later = try CommandLineRun("calendar", "2027")
        #expect(later.stdout.contains("Lịch nghỉ năm 2027 chưa được công bố"))
        #expect(later.stdout.contains("[Bộ luật Lao động 2019, Điều 112; quy tắc cho năm chưa công bố lịch nghỉ"))
        #expect(try CommandLineRun("calendar", "2027", "--json").json()["announced"] as? Bool == false)
    }

    @Test(
        "A schedule file in calendar/ beside the config adds a year or overrides a shipped one; [calendar] still overrides a day; check warns of a plan year with none"
    )
    func officeSchedules() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.file("calendar"), withIntermediateDirectories: true)
        try """
        year = 2027
        source = "Thông báo 100/TB-BNV ngày 10/11/2026"
        [tet]
        from = 2027-02-05
        to = 2027-02-11
        [[swap]]
        off = 2027-02-12
        worked = 2027-02-20
        """.write(toFile: folder.file("calendar/2027.toml"), atomically: true, encoding: .utf8)
        // 2026 put in place of the shipped one: no swap on 2/1.
        try """
        year = 2026
        source = "bản của văn phòng"
        [tet]
        from = 2026-02-14
        to = 2026-02-22
        """.write(toFile: folder.file("calendar/2026.toml"), atomically: true, encoding: .utf8)
        var config = try String(contentsOfFile: exampleConfig + "/nhacviec.toml", encoding: .utf8)
            .replacingOccurrences(
                of: "plans = [\"plans/", with: "plans = [\"plan-2027.toml\", \"\(exampleConfig)/plans/")
        config = config.replacingOccurrences(
            of: "working_days = []",
            with: "working_days = [{ date = 2027-02-11, reason = \"Làm việc theo quyết định\" }]")
        try config.write(toFile: folder.file("nhacviec.toml"), atomically: true, encoding: .utf8)
        try """
        [plan]
        id = "k2027"
        title = "Kế hoạch năm 2027"
        year = 2027
        [[task]]
        id = "K.1"
        title = "Báo cáo"
        responsible = "thu"
        due = 2027-03-31
        """.write(toFile: folder.file("plan-2027.toml"), atomically: true, encoding: .utf8)
        let run = try CommandLineRun("calendar", "2027", "--config", folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("chưa được công bố"))
        #expect(run.stdout.contains("05/02/2027  Tết Nguyên đán Đinh Mùi  [Thông báo 100/TB-BNV ngày 10/11/2026]"))
        #expect(run.stdout.contains("12/02/2027  Nghỉ hoán đổi"))
        #expect(!run.stdout.contains("11/02/2027  Tết"), "the config's [calendar] day wins")
        #expect(run.stdout.contains("11/02/2027  Làm việc theo quyết định  [cấu hình nhacviec.toml [calendar]]"))
        let overridden = try CommandLineRun("calendar", "2026", "--config", folder.path)
        #expect(!overridden.stdout.contains("02/01/2026"))
        #expect(overridden.stdout.contains("14/02/2026  Tết Nguyên đán Bính Ngọ  [bản của văn phòng]"))
        let check = try CommandLineRun("check", "--config", folder.path)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(!check.stderr.contains("lịch nghỉ năm 2027"))
        try FileManager.default.removeItem(atPath: folder.file("calendar/2027.toml"))
        let warned = try CommandLineRun("check", "--config", folder.path)
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("cảnh báo: lịch nghỉ năm 2027 của Chính phủ chưa được công bố"))
        #expect(!warned.stderr.contains("năm 2024"))
        // A broken schedule file is an error of the config, with its place.
        try "year = 2027\n[tet]\nfrom = 2027-02-05\n".write(
            toFile: folder.file("calendar/2027.toml"), atomically: true, encoding: .utf8)
        let broken = try CommandLineRun("check", "--config", folder.path)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("calendar/2027.toml:2: to phải là một ngày (viết không ngoặc kép, 2024-03-31)"))
    }

    @Test("lunar DATE --json gives the fields of docs/cli.md")
    func lunarJSON() throws {
        let run = try CommandLineRun("lunar", "10/02/2024", "--json")
        #expect(run.status == 0)
        let json = try run.json()
        #expect(json["solar"] as? String == "2024-02-10")
        #expect(json["day"] as? Int == 1)
        #expect(json["month"] as? Int == 1)
        #expect(json["year"] as? Int == 2024)
        #expect(json["leap"] as? Bool == false)
    }

    @Test("lunar --to-solar with --leap finds the leap month")
    func toSolarLeap() throws {
        let run = try CommandLineRun("lunar", "--to-solar", "1/6/2025", "--leap", "--json")
        #expect(run.status == 0)
        let json = try run.json()
        #expect(json["solar"] as? String == "2025-07-25")
        #expect(json["leap"] as? Bool == true)
        let plain = try CommandLineRun("lunar", "--to-solar", "10/3/2024")
        #expect(plain.stdout.contains("18/04/2024"))
    }

    @Test("lunar without a date converts today in Vietnam")
    func today() throws {
        let run = try CommandLineRun("lunar", "--json")
        #expect(run.status == 0)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        let today = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        #expect(try run.json()["solar"] as? String == today)
    }

    @Test(
        "Bad input: one line on stderr and exit 1",
        arguments: [
            (["lunar", "31/02/2024"], "tháng 2/2024 có 29 ngày"),
            (["lunar", "2101-01-01"], "ngày nằm ngoài khoảng năm hỗ trợ 1900–2100"),
            (["lunar", "1899-12-31"], "ngày nằm ngoài khoảng năm hỗ trợ 1900–2100"),
            (["lunar", "ngày mai"], "không phải là một ngày"),
            (["lunar", "--to-solar", "1/5/2025", "--leap"], "tháng nhuận năm đó là tháng 6"),
            (["lunar", "--to-solar", "30/12/2024"], "có 29 ngày, không có ngày 30"),
            (["lunar", "--to-solar", "rằm tháng Giêng"], "không phải là ngày âm lịch"),
            (["lunar", "--to-solar", "1/13/2024"], "không phải là ngày âm lịch"),
            (["calendar", "2101"], "nằm ngoài khoảng hỗ trợ"),
            (["calendar", "năm nay"], "không phải là một năm"),
        ])
    func badInput(arguments: [String], message: String) throws {
        let run = try CommandLineRun(arguments)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("nhacviec: "))
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(englishWords(in: run.stderr).isEmpty, "\(run.stderr)")
    }

    @Test(
        "Usage errors exit 2",
        arguments: [
            ["lunar", "--bogus"], ["calendar"], ["no-such-command"], ["lunar", "2024-01-01", "--to-solar", "1/1/2024"],
            ["lunar", "--leap"], ["calendar", "2024", "2025"],
        ])
    func usage(arguments: [String]) throws {
        let run = try CommandLineRun(arguments)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(!run.stderr.isEmpty)
    }

    @Test("--help exits 0")
    func help() throws {
        let run = try CommandLineRun("--help")
        #expect(run.status == 0)
        #expect(run.stdout.contains("calendar"))
    }
}
