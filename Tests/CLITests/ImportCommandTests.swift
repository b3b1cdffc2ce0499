import Foundation
import TestSupport
import Testing

/// A copy of the example config in a temporary folder whose plans line lists `plan` instead.
func exampleConfig(listing plan: String) throws -> String {
    let folder = NSTemporaryDirectory() + "nhacviec-cli-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let text = try String(contentsOfFile: exampleConfig + "/nhacviec.toml", encoding: .utf8)
        .replacingOccurrences(of: "plans = [\"plans/ngo-quyen-2024.toml\"]", with: "plans = [\"\(plan)\"]")
    try text.write(toFile: folder + "/nhacviec.toml", atomically: true, encoding: .utf8)
    return folder
}

@Suite("The assignment table as a plan, and nhacviec import")
struct ImportCommandTests {
    @Test("The example workbook and the example TOML plan give the same tasks --json")
    func workbookEqualsTOML() throws {
        let folder = try exampleConfig(listing: exampleConfig + "/plans/ngo-quyen-2024.xlsx")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for day in ["2024-03-15", "2025-01-15"] {
            let sheet = try CommandLineRun("tasks", "--config", folder, "--at", day, "--json")
            let toml = try CommandLineRun("tasks", "--config", exampleConfig, "--at", day, "--json")
            #expect(sheet.status == 0, "\(sheet.stderr)")
            #expect(sheet.stdout == toml.stdout)
            #expect(sheet.stdout.count > 1000)
        }
    }

    @Test("import writes a TOML plan that loads to the same tasks")
    func importRoundTrip() throws {
        let folder = try exampleConfig(listing: "imported.toml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CommandLineRun(
            "import", exampleConfig + "/plans/ngo-quyen-2024.xlsx", "--config", exampleConfig, "--output",
            folder + "/imported.toml")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("ngo-quyen-2024.xlsx: đọc được 24 nhiệm vụ, 0 lỗi"), "\(run.stderr)")
        let imported = try CommandLineRun("tasks", "--config", folder, "--at", "2024-06-01", "--json")
        let original = try CommandLineRun("tasks", "--config", exampleConfig, "--at", "2024-06-01", "--json")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == original.stdout)
    }

    @Test("import lists every row it cannot read, writes the others, and exits 1")
    func importProblems() throws {
        let folder = NSTemporaryDirectory() + "nhacviec-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let csv =
            "STT;Nội dung;Chủ trì;Thời hạn\n1;Việc một;Trần Văn Hùng;Quý I/2024\n2;Việc hai;Trần Văn Hùng;Quí 5\n3;Việc ba;Trần Văn Hung;30/6/2024\n"
        try csv.write(toFile: folder + "/bieu.csv", atomically: true, encoding: .utf8)
        let run = try CommandLineRun(
            "import", folder + "/bieu.csv", "--config", exampleConfig, "--output", folder + "/out.toml")
        #expect(run.status == 1)
        #expect(run.stderr.contains("bieu.csv:3:D (Thời hạn): thời hạn \"Quí 5\": không có quý 5"), "\(run.stderr)")
        #expect(
            run.stderr.contains(
                "bieu.csv:4:C (Chủ trì): Chủ trì của nhiệm vụ 3: không có cán bộ hay đơn vị \"Trần Văn Hung\" (có phải là \"Trần Văn Hùng\"?)"
            ), "\(run.stderr)")
        #expect(englishWords(in: run.stderr).isEmpty, "\(run.stderr)")
        let written = try String(contentsOfFile: folder + "/out.toml", encoding: .utf8)
        #expect(
            written.contains("id = \"1\"") && written.contains("due = \"Quý I/2024\"") && !written.contains("Việc hai"))
    }

    @Test("A date typed as text in the deadline column is written as a phrase that check reads back")
    func importDatesAsText() throws {
        let folder = try exampleConfig(listing: "imported.toml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let csv =
            "STT;Nội dung;Chủ trì;Thời hạn\n1;Việc một;Trần Văn Hùng;31/12/2024\n2;Việc hai;Trần Văn Hùng;30/6/2024\n3;Việc ba;Trần Văn Hùng;15/3\n"
        try csv.write(toFile: folder + "/bieu.csv", atomically: true, encoding: .utf8)
        let run = try CommandLineRun(
            "import", folder + "/bieu.csv", "--config", exampleConfig, "--output", folder + "/imported.toml")
        #expect(run.status == 0, "\(run.stderr)")
        let written = try String(contentsOfFile: folder + "/imported.toml", encoding: .utf8)
        #expect(written.contains("due = \"31/12/2024\"") && written.contains("due = \"15/3\""), "\(written)")
        let check = try CommandLineRun("check", "--config", folder)
        #expect(check.status == 0, "\(check.stderr)")
        let tasks = try CommandLineRun("tasks", "--config", folder, "--at", "2024-01-02", "--json")
        #expect(tasks.stdout.contains("\"2024-12-31\"") && tasks.stdout.contains("\"2024-03-15\""))
    }

    @Test("With a config whose listed table is broken, import still checks names and writes the rows it read")
    func importBesideABrokenPlan() throws {
        let folder = try exampleConfig(listing: "broken.csv")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "STT;Nội dung;Chủ trì;Thời hạn\n1;Việc một;Ai đó;Quý 9\n".write(
            toFile: folder + "/broken.csv", atomically: true, encoding: .utf8)
        try "STT;Nội dung;Chủ trì;Thời hạn\n1;Việc một;Trần Văn Hùng;Quý I/2024\n2;Việc hai;Trần Văn Hung;Quý II/2024\n"
            .write(toFile: folder + "/new.csv", atomically: true, encoding: .utf8)
        let run = try CommandLineRun(
            "import", folder + "/new.csv", "--config", folder, "--output", folder + "/out.toml")
        #expect(run.status == 1)
        #expect(run.stderr.contains("đọc được 2 nhiệm vụ, 1 lỗi"), "\(run.stderr)")
        #expect(run.stderr.contains("không có cán bộ hay đơn vị \"Trần Văn Hung\""), "\(run.stderr)")
        let written = try String(contentsOfFile: folder + "/out.toml", encoding: .utf8)
        #expect(written.contains("Việc một") && written.contains("Việc hai"))
    }

    @Test("import refuses what is not a spreadsheet")
    func importRefuses() throws {
        let run = try CommandLineRun("import", exampleConfig + "/nhacviec.toml")
        #expect(run.status == 1)
        #expect(run.stderr.contains("lệnh import đọc tệp .xlsx hoặc .csv"), "\(run.stderr)")
    }
}
