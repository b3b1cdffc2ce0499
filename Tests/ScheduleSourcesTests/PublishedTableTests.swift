import Foundation
import Model
import ScheduleSources
import Testing
import WorkingCalendar

/// Tables as People's Committees publish them (issue 28): the appendix of a plan, saved to CSV as Excel
/// and LibreOffice save it (merged cells blank), its headers, phrases and names as offices write them.
@Suite("Published assignment tables: headers by meaning, names with commas, merged cells")
struct PublishedTableTests {
    /// The province appendix of the fixtures (Fixtures/README.md) as LibreOffice saves it to CSV.
    static func provinceTable() throws -> String {
        try String(contentsOfFile: try fixture("province-appendix.csv"), encoding: .utf8)
    }

    func importing(_ csv: String, year: Int? = 2025, columns: [String: String] = [:], unit: String? = nil) throws
        -> PlanImport.Result
    {
        let folder = try ConfigFolder(config: "", plans: ["t.csv": csv])
        return try #require(
            PlanImport.run(
                PlanImport.Request(
                    path: folder.path + "/plans/t.csv", year: year, sheet: nil, columns: columns, unit: unit),
                directory: nil))
    }

    @Test("A province's appendix reads whole: every row with its deadline, the unread columns named")
    func province() throws {
        let result = try importing(try Self.provinceTable())
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.taskCount == 7)
        let summary = result.summary
        #expect(summary.unusedColumns == ["Sản phẩm dự kiến", "Nguồn kinh phí"])
        #expect(summary.noFixedDeadline == 1)
        // The row under STT 1 (merged) has its own number; its responsible is the merged cell's.
        #expect(summary.numberedRows == [7])
        #expect(summary.filledCells == 2)
        #expect(
            result.toml.contains(
                "title = \"Xây dựng đề án\"\nresponsible = [\"Sở Văn hóa, Thể thao và Du lịch\"]\n"
                    + "coordinating = [\"Các sở, ngành\", \"UBND xã, phường, đặc khu\"]\ndue = \"2026 - 2030\""),
            "\(result.toml)")
        #expect(result.toml.contains("coordinating = [\"Các sở, ngành\", \"UBND xã, phường, đặc khu\"]"))
        #expect(result.toml.contains("responsible = [\"Ban Quản lý các Khu công nghiệp, khu kinh tế\"]"))
        #expect(result.toml.contains("responsible = [\"Sở Nội vụ\", \"Sở Tài chính\"]"))
        #expect(result.toml.contains("[[unit]]\nid = \"so-van-hoa-the-thao-va-du-lich\""))
        // 2026 - 2030 in a plan of 2025: kept, said.
        #expect(result.warnings.map(\.description).contains { $0.contains("2026 - 2030") })
    }

    @Test("The appendix as LibreOffice saves it, .xlsx with its merges and .csv without, reads as one plan")
    func savedByLibreOffice() throws {
        var plans: [String] = []
        for name in ["province-appendix.xlsx", "province-appendix.csv"] {
            let result = try #require(
                PlanImport.run(
                    PlanImport.Request(path: try fixture(name), year: 2025, sheet: nil), directory: nil))
            #expect(result.problems.isEmpty, "\(name): \(result.problems)")
            // Seven tasks: the header repeated over a page break is no task, a year Excel keeps as a number is a year.
            #expect(result.taskCount == 7, "\(name)")
            #expect(result.summary.unusedColumns == ["Sản phẩm dự kiến", "Nguồn kinh phí"], "\(name)")
            #expect(result.summary.numberedRows == [7], "\(name)")
            plans.append(result.toml)
        }
        #expect(plans[0] == plans[1])
        #expect(plans[0].contains("id = \"II.1\"\nsection = \"II\"\ntitle = \"Số hóa hồ sơ\""), "\(plans[0])")
        #expect(plans[0].contains("coordinating = [\"UBND cấp xã\"]\ndue = \"2025\""), "\(plans[0])")
        #expect(plans[0].contains("[[section]]\nid = \"I\"\ntitle = \"NHÓM NHIỆM VỤ VỀ THỂ CHẾ\""))
        #expect(
            plans[0].contains(
                "title = \"Xây dựng đề án\"\nresponsible = [\"Sở Văn hóa, Thể thao và Du lịch\"]\n"
                    + "coordinating = [\"Các sở, ngành\", \"UBND xã, phường, đặc khu\"]\ndue = \"2026 - 2030\""),
            "\(plans[0])")
    }

    @Test(
        "Headers offices write name their roles",
        arguments: [
            ("STT,Nội dung công việc,Cơ quan thực hiện,THỜI GIAN", TableField.deadline),
            ("TT,\"Nhiệm vụ, giải pháp\",\"Cơ quan, đơn vị chủ trì\",Tiến độ thực hiện", .deadline),
            ("TT,Tên nhiệm vụ,Trách nhiệm thực hiện,Thời điểm hoàn thành", .deadline),
        ])
    func headers(header: String, field: TableField) throws {
        let result = try importing(header + "\n1,Việc một,Sở Tư pháp,Quý II/2025\n")
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.toml.contains("due = \"Quý II/2025\""))
        #expect(result.toml.contains("responsible = [\"Sở Tư pháp\"]"))
    }

    @Test("Headings: a Roman number with a Chủ trì for the rows under it, a task row that opens \"-\" items")
    func groups() throws {
        let result = try importing(
            """
            TT,Nội dung,Cơ quan chủ trì,Thời gian hoàn thành
            I,CÔNG TÁC CHỈ ĐẠO,Văn phòng UBND,
            1.,Ban hành kế hoạch,,Tháng 3/2025
            2.,Kiểm tra,Sở Nội vụ,Hằng tháng (trước ngày 25)
            3,Triển khai đề án,Sở Tư pháp,
            -,Tập huấn,,hạ tuần tháng 10
            -,Tổng kết,Sở Tài chính,Quý IV/2025

            """)
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.taskCount == 4)
        #expect(result.toml.contains("[[section]]\nid = \"I\"\ntitle = \"CÔNG TÁC CHỈ ĐẠO\""))
        #expect(result.toml.contains("[[section]]\nid = \"3\"\ntitle = \"Triển khai đề án\""))
        // "1." is task 1 of section I, in charge as its heading says.
        #expect(
            result.toml.contains(
                "id = \"I.1\"\nsection = \"I\"\ntitle = \"Ban hành kế hoạch\"\nresponsible = [\"Văn phòng UBND\"]"))
        #expect(
            result.toml.contains("title = \"Tập huấn\"\nresponsible = [\"Sở Tư pháp\"]\ndue = \"hạ tuần tháng 10\""))
        #expect(result.toml.contains("title = \"Tổng kết\"\nresponsible = [\"Sở Tài chính\"]"))
    }

    @Test("A column whose header says nothing known but whose cells are deadlines is taken as the deadline")
    func deadlineByContent() throws {
        let result = try importing(
            "TT,Nhiệm vụ,Chủ trì,Giai đoạn\n1,Việc một,Sở Tư pháp,Quý II/2025\n2,Việc hai,Sở Nội vụ,2025\n")
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.summary.byContent == [.init(header: "Giai đoạn", role: "deadline")])
    }

    @Test("A table whose roles cannot be found is refused with the headers seen and the mapping to write")
    func refusedWithHeaders() throws {
        let result = try importing("Số hiệu,Việc,Ai làm\nA1,x,y\n")
        let text = result.problems.map(\.description).joined(separator: "\n")
        #expect(
            text.contains("the columns seen: A \"Số hiệu\" → not used; B \"Việc\" → not used; C \"Ai làm\" → not used"),
            "\(text)")
        #expect(
            text.contains("columns = { title = \"Số hiệu\", deadline = \"Việc\", responsible = \"Ai làm\" }"), "\(text)"
        )
    }

    @Test("columns maps a header, or a column letter, to its role")
    func columnsMapping() throws {
        let csv = "Số hiệu,Việc,Ai làm,Khi nào\nA1,Việc một,Sở Tư pháp,Quý II/2025\n"
        for columns in [
            ["id": "Số hiệu", "task": "Việc", "in_charge": "Ai làm", "deadline": "Khi nào"],
            ["id": "A", "title": "B", "responsible": "C", "deadline": "D"],
        ] {
            let result = try importing(csv, columns: columns)
            #expect(result.problems.isEmpty, "\(columns): \(result.problems)")
            #expect(result.toml.contains("id = \"A1\"") && result.toml.contains("due = \"Quý II/2025\""), "\(columns)")
        }
    }

    @Test("A deadline outside the plan's year is kept, and said for check")
    func outsideThePlanYear() throws {
        let csv =
            "STT,Nội dung,Chủ trì,Thời hạn\n1,Việc một,Trần Văn Hùng,Quý I/2026\n2,Việc hai,Trần Văn Hùng,Quý II\n"
        let (loaded, errors) = try load(plan: "{ path = \"plans/t.csv\", year = 2025 }", files: ["t.csv": csv])
        #expect(errors.isEmpty, "\(errors)")
        let schedule = try #require(loaded?.schedule)
        #expect(
            schedule.tasks.map(\.deadline) == [
                .periodEnd(.quarter(year: 2026, quarter: 1)), .periodEnd(.quarter(year: 2025, quarter: 2)),
            ])
        #expect(
            schedule.warnings.map(\.description).contains {
                $0.contains("t.csv:2:D (Thời hạn): the deadline \"Quý I/2026\" is not in the plan's year 2025")
            }, "\(schedule.warnings)")
        #expect(schedule.warnings.count == 1)
    }

    @Test("A name error and a deadline error of one row are said together")
    func oneRound() throws {
        let csv = "STT,Nội dung,Chủ trì,Thời hạn\n1,Việc một,Trần Văn Hung,sớm nhất\n"
        let folder = try ConfigFolder(
            config: "plans = [{ path = \"plans/t.csv\", year = 2025 }]\n" + officials, plans: ["t.csv": csv])
        let errors = folder.errors()
        #expect(errors.contains { $0.contains("cannot read \"sớm nhất\"") }, "\(errors)")
        #expect(errors.contains { $0.contains("\"Trần Văn Hung\"") }, "\(errors)")
    }

    @Test("--for keeps the rows a ward must follow, a collective in charge becoming the ward")
    func forAWard() throws {
        let result = try importing(try Self.provinceTable(), unit: "UBND phường Ngô Quyền")
        #expect(result.problems.isEmpty, "\(result.problems)")
        // I.1 and the row merged with it (assisting: UBND xã, phường, đặc khu), I.2 (in charge: UBND các xã,
        // phường), II.1 (assisting: UBND cấp xã).
        #expect(result.taskCount == 4)
        #expect(result.summary.rowsRead == 7)
        #expect(result.toml.contains("responsible = [\"UBND phường Ngô Quyền\"]"))
        #expect(!result.toml.contains("Sở Nội vụ"))
    }

    static let collectiveNames: [(String, Set<BodyName.Level>)] = [
        ("UBND các xã, phường", [.commune, .ward]),
        ("UBND xã, phường, đặc khu", [.commune, .ward, .specialZone]),
        ("UBND cấp xã", [.commune, .ward, .specialZone, .townlet]),
        ("các phường", [.ward]),
        ("Các sở, ngành", [.department]),
    ]

    @Test("Collectives name the levels they cover", arguments: collectiveNames)
    func collectives(name: String, levels: Set<BodyName.Level>) {
        #expect(BodyName.collective(name) == levels)
    }

    @Test("Names that are no collective", arguments: ["UBND phường Ngô Quyền", "Sở Tư pháp", "Công an phường"])
    func notCollectives(name: String) {
        #expect(BodyName.collective(name) == nil)
    }
}
