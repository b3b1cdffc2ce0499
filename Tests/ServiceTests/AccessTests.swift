import App
import Foundation
import Model
import TestSupport
import Testing

/// Who may see what (SPEC §12; App's `Access`): one rule for the pages, the links and `tasks --official`.
@Suite("Who may see what")
struct AccessTests {
    /// A clerk, an editor, the top official, a lead, an official who escalates to another who leads nothing,
    /// an official of a unit, and one who has nothing to do with the tasks.
    static let config = """
        clerk = "thu"
        plans = ["plan.toml"]

        [email]
        url = "file:///nonexistent"
        from = "Văn phòng <vp@x.example>"

        [web]
        listen = "127.0.0.1:0"
        editors = ["tan"]

        [[official]]
        id = "khanh"
        name = "Vũ Trí Khánh"
        email = "khanh@x.example"
        top = true

        [[official]]
        id = "thu"
        name = "Lê Thị Thu"
        email = "thu@x.example"

        [[official]]
        id = "tan"
        name = "Nguyễn Thị Tần"
        email = "tan@x.example"

        [[official]]
        id = "lam"
        name = "Nguyễn Văn Lâm"
        email = "lam@x.example"

        [[official]]
        id = "hung"
        name = "Trần Văn Hùng"
        email = "hung@x.example"
        escalates_to = "hoa"

        [[official]]
        id = "hoa"
        name = "Phạm Thị Hoa"
        email = "hoa@x.example"

        [[official]]
        id = "nam"
        name = "Đỗ Văn Nam"
        email = "nam@x.example"

        [[unit]]
        id = "ca"
        name = "Công an phường"
        contact = "nam"

        """

    static let plan = """
        [plan]
        id = "p"
        title = "Kế hoạch"
        year = 2024

        [[task]]
        id = "1"
        title = "Không có lãnh đạo chỉ đạo"
        responsible = ["hung"]
        due = "Quý II/2024"

        [[task]]
        id = "2"
        title = "Của công an phường"
        lead = "lam"
        responsible = ["Công an phường"]
        due = "Quý II/2024"

        [[task]]
        id = "3"
        title = "Của Hùng, có lãnh đạo"
        lead = "lam"
        responsible = ["hung"]
        due = "Quý III/2024"

        """

    /// (official, tasks they see, may they change things)
    static let table: [(String, [String], Bool)] = [
        ("thu", ["1", "2", "3"], true),  // the clerk
        ("tan", ["1", "2", "3"], true),  // an editor
        ("khanh", ["1", "2", "3"], false),  // the top official
        ("lam", ["1", "2", "3"], false),  // a lead sees every task
        ("hung", ["1", "3"], false),  // responsible
        ("hoa", ["1"], false),  // copied on 1 when it runs late: Hùng escalates to her, the task names no lead
        ("nam", ["2"], false),  // the unit's contact
    ]

    @Test("Each official sees what the rule says, and changes things only as the clerk or an editor", arguments: table)
    func sees(official: String, tasks: [String], canEdit: Bool) throws {
        let folder = try TemporaryFolder()
        try Self.config.write(toFile: folder.file("nhacviec.toml"), atomically: true, encoding: .utf8)
        try Self.plan.write(toFile: folder.file("plan.toml"), atomically: true, encoding: .utf8)
        let office = try Office.open(config: folder.file("nhacviec.toml"), environment: [:], state: .none)
        let access = try #require(Access(official, in: office))
        #expect(office.schedule.tasks.filter(access.sees).map(\.id) == tasks)
        #expect(access.canEdit == canEdit)
    }

    @Test("tasks --official lists the tasks an official is on, copied by escalation included")
    func commandLine() throws {
        let folder = try TemporaryFolder()
        try Self.config.write(toFile: folder.file("nhacviec.toml"), atomically: true, encoding: .utf8)
        try Self.plan.write(toFile: folder.file("plan.toml"), atomically: true, encoding: .utf8)
        for (official, expected) in [("hoa", ["1"]), ("nam", ["2"]), ("hung", ["1", "3"]), ("lam", ["2", "3"])] {
            let run = try CommandLineRun(
                ["tasks", "--config", folder.path, "--official", official, "--at", "2024-01-02", "--json"])
            #expect(run.status == 0, "\(run.stderr)")
            let rows = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(rows.compactMap { $0["task"] as? String } == expected, "\(official)")
        }
    }
}
