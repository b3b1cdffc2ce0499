import App
import Foundation
import Planner
import TestSupport
import Testing
import WorkingCalendar

@testable import ScheduleSources

/// One item of `plan --json` (docs/cli.md), encoded by Foundation: what the hand-written writer must match.
private struct PlanItem: Encodable {
    let reminder: Reminder
    let digest: Digest
    let sendAt: String

    enum CodingKeys: String, CodingKey {
        case channel, days, deadline, digest, escalation, occurrence, recipient, role, stage, task, title
        case dataPeriod = "data_period"
        case nominalDeadline = "nominal_deadline"
        case sendAt = "send_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let occurrence = reminder.occurrence
        try container.encode(digest.channel.description, forKey: .channel)
        try container.encode(
            occurrence.dataPeriod.map { [$0.lowerBound.iso, $0.upperBound.iso] }, forKey: .dataPeriod)
        try container.encode(reminder.stage.days, forKey: .days)
        try container.encode(occurrence.deadline?.iso, forKey: .deadline)
        try container.encode(digest.id.description, forKey: .digest)
        try container.encode(reminder.stage.escalation, forKey: .escalation)
        try container.encode(occurrence.nominalDeadline?.iso, forKey: .nominalDeadline)
        try container.encode(occurrence.key?.iso, forKey: .occurrence)
        try container.encode(digest.recipient, forKey: .recipient)
        try container.encode(reminder.role.rawValue, forKey: .role)
        try container.encode(sendAt, forKey: .sendAt)
        try container.encode(reminder.stage.stage.rawValue, forKey: .stage)
        try container.encode(occurrence.task.id, forKey: .task)
        try container.encode(occurrence.task.title, forKey: .title)
    }
}

@Suite("plan --json, byte for byte")
struct PlanJSONGoldenTests {
    /// Titles a JSON writer gets wrong: quotes, backslashes, every control character, DEL, a slash,
    /// decomposed (NFD) Vietnamese, emoji, and non-BMP text.
    static let titles = [
        "Báo cáo \"quý\" và C:\\dữ liệu\\ / a/b",
        "Điều khiển: \u{0}\u{1}\u{7}\u{8}\t\n\u{B}\u{C}\r\u{E}\u{1B}\u{1F}\u{7F} hết",
        "Hoa\u{0300}n tha\u{0300}nh ke\u{0302}\u{0301} hoa\u{0323}ch",
        "Tết 🎉 👩‍👩‍👧 𠀀 ☎︎",
        "",
    ]

    /// A config with one official and a task per awkward title, due on working days of March 2024.
    func awkwardConfig(in folder: TemporaryFolder) throws -> String {
        var plan = "[plan]\nid = \"k\"\ntitle = \"Kế hoạch\"\nyear = 2024\n"
        for (index, title) in Self.titles.enumerated() {
            plan +=
                "\n[[task]]\nid = \"T.\(index)\"\ntitle = \(PlanImport.quote(title))\nresponsible = \"hung\"\nlead = \"lam\"\n"
            plan += "due = 2024-03-\(11 + index)\n"
            if index == 1 { plan += "report = \"quarterly\"\n" }
        }
        try plan.write(toFile: folder.file("plan.toml"), atomically: true, encoding: .utf8)
        let config = """
            state_dir = "\(folder.file("state"))"
            plans = ["plan.toml"]
            [email]
            url = "file://\(folder.file("maildir"))"
            from = "vp@x.example"
            [[official]]
            id = "hung"
            name = "Trần Văn Hùng"
            email = "hung@x.example"
            escalates_to = "lam"
            [[official]]
            id = "lam"
            name = "Nguyễn Văn Lâm"
            email = "lam@x.example"
            top = true
            """
        try config.write(toFile: folder.file("nhacviec.toml"), atomically: true, encoding: .utf8)
        return folder.file("nhacviec.toml")
    }

    @Test("The streamed writer writes what JSONEncoder writes for the same items, on awkward strings")
    func sameAsJSONEncoder() throws {
        let folder = try TemporaryFolder()
        let config = try awkwardConfig(in: folder)
        let office = try Office.open(config: config, environment: [:], state: .none)
        let window = CivilDate(year: 2024, month: 3, day: 1)!...CivilDate(year: 2024, month: 4, day: 30)!
        let digests = office.planner.digests(in: window)
        // Every awkward title reaches the output, most of them several times.
        let titles = Set(digests.flatMap(\.reminders).map(\.occurrence.task.title))
        #expect(titles == Set(Self.titles))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var lines: [String] = []
        for digest in digests {
            for reminder in digest.reminders {
                let item = PlanItem(
                    reminder: reminder, digest: digest, sendAt: office.sendTime.iso8601(on: digest.sendDay))
                lines.append(String(decoding: try encoder.encode(item), as: UTF8.self))
            }
        }
        #expect(lines.count > 20)
        let expected = "[\n" + lines.joined(separator: ",\n") + "\n]\n"
        for arguments in [["--json"], ["--json", "--preview-maildir", folder.file("preview")]] {
            let run = try CommandLineRun(
                ["plan", "--config", config, "--from", "2024-03-01", "--to", "2024-04-30"] + arguments)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.utf8.elementsEqual(expected.utf8), "\(arguments)")
            if !run.stdout.utf8.elementsEqual(expected.utf8) {
                let got = run.stdout.split(separator: "\n")
                let want = expected.split(separator: "\n")
                for (a, b) in zip(got, want) where a != b {
                    Issue.record("first difference:\n  plan:    \(a)\n  encoder: \(b)")
                    break
                }
            }
        }
    }

    @Test("An empty window is an empty array")
    func empty() throws {
        let folder = try TemporaryFolder()
        let config = try awkwardConfig(in: folder)
        let run = try CommandLineRun("plan", "--config", config, "--from", "2024-01-02", "--to", "2024-01-03", "--json")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [Any] != nil)
        #expect(run.stdout == "[\n\n]\n", "\(run.stdout.debugDescription)")
    }
}
