import Foundation
import TestSupport
import Testing

/// `import` of a province's appendix, then `check` and `tasks` over the plan it wrote (issue 28): the way a
/// ward's clerk takes the rows that name her ward out of the province's plan.
@Suite("import of a province's appendix, then check and tasks")
struct PublishedTableImportTests {
    /// The province appendix of the ScheduleSources fixtures, as LibreOffice saves it to CSV.
    static let appendix = repositoryRoot + "/Tests/ScheduleSourcesTests/Fixtures/province-appendix.csv"

    func tasks(_ folder: String) throws -> [[String: Any]] {
        let run = try CommandLineRun("tasks", "--config", folder, "--at", "2025-06-01", "--json")
        #expect(run.status == 0, "\(run.stderr)")
        return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
    }

    @Test("Every row of the appendix gets its deadline; the bodies the config lacks go to the clerk")
    func wholeAppendix() throws {
        let folder = try exampleConfig(listing: "tinh.toml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Self.appendix, toPath: folder + "/phu-luc.csv")
        let run = try CommandLineRun(
            "import", folder + "/phu-luc.csv", "--year", "2025", "--config", folder, "--output", folder + "/tinh.toml")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stderr.contains("7 dòng nhiệm vụ, 1 nhiệm vụ chưa có thời hạn cụ thể, 0 dòng có lỗi"), "\(run.stderr)")
        #expect(run.stderr.contains("cột không dùng: \"Sản phẩm dự kiến\", \"Nguồn kinh phí\""), "\(run.stderr)")
        #expect(run.stderr.contains("cảnh báo") && run.stderr.contains("\"2026 - 2030\""), "\(run.stderr)")
        #expect(englishWords(in: run.stderr).isEmpty, "\(run.stderr)")
        let check = try CommandLineRun("check", "--config", folder)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(
            check.stdout.contains("1 nhiệm vụ chưa có thời hạn cụ thể (không nhắc theo ngày): I.3"), "\(check.stdout)")
        let rows = try tasks(folder)
        let deadlines = Dictionary(grouping: rows) { $0["task"] as? String ?? "" }.mapValues {
            $0.map { ($0["nominal_deadline"] as? String) ?? ($0["status"] as? String ?? "") }
        }
        #expect(deadlines["I.1"] == ["2025-12-31"])
        #expect(deadlines["I.5"] == ["2026-12-31", "2027-12-31", "2028-12-31", "2029-12-31", "2030-12-31"])
        #expect(deadlines["I.2"] == ["2025-12-31"])
        #expect(deadlines["I.3"] == ["no_fixed_deadline"])
        #expect(deadlines["I.4"] == ["2025-09-30"])
        #expect(deadlines["II.1"] == ["2025-12-31"])
        #expect(deadlines["II.2"] == ["2025-12-31"])
        // Reminded through the clerk of the example config.
        #expect(rows.allSatisfy { ($0["responsible"] as? [String]) == ["thu"] }, "\(rows)")
    }

    @Test("--for keeps the rows a ward must follow, the collective in charge becoming the ward")
    func forTheWard() throws {
        let folder = try exampleConfig(listing: "phuong.toml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Self.appendix, toPath: folder + "/phu-luc.csv")
        let run = try CommandLineRun(
            "import", folder + "/phu-luc.csv", "--year", "2025", "--for", "UBND phường Ngô Quyền", "--config", folder,
            "--output", folder + "/phuong.toml")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("7 dòng nhiệm vụ, giữ 4 dòng có tên đơn vị"), "\(run.stderr)")
        let written = try String(contentsOfFile: folder + "/phuong.toml", encoding: .utf8)
        #expect(written.contains("responsible = [\"UBND phường Ngô Quyền\"]"), "\(written)")
        #expect(Set(try tasks(folder).map { $0["task"] as? String ?? "" }) == ["I.1", "I.5", "I.2", "II.1"])
    }

    @Test("--columns names the roles of headers nhacviec does not know, by header or letter; a wrong role is refused")
    func columnsOption() throws {
        let folder = try exampleConfig(listing: "bieu.toml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "Số hiệu,Việc,Ai làm,Khi nào\nA1,Việc một,Trần Văn Hùng,\"Quý II/2025\"\n".write(
            toFile: folder + "/bieu.csv", atomically: true, encoding: .utf8)
        let refused = try CommandLineRun("import", folder + "/bieu.csv", "--config", folder)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("các cột đã thấy: A \"Số hiệu\" → không dùng"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--columns title=\"Số hiệu\" --columns deadline=\"Việc\""), "\(refused.stderr)")
        let run = try CommandLineRun(
            "import", folder + "/bieu.csv", "--config", folder, "--columns", "id=Số hiệu,task=Việc,in_charge=C",
            "--columns", "deadline=D", "--output", folder + "/bieu.toml")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try tasks(folder).map { $0["task"] as? String ?? "" } == ["A1"])
        let wrong = try CommandLineRun("import", folder + "/bieu.csv", "--columns", "khi=D")
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("\"khi\""), "\(wrong.stderr)")
    }

    @Test("The config's columns for a listed table are import's too")
    func configColumns() throws {
        let folder = try exampleConfig(listing: "bieu.csv")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = folder + "/nhacviec.toml"
        let text = try String(contentsOfFile: config, encoding: .utf8).replacingOccurrences(
            of: "\nplans = [\"bieu.csv\"]",
            with: "\nplans = [{ path = \"bieu.csv\", year = 2025, columns = { id = \"Số hiệu\", task = \"Việc\", "
                + "in_charge = \"Ai làm\", deadline = \"Khi nào\" } }]")
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        try "Số hiệu,Việc,Ai làm,Khi nào\nA1,Việc một,Trần Văn Hùng,Quý II\n".write(
            toFile: folder + "/bieu.csv", atomically: true, encoding: .utf8)
        let check = try CommandLineRun("check", "--config", folder)
        #expect(check.status == 0, "\(check.stderr)")
        let run = try CommandLineRun("import", folder + "/bieu.csv", "--config", folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("id = \"A1\"") && run.stdout.contains("due = \"Quý II\""), "\(run.stdout)")
        #expect(run.stdout.contains("year = 2025"), "\(run.stdout)")
    }
}
