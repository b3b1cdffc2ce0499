import Foundation
import TestSupport
import Testing

/// The example config of the repository.
let exampleConfig = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("config").path

@Suite("nhacviec check, tasks and plan")
struct PlannerCommandTests {
    @Test("check accepts the example")
    func checkExample() throws {
        let run = try CommandLineRun("check", "--config", exampleConfig)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout.contains("nhacviec.toml: hợp lệ: 1 kế hoạch, 24 nhiệm vụ ("), "\(run.stdout)")
        #expect(englishWords(in: run.stdout + run.stderr).isEmpty, "\(run.stdout)\(run.stderr)")
    }

    @Test(
        "check rejects a broken config with located errors, one per line, and exit 1, in Vietnamese unless the config asks for English",
        arguments: [
            (
                "", "nhacviec.toml:3: khóa \"befor\" không có trong [reminders] (có phải là \"before\"?)",
                "missing.toml: không có tệp này"
            ),
            (
                "[email]\nfrom = \"x@x.example\"\nlanguage = \"en\"\n",
                "nhacviec.toml:3: unknown key \"befor\" in [reminders] (did you mean \"before\"?)",
                "missing.toml: no such file"
            ),
        ])
    func checkBroken(email: String, unknownKey: String, missingPlan: String) throws {
        let folder = NSTemporaryDirectory() + "nhacviec-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "plans = [\"missing.toml\"]\n[reminders]\nbefor = [3]\n\(email)".write(
            toFile: folder + "/nhacviec.toml", atomically: true, encoding: .utf8)
        let run = try CommandLineRun("check", "--config", folder)
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasSuffix(unknownKey) }, "\(lines)")
        #expect(lines.contains { $0.contains("nhacviec.toml:1: ") && $0.contains(missingPlan) }, "\(lines)")
    }

    @Test("check on a plan nested 100,000 deep: a located error and exit 1, not a crash")
    func deepPlan() throws {
        let folder = try TemporaryFolder()
        try "plans = [\"deep.toml\"]\n".write(toFile: folder.file("nhacviec.toml"), atomically: true, encoding: .utf8)
        try ("[plan]\nid = \"p\"\ntitle = \"x\"\nyear = 2024\nnote = " + String(repeating: "[", count: 100_000) + "\n")
            .write(toFile: folder.file("deep.toml"), atomically: true, encoding: .utf8)
        let run = try CommandLineRun("check", "--config", folder.path)
        #expect(run.status == 1)
        #expect(
            run.stderr.contains("deep.toml:5: mảng, bảng viết gọn và khóa có dấu chấm lồng nhau quá 100 tầng"),
            "\(run.stderr)")
    }

    @Test("NHACVIEC_CONFIG names the config when --config is absent")
    func environment() throws {
        let run = try CommandLineRun("check", environment: ["NHACVIEC_CONFIG": exampleConfig + "/nhacviec.toml"])
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test("tasks --json gives the fields of docs/cli.md, with statuses at --at")
    func tasksJSON() throws {
        let run = try CommandLineRun("tasks", "--config", exampleConfig, "--at", "2024-03-15", "--json")
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        for key in [
            "task", "occurrence", "deadline", "nominal_deadline", "status", "responsible", "lead", "completed_on",
            "carried_over_from",
        ] {
            #expect(rows.allSatisfy { $0.keys.contains(key) }, "\(key)")
        }
        let carried = try #require(rows.first { $0["task"] as? String == "CT.2023" })
        #expect(carried["carried_over_from"] as? Int == 2023)
        #expect(carried["nominal_deadline"] as? String == "2024-03-31")
        #expect(carried["deadline"] as? String == "2024-04-01")
        #expect(carried["status"] as? String == "in_progress")
        let conscription = try #require(rows.first { $0["task"] as? String == "2.4.2" })
        #expect(conscription["status"] as? String == "done_on_time")
        #expect(conscription["completed_on"] as? String == "2024-02-23")
        #expect(rows.first { $0["task"] as? String == "2.1.4" }?["status"] as? String == "overdue")
        #expect(rows.first { $0["task"] as? String == "2.1.1" }?["status"] as? String == "ongoing")
    }

    @Test("tasks filters by official and status")
    func tasksFilters() throws {
        let run = try CommandLineRun(
            "tasks", "--config", exampleConfig, "--at", "2024-03-15", "--official", "Đỗ Minh Tuấn", "--status",
            "ongoing",
            "--json")
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["task"] as? String } == ["2.1.5", "2.3.1"])
        let bad = try CommandLineRun("tasks", "--config", exampleConfig, "--status", "late")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("The value 'late' is invalid for '--status <status>'"))
        let nobody = try CommandLineRun("tasks", "--config", exampleConfig, "--official", "Nguyễn Văn Lam")
        #expect(nobody.status == 1)
        #expect(
            nobody.stderr.contains(
                "--official: không có cán bộ hay đơn vị \"Nguyễn Văn Lam\" (có phải là \"Nguyễn Văn Lâm\"?)"),
            "\(nobody.stderr)")
    }

    @Test("plan --json lists each reminder with the fields of docs/cli.md, grouped by digest")
    func planJSON() throws {
        let run = try CommandLineRun(
            "plan", "--config", exampleConfig, "--from", "2024-03-01", "--to", "31/03/2024", "--json")
        #expect(run.status == 0, "\(run.stderr)")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(!items.isEmpty)
        for key in [
            "send_at", "recipient", "role", "channel", "task", "deadline", "nominal_deadline", "stage", "days",
            "escalation", "digest",
        ] {
            #expect(items.allSatisfy { $0[key] != nil }, "\(key)")
        }
        // 2.1.4 was due 29/02/2024 and is not done: on 14/03 it is 10 working days late, so the lead and the
        // Chairman are copied.
        let late = items.filter {
            $0["task"] as? String == "2.1.4" && $0["send_at"] as? String == "2024-03-14T07:30:00+07:00"
        }
        #expect(Set(late.map { "\($0["recipient"]!):\($0["role"]!)" }) == ["hung:to", "lam:cc", "khanh:cc"])
        #expect(
            late.allSatisfy {
                $0["escalation"] as? Int == 2 && $0["days"] as? Int == 10 && $0["stage"] as? String == "overdue"
            })
        // Items of one message share a digest id.
        let hung = items.filter { $0["digest"] as? String == "2024-03-14/hung/email" }
        #expect(Set(hung.compactMap { $0["task"] as? String }) == ["2.1.4", "2.1.3"])
    }

    @Test(
        "plan rejects a bad window",
        arguments: [
            (["--from", "2024-03-31", "--to", "2024-03-01"], "is before --from"),
            (["--from", "31/02/2024"], "--from: không có ngày \"31/02/2024\": tháng 2/2024 có 29 ngày"),
        ])
    func badWindow(arguments: [String], message: String) throws {
        let run = try CommandLineRun(["plan", "--config", exampleConfig] + arguments)
        #expect(run.status == 1)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test("calendar takes the config's days off by decision")
    func calendarWithConfig() throws {
        let run = try CommandLineRun("calendar", "2026", "--config", exampleConfig, "--json")
        let json = try run.json()
        let daysOff = try #require(json["days_off"] as? [[String: Any]])
        #expect(daysOff.contains { $0["date"] as? String == "2026-11-24" && $0["kind"] as? String == "decision" })
    }
}
