import Foundation
import TestSupport
import Testing

/// The example config listing one CSV plan of 2025 with these deadline cells, one task each, all for Hùng.
private func configListing(deadlines: [String], extra: String = "") throws -> String {
    let folder = try exampleConfig(listing: "bieu.csv")
    let rows = deadlines.enumerated().map { "\($0.offset + 1);Việc \($0.offset + 1);Trần Văn Hùng;\($0.element)" }
    try ("STT;Nội dung;Chủ trì;Thời hạn\n" + rows.joined(separator: "\n") + "\n").write(
        toFile: folder + "/bieu.csv", atomically: true, encoding: .utf8)
    if !extra.isEmpty {
        let config = folder + "/nhacviec.toml"
        let text = try String(contentsOfFile: config, encoding: .utf8)
            .replacingOccurrences(of: "[reminders]\n", with: "[reminders]\n\(extra)\n")
        try text.write(toFile: config, atomically: true, encoding: .utf8)
    }
    return folder
}

/// `tasks --json` as [task: deadline].
private func deadlines(_ folder: String, at day: String = "2025-01-02") throws -> [String: String] {
    let run = try CommandLineRun("tasks", "--config", folder, "--at", day, "--json")
    #expect(run.status == 0, "\(run.stderr)")
    let tasks = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
    return Dictionary(
        tasks.compactMap { task in (task["task"] as? String).map { ($0, task["deadline"] as? String ?? "none") } }
    ) { first, _ in first }
}

@Suite("The ward's own table: the deadline rules a real office writes")
struct OfficeTableTests {
    @Test("Trước a day off is the working day before it; other deadlines on a day off move to the next")
    func beforeADayOff() throws {
        // 25/1/2025 is a Saturday inside the Tết break (25/1–2/2); 30/4/2025 is Reunification Day.
        let phrases = ["Trước 25/1/2025", "Trước ngày 30/4", "25/1/2025", "30/4/2025", "Trước Tết Nguyên đán"]
        let folder = try configListing(deadlines: phrases)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(
            try deadlines(folder) == [
                "1": "2025-01-24", "2": "2025-04-29", "3": "2025-02-03", "4": "2025-05-05", "5": "2025-01-24",
            ])
        // The rule is a setting: with before_on_day_off = "next" "Trước" moves forward like the others.
        let next = try configListing(deadlines: phrases, extra: "before_on_day_off = \"next\"")
        defer { try? FileManager.default.removeItem(atPath: next) }
        #expect(try deadlines(next)["1"] == "2025-02-03")
        #expect(try deadlines(next)["5"] == "2025-01-24")
    }

    @Test("The round trip spreadsheet → import → check → tasks --json gives the tasks of the spreadsheet itself")
    func importRoundTrip() throws {
        let phrases = [
            "Quý I/2025", "quý 1", "Q1/2025", "Trong quý II", "Tháng 6/2025", "T6/2025", "Trước 30/6/2025",
            "trước ngày 15/3", "30/06/2025", "31/12/2025", "30/6/2025", "15/3", "6 tháng đầu năm", "6 tháng cuối năm",
            "Năm 2025", "Cả năm", "Hằng tháng", "Hằng tháng, trước ngày 20", "Hàng quý", "Hằng tuần",
            "Chủ nhật hằng tuần", "Thường xuyên", "Quý I – Quý II", "Trước 20 hằng tháng", "Trước ngày 25 hàng tháng",
            "Ngày 20 hằng tháng", "Định kỳ hằng quý", "Định kỳ hàng tháng", "Định kỳ 6 tháng",
            "Từ tháng 3 đến tháng 5", "Hoàn thành trong Quý I/2025", "Quý I/2025 và duy trì thường xuyên",
            "Thường xuyên, liên tục", "Trước Tết Nguyên đán", "9/2025", "Trước 25/1/2025", "Đến 15/3",
            "Chậm nhất ngày 15/3/2025", "Thứ Hai hằng tuần", "Hằng năm, trước ngày 15/12", "6 tháng một lần",
        ]
        let folder = try configListing(deadlines: phrases)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let imported = try exampleConfig(listing: "imported.toml")
        defer { try? FileManager.default.removeItem(atPath: imported) }
        let run = try CommandLineRun(
            "import", folder + "/bieu.csv", "--config", folder, "--output", imported + "/imported.toml")
        #expect(run.status == 0, "\(run.stderr)")
        let check = try CommandLineRun("check", "--config", imported)
        #expect(check.status == 0, "\(check.stderr)")
        for day in ["2025-01-02", "2025-07-15"] {
            let direct = try CommandLineRun("tasks", "--config", folder, "--at", day, "--json")
            let viaTOML = try CommandLineRun("tasks", "--config", imported, "--at", day, "--json")
            #expect(direct.status == 0 && viaTOML.status == 0, "\(direct.stderr)\(viaTOML.stderr)")
            #expect(direct.stdout == viaTOML.stdout)
            #expect(direct.stdout.components(separatedBy: "\"task\"").count > phrases.count)
        }
    }
}
