import Foundation
import Model
import Reports
import ScheduleSources
import Testing
import WorkingCalendar

/// The officials the spreadsheet fixtures name.
let spreadsheetOfficials =
    officials + """
        [[official]]
        id = "tan"
        name = "Nguyễn Thị Tần"
        email = "tan@x.example"

        [[unit]]
        id = "ca"
        name = "Công an phường"
        contact = "hung"

        """

func fixture(_ name: String) throws -> String {
    try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")).path
}

/// Loads a config listing one plan entry (written as TOML) over the spreadsheet officials.
func load(plan entry: String, files: [String: String] = [:]) throws -> (LoadedSchedule?, [String]) {
    let folder = try ConfigFolder(config: "plans = [\(entry)]\n" + spreadsheetOfficials, plans: files)
    do {
        return (try ScheduleLoader.load(config: folder.path), [])
    } catch {
        return (nil, error.items.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") })
    }
}

@Suite("Spreadsheet plans: .xlsx and .csv (docs/config.md)")
struct SpreadsheetTests {
    static let header = "STT,Nội dung,Lãnh đạo chỉ đạo,Chủ trì,Thời gian hoàn thành,Ngày hoàn thành\n"

    @Test("The example plan saved by LibreOffice reads as the TOML plan does, task by task")
    func exampleWorkbookMatchesTOML() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config")
        let text = try String(contentsOf: root.appendingPathComponent("nhacviec.toml"), encoding: .utf8)
        let folder = try ConfigFolder(
            config: text.replacingOccurrences(
                of: "plans = [\"plans/ngo-quyen-2024.toml\"]",
                with: "plans = [\"\(root.appendingPathComponent("plans/ngo-quyen-2024.xlsx").path)\"]"))
        let fromSheet = try ScheduleLoader.load(config: folder.path).schedule
        let fromTOML = try ScheduleLoader.load(config: root.path).schedule
        #expect(fromSheet.tasks.count == fromTOML.tasks.count)
        for (a, b) in zip(fromSheet.tasks, fromTOML.tasks) {
            #expect(a.id == b.id && a.title == b.title && a.section == b.section && a.isFocus == b.isFocus)
            #expect(a.lead == b.lead && a.responsible == b.responsible && a.coordinating == b.coordinating, "\(a.id)")
            #expect(
                a.deadline == b.deadline && a.carriedOverFrom == b.carriedOverFrom && a.report == b.report, "\(a.id)")
            #expect(a.target == b.target && a.document == b.document, "\(a.id)")
        }
        #expect(fromSheet.completions == fromTOML.completions)
        #expect(fromSheet.plans[0].source.file.hasSuffix(".xlsx"))
    }

    @Test(
        "An Excel-style workbook: the table on its second sheet, section rows, serial dates, a merged lead cell, NFD names",
        arguments: ["excel-style.xlsx", "excel-1904.xlsx"])
    func excelStyle(name: String) throws {
        let (loaded, errors) = try load(plan: "\"\(try fixture(name))\"")
        #expect(errors.isEmpty, "\(errors)")
        let schedule = try #require(loaded).schedule
        #expect(schedule.tasks.map(\.id) == ["I.1", "I.2", "II.1"])
        #expect(schedule.tasks.map(\.section) == ["I", "I", "II"])
        #expect(schedule.tasks[0].deadline == .date(CivilDate(year: 2024, month: 3, day: 29)!))
        #expect(schedule.completions[CompletionKey(task: "I.1")]?.date == CivilDate(year: 2024, month: 3, day: 28))
        // C5:C6 is merged: the lead written once leads both rows.
        #expect(schedule.tasks[0].lead == "lam" && schedule.tasks[1].lead == "lam")
        #expect(schedule.tasks[2].lead == "tan")
        #expect(schedule.tasks.allSatisfy { $0.responsible == [.official("hung")] })
        #expect(schedule.plans[0].year == 2024)
    }

    @Test("The sheet can be chosen in the config; a wrong choice is an error naming the sheets")
    func sheetChoice() throws {
        let path = try fixture("excel-style.xlsx")
        let (chosen, none) = try load(plan: "{ path = \"\(path)\", sheet = \"Biểu\" }")
        #expect(none.isEmpty && chosen?.schedule.tasks.count == 3)
        let (_, missing) = try load(plan: "{ path = \"\(path)\", sheet = \"Biểu 2\" }")
        #expect(
            missing.contains { $0.contains("has no sheet \"Biểu 2\" (its sheets: \"Hướng dẫn\", \"Biểu\")") },
            "\(missing)")
        let (_, wrong) = try load(plan: "{ path = \"\(path)\", sheet = \"Hướng dẫn\" }")
        #expect(wrong.contains { $0.contains("!Hướng dẫn: no header row names the task") }, "\(wrong)")
    }

    @Test("CSV: a byte-order mark, commas, quoted fields holding commas, quotes and a line break")
    func csvQuoting() throws {
        let csv =
            "\u{FEFF}" + Self.header
            + "1,\"Rà soát, \"\"mái che\"\"\nvà mái vẩy\",PCT Lâm,\"Trần Văn Hùng, Công an phường\",Quý II/2024,\n"
        let (loaded, errors) = try load(plan: "\"plans/t.csv\"", files: ["t.csv": csv])
        #expect(errors.isEmpty, "\(errors)")
        let task = try #require(loaded?.schedule.tasks.first)
        #expect(task.title == "Rà soát, \"mái che\" và mái vẩy")
        // No title row above the headers: the plan is named by its year and file, not by a path.
        #expect(loaded?.schedule.plans.first?.title == "Kế hoạch năm 2024 (t.csv)")
        #expect(task.responsible == [.official("hung"), .unit("ca")])
        #expect(task.deadline == .periodEnd(.quarter(year: 2024, quarter: 2)))
    }

    @Test("CSV with semicolons, no BOM, headers without diacritics, names in NFD, a completion date as text")
    func csvSemicolons() throws {
        let csv =
            "STT;Noi dung;Chi dao;Chu tri;Thoi han;Ngay hoan thanh\n"
            + "1;Việc một;\("Nguyễn Thị Tần".decomposedStringWithCanonicalMapping);\("Trần Văn Hùng".decomposedStringWithCanonicalMapping);30/06/2024;28/06/2024\n"
        let (loaded, errors) = try load(plan: "\"plans/t.csv\"", files: ["t.csv": csv])
        #expect(errors.isEmpty, "\(errors)")
        let task = try #require(loaded?.schedule.tasks.first)
        #expect(task.lead == "tan" && task.responsible == [.official("hung")])
        #expect(
            loaded?.schedule.completions[CompletionKey(task: "1")]?.date == CivilDate(year: 2024, month: 6, day: 28))
    }

    @Test("Other headers through the config's columns map")
    func columnsMap() throws {
        let csv = "Số,Tên công việc,Người làm,Hạn chót\n1,Việc một,hung,Tháng 5/2024\n"
        let entry =
            "{ path = \"plans/t.csv\", columns = { id = \"Số\", title = \"Tên công việc\", responsible = \"Người làm\", deadline = \"Hạn chót\" } }"
        let (loaded, errors) = try load(plan: entry, files: ["t.csv": csv])
        #expect(errors.isEmpty, "\(errors)")
        #expect(loaded?.schedule.tasks.first?.deadline == .periodEnd(.month(year: 2024, month: 5)))
        let (_, unknown) = try load(
            plan: "{ path = \"plans/t.csv\", columns = { titel = \"x\" } }", files: ["t.csv": csv])
        #expect(
            unknown.contains { $0.contains("unknown key \"titel\"") && $0.contains("did you mean \"title\"") },
            "\(unknown)")
    }

    @Test("Section rows number the tasks under them, and a year the config gives wins over the deadlines'")
    func sectionsAndYear() throws {
        let csv = Self.header + "2.1,Về lĩnh vực kinh tế,,,,\n1,Việc một,,hung,Quý I,\n2,Việc hai,,hung,15/3,\n"
        let (loaded, errors) = try load(plan: "{ path = \"plans/t.csv\", year = 2025 }", files: ["t.csv": csv])
        #expect(errors.isEmpty, "\(errors)")
        let tasks = try #require(loaded?.schedule.tasks)
        #expect(tasks.map(\.id) == ["2.1.1", "2.1.2"])
        #expect(
            tasks.map(\.deadline) == [
                .periodEnd(.quarter(year: 2025, quarter: 1)), .date(CivilDate(year: 2025, month: 3, day: 15)!),
            ])
    }

    @Test(
        "Errors with the cell, the value and a hint; no unreadable row disappears",
        arguments: [
            (
                header + "1,Việc một,,hung,Quí V/2024,\n",
                "plans/t.csv:2:E (Thời gian hoàn thành): the deadline \"Quí V/2024\": there is no quarter 5"
            ),
            (
                header + "1,Việc một,,hung,sớm nhất có thể,\n2,Việc hai,,hung,Quý I/2024,\n",
                "plans/t.csv:2:E (Thời gian hoàn thành): cannot read \"sớm nhất có thể\" as a deadline"
            ),
            (
                header + "1,Việc một,,Trần Văn Hung,Quý I/2024,\n",
                "plans/t.csv:2:D (Chủ trì): Chủ trì of task 1: unknown official or unit \"Trần Văn Hung\" (did you mean \"Trần Văn Hùng\"?)"
            ),
            (
                header + "1,Việc một,Ông Lãm,hung,Quý I/2024,\n",
                "plans/t.csv:2:C (Lãnh đạo chỉ đạo): Lãnh đạo chỉ đạo of task 1: unknown official or unit \"Ông Lãm\""
            ),
            (
                header + "1,Việc một,,hung,Quý I/2024,\n1,Việc hai,,hung,Quý II/2024,\n",
                "plans/t.csv:3:A (STT): a second task has the id \"1\" (the first is on row 2)"
            ),
            (
                header + "1,Việc một,,hung,,\n2,Việc hai,,hung,Quý I/2024,\n",
                "plans/t.csv:2:E (Thời gian hoàn thành): task 1 has no deadline (write \"Thường xuyên\" for a task without one)"
            ),
            (
                header + "1,Việc một,,,Quý I/2024,\n",
                "plans/t.csv:2:D (Chủ trì): task 1 names no one responsible (Chủ trì)"
            ),
            (
                header + "1,Việc một,,hung,Quý I/2024,30/02/2024\n",
                "plans/t.csv:2:F (Ngày hoàn thành): \"30/02/2024\" is not a date"
            ),
            (header + "1,Việc một,,hung,Thường xuyên,\n", "nhacviec.toml:1: cannot tell the plan year of plans/t.csv"),
            ("", "plans/t.csv: the spreadsheet is empty"),
            ("Họ tên,Địa chỉ\nA,B\n", "plans/t.csv: no sheet has the headers of an assignment table"),
            (
                header + "1,\"Việc một,,hung,Quý I/2024,\n",
                "plans/t.csv: a quoted field opened on row 2 is never closed"
            ),
        ])
    func errors(csv: String, error: String) throws {
        let (_, errors) = try load(plan: "\"plans/t.csv\"", files: ["t.csv": csv])
        #expect(errors.contains { $0.hasPrefix(error) }, "\(errors)")
    }

    @Test("Errors in a workbook name the sheet: file!sheet:row:column")
    func workbookErrorLocation() throws {
        // The Excel-style fixture's officials without Tần: her row cannot be read.
        let folder = try ConfigFolder(config: "plans = [\"\(try fixture("excel-style.xlsx"))\"]\n" + officials)
        let errors = folder.errors()
        #expect(
            errors.contains {
                $0.contains("excel-style.xlsx!Biểu:8:C (")
                    && $0.contains("): Lãnh đạo chỉ đạo of task II.1: unknown official or unit")
            },
            "\(errors)")
    }

    @Test(
        "Files that are not spreadsheets, or expand without end, are refused",
        arguments: [
            ("bomb.xlsx", "the workbook expands beyond a sane size (210 MB once expanded, over 200 MB)"),
            ("bomb-lying.xlsx", "the workbook expands beyond a sane size (over 200 MB)"),
        ])
    func refusedArchives(name: String, error: String) throws {
        let (_, errors) = try load(plan: "\"\(try fixture(name))\"")
        #expect(errors.contains { $0.contains(error) }, "\(errors)")
    }

    @Test("A text file named .xlsx is not a workbook")
    func notAWorkbook() throws {
        let (_, errors) = try load(plan: "\"plans/t.xlsx\"", files: ["t.xlsx": "STT,Nội dung\n"])
        #expect(
            errors == [
                "plans/t.xlsx: not an .xlsx workbook (it is not a ZIP archive); save it from Excel or LibreOffice as .xlsx"
            ])
    }

    @Test("An .xls file is refused with the advice to save it as .xlsx")
    func oldFormat() throws {
        let (_, errors) = try load(plan: "\"plans/t.xls\"", files: ["t.xls": "x"])
        #expect(errors.contains { $0.contains("save it as .xlsx") })
    }

    @Test("Names on two lines of one cell (Alt+Enter) are two names, in .csv and .xlsx alike")
    func lineBreaksSeparateNames() throws {
        let csv = Self.header + "1,Việc một,,\"Trần Văn Hùng\r\nCông an phường\",Quý II/2024,\n"
        let (fromCSV, csvErrors) = try load(plan: "\"plans/t.csv\"", files: ["t.csv": csv])
        #expect(csvErrors.isEmpty, "\(csvErrors)")
        #expect(fromCSV?.schedule.tasks.first?.responsible == [.official("hung"), .unit("ca")])

        let folder = NSTemporaryDirectory() + "nhacviec-xlsx-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let workbook = Workbook(sheets: [
            .init(
                name: "Biểu", header: ["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian hoàn thành"],
                rows: [
                    [
                        .text("1"), .text("Việc một"), .text("Trần Văn Hùng\nCông an phường"),
                        .text("Văn phòng\nTổ dân phố 3"), .date(d(2024, 6, 28)),
                    ]
                ])
        ])
        try workbook.data().write(to: URL(fileURLWithPath: folder + "/t.xlsx"))
        let (fromXLSX, xlsxErrors) = try load(plan: "\"\(folder)/t.xlsx\"")
        #expect(xlsxErrors.isEmpty, "\(xlsxErrors)")
        let task = try #require(fromXLSX?.schedule.tasks.first)
        #expect(task.responsible == [.official("hung"), .unit("ca")])
        #expect(task.coordinating == ["Văn phòng", "Tổ dân phố 3"])
        #expect(task.deadline == .date(d(2024, 6, 28)))
    }

    @Test(
        "A carried-over task from the table: its note, or a column Chuyển tiếp / Năm chuyển tiếp",
        arguments: [
            ("Ghi chú", "Chuyển tiếp từ năm 2024", 2024),
            ("Ghi chú", "chuyen tiep tu nam 2023, lam tiep", 2023),
            ("Ghi chú", "Chuyển tiếp", 2024),
            ("Chuyển tiếp", "x", 2024),
            ("Năm chuyển tiếp", "2023", 2023),
        ])
    func carriedOverFromTheTable(column: String, cell: String, year: Int) throws {
        let csv =
            "STT;Nội dung;Chủ trì;Thời hạn;\(column)\n1;Việc một;hung;Quý I/2025;\(cell)\n2;Việc hai;hung;Quý I/2025;\n"
        let (loaded, errors) = try load(plan: "\"plans/t.csv\"", files: ["t.csv": csv])
        #expect(errors.isEmpty, "\(errors)")
        let tasks = try #require(loaded?.schedule.tasks)
        #expect(tasks.map(\.carriedOverFrom) == [year, nil])
    }
}
