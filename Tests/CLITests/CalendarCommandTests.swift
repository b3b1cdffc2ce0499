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
            (["lunar", "31/02/2024"], "month 2/2024 has 29 days"),
            (["lunar", "2101-01-01"], "outside the supported years 1900–2100"),
            (["lunar", "1899-12-31"], "outside the supported years 1900–2100"),
            (["lunar", "ngày mai"], "is not a date"),
            (["lunar", "--to-solar", "1/5/2025", "--leap"], "its leap month is 6"),
            (["lunar", "--to-solar", "30/12/2024"], "has 29 days, not 30"),
            (["lunar", "--to-solar", "rằm tháng Giêng"], "is not a lunar date"),
            (["lunar", "--to-solar", "1/13/2024"], "is not a lunar date"),
            (["calendar", "2101"], "outside the supported years"),
            (["calendar", "năm nay"], "is not a year"),
        ])
    func badInput(arguments: [String], message: String) throws {
        let run = try CommandLineRun(arguments)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("nhacviec: "))
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
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
