import Foundation
import TestSupport
import Testing

/// Runs `nhacviec` and parses its standard output as JSON.
/// A CSV report's rows as Python's csv module reads them (UTF-8 with its BOM, semicolons).
func csvRows(_ path: String) throws -> [[String]] {
    let parsed = try TestSupport.run(
        "/usr/bin/python3",
        [
            "-c",
            "import csv, json, sys; rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline=''), delimiter=';')); print(json.dumps(rows, ensure_ascii=False))",
            path,
        ])
    return try #require(try JSONSerialization.jsonObject(with: Data(parsed.utf8)) as? [[String]])
}

func jsonOutput(_ arguments: String...) throws -> Any {
    let run = try CommandLineRun(arguments)
    #expect(run.status == 0, "\(run.stderr)")
    return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
}

@Suite("nhacviec report", .serialized)
struct ReportCommandTests {
    @Test("The Q1 2024 report's numbers agree with tasks --json at 31/03/2024")
    func crossCheck() throws {
        let report = try #require(
            try jsonOutput("report", "--config", exampleConfig, "--period", "2024-Q1", "--format", "json")
                as? [String: Any])
        let tasks = try #require(
            try jsonOutput("tasks", "--config", exampleConfig, "--at", "2024-03-31", "--json") as? [[String: Any]])
        // In the report: due (as the plan states it) in the quarter, due before it and still open on
        // 1 January, and the ongoing tasks.
        let inQuarter = tasks.filter { row in
            guard let nominal = row["nominal_deadline"] as? String else { return true }
            if nominal >= "2024-01-01" && nominal <= "2024-03-31" { return true }
            return nominal < "2024-01-01" && ((row["completed_on"] as? String).map { $0 >= "2024-01-01" } ?? true)
        }
        func counts(_ rows: [[String: Any]]) -> [String: Int] {
            Dictionary(grouping: rows, by: { $0["status"] as? String ?? "" }).mapValues(\.count)
        }
        let expected = counts(inQuarter)
        let totals = try #require(report["totals"] as? [String: Any])
        for status in ["done_on_time", "done_late", "in_progress", "overdue", "ongoing"] {
            #expect(totals[status] as? Int == expected[status] ?? 0, "\(status)")
        }
        #expect(totals["total"] as? Int == inQuarter.count)
        let done = (expected["done_on_time"] ?? 0) + (expected["done_late"] ?? 0)
        // The rates count the tasks that came due: done on time, done late, or overdue; not those still
        // within their deadline (in_progress) nor the ongoing ones.
        let cameDue = done + (expected["overdue"] ?? 0)
        #expect(totals["came_due"] as? Int == cameDue)
        #expect(totals["completion_rate"] as? Double == (Double(done) / Double(cameDue) * 1000).rounded() / 1000)
        let onTime = Double(expected["done_on_time"] ?? 0) / Double(cameDue)
        #expect(totals["on_time_rate"] as? Double == (onTime * 1000).rounded() / 1000)
        for group in try #require(report["by_lead"] as? [[String: Any]]) {
            let lead = group["id"] as? String ?? ""
            let rows = inQuarter.filter { ($0["lead"] as? String ?? "") == lead }
            #expect((group["counts"] as? [String: Any])?["total"] as? Int == rows.count, "\(lead)")
            #expect((group["counts"] as? [String: Any])?["overdue"] as? Int == counts(rows)["overdue"] ?? 0, "\(lead)")
        }
        for group in try #require(report["by_section"] as? [[String: Any]]) {
            let rows = inQuarter.filter { ($0["section"] as? String ?? "") == group["id"] as? String }
            #expect((group["counts"] as? [String: Any])?["total"] as? Int == rows.count)
        }
        let overdue = Set(
            inQuarter.filter { $0["status"] as? String == "overdue" }.compactMap { $0["task"] as? String })
        #expect(Set(report["overdue"] as? [String] ?? []) == overdue)
        // 2.1.4 was due Thursday 29/02: every weekday of March 2024 is worked, 21 of them.
        let late =
            (report["tasks"] as? [[String: Any]])?.first { $0["task"] as? String == "2.1.4" }?["working_days_late"]
            as? Int
        #expect(late == 21)
        #expect(report["carried_over"] as? [String] == ["CT.2023"])
        #expect((report["report_tasks"] as? [String])?.allSatisfy { $0 == "BC.THANG" } == true)
    }

    @Test(
        "CSV as Vietnamese Excel opens it: a byte-order mark, semicolons, dd/mm/yyyy, read back by Python's csv module")
    func csv() throws {
        let folder = try TemporaryFolder()
        let run = try CommandLineRun(
            "report", "--config", exampleConfig, "--period", "2024-Q1", "--format", "csv", "--output",
            folder.file("q1.csv"))
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.file("q1.csv")))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let rows = try csvRows(folder.file("q1.csv"))
        #expect(rows[0].prefix(3) == ["Mã", "Kỳ", "Nội dung"])
        let report = try #require(
            try jsonOutput("report", "--config", exampleConfig, "--period", "2024-Q1", "--format", "json")
                as? [String: Any])
        #expect(rows.count - 1 == (report["tasks"] as? [Any])?.count)
        let quoted = try #require(rows.first { $0[0] == "2.1.3" })
        #expect(
            quoted[2]
                == "Phát hiện, xử lý kịp thời các trường hợp xây dựng không phép, sai phép, lấn chiếm đất công; báo cáo hằng tháng"
        )
        #expect(rows.allSatisfy { $0.count == rows[0].count })
        // CT.2023 is due 31/03/2024, a Sunday, so by Monday 01/04/2024.
        let carried = try #require(rows.first { $0[0] == "CT.2023" })
        #expect(carried[6] == "01/04/2024" && carried[7] == "31/03/2024", "\(carried)")
    }

    @Test("CSV: a title a spreadsheet would take for a formula opens as its text (OWASP's CSV injection rule)")
    func csvFormulas() throws {
        let folder = try TemporaryFolder()
        let root = URL(fileURLWithPath: exampleConfig).deletingLastPathComponent().path
        try FileManager.default.copyItem(atPath: root + "/config", toPath: folder.file("config"))
        let titles = [
            "=HYPERLINK(\"http://x.example\",\"Bấm vào đây\")", "+1+1", "-2+3", "@SUM(1;2)", "\tCMD",
        ]
        var plan = try String(contentsOfFile: folder.file("config/plans/ngo-quyen-2024.toml"), encoding: .utf8)
        for (index, title) in titles.enumerated() {
            let escaped = title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
                of: "\"", with: "\\\""
            )
            .replacingOccurrences(of: "\t", with: "\\t")
            plan +=
                "\n[[task]]\nid = \"F.\(index)\"\ntitle = \"\(escaped)\"\nresponsible = \"hung\"\ndue = 2024-03-20\n"
        }
        try plan.write(toFile: folder.file("config/plans/ngo-quyen-2024.toml"), atomically: true, encoding: .utf8)
        let run = try CommandLineRun(
            "report", "--config", folder.file("config"), "--period", "2024-Q1", "--format", "csv", "--output",
            folder.file("q1.csv"))
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try csvRows(folder.file("q1.csv"))
        for (index, title) in titles.enumerated() {
            let row = try #require(rows.first { $0[0] == "F.\(index)" }, "F.\(index)")
            #expect(row[2] == "'" + title, "\(row[2])")
        }
        #expect(rows.allSatisfy { row in row.allSatisfy { !"=+@".contains($0.first ?? " ") } })
    }

    @Test(
        "xlsx: a real workbook, a sheet per table, dates as dates, header bold and frozen, as LibreOffice reads it")
    func xlsx() throws {
        let folder = try TemporaryFolder()
        for (format, file) in [("xlsx", "q1.xlsx"), ("csv", "q1.csv")] {
            let run = try CommandLineRun(
                "report", "--config", exampleConfig, "--period", "2024-Q1", "--format", format, "--output",
                folder.file(file))
            #expect(run.status == 0, "\(run.stderr)")
        }
        // Every sheet to CSV as LibreOffice shows it (semicolons, UTF-8, cells as formatted), and to flat ODS.
        let options = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true,false,false,-1"
        for target in [options, "fods"] {
            _ = try TestSupport.run(
                "/usr/bin/env",
                [
                    "HOME=\(folder.path)", "/usr/bin/soffice", "--headless", "--convert-to", target, "--outdir",
                    folder.path, folder.file("q1.xlsx"),
                ])
        }
        let sheets = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasPrefix("q1-") && $0.hasSuffix(".csv")
        }
        #expect(
            Set(sheets) == [
                "q1-Tổng hợp.csv", "q1-Theo lĩnh vực.csv", "q1-Theo lãnh đạo chỉ đạo.csv", "q1-Nhiệm vụ.csv",
                "q1-Quá hạn.csv", "q1-Chuyển tiếp.csv", "q1-Nhiệm vụ báo cáo.csv",
            ])
        // The tasks sheet, read back, holds the cells of the CSV report; its dates show as dd/mm/yyyy.
        let compare = try TestSupport.run(
            "/usr/bin/python3",
            [
                "-c",
                "import csv, sys; a = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline=''), delimiter=';')); b = list(csv.reader(open(sys.argv[2], encoding='utf-8', newline=''), delimiter=';')); print(len(a), a == b)",
                folder.file("q1.csv"), folder.file("q1-Nhiệm vụ.csv"),
            ])
        let report = try #require(
            try jsonOutput("report", "--config", exampleConfig, "--period", "2024-Q1", "--format", "json")
                as? [String: Any])
        let taskCount = try #require((report["tasks"] as? [Any])?.count)
        #expect(compare.trimmingCharacters(in: .whitespacesAndNewlines) == "\(taskCount + 1) True", "\(compare)")
        let tasks = try String(contentsOfFile: folder.file("q1-Nhiệm vụ.csv"), encoding: .utf8)
        #expect(tasks.contains(";01/04/2024;31/03/2024;"))
        let overdue = try String(contentsOfFile: folder.file("q1-Quá hạn.csv"), encoding: .utf8)
        #expect(overdue.contains("2.1.4;") && overdue.components(separatedBy: "\n").count > 2)
        // Dates are numbers with a date format, not text; the header row's style is bold.
        let ods = try String(contentsOfFile: folder.file("q1.fods"), encoding: .utf8)
        #expect(ods.contains("office:value-type=\"date\" office:date-value=\"2024-04-01\""))
        let tasksSheet = try #require(ods.range(of: "table:name=\"Nhiệm vụ\""))
        let firstRow = try #require(ods.range(of: "<table:table-row", range: tasksSheet.upperBound..<ods.endIndex))
        let headerCell = try #require(
            ods[firstRow.upperBound...].firstMatch(of: /table:table-cell table:style-name="(ce\d+)"/))
        let style = try #require(
            ods.firstMatch(
                of: try Regex("<style:style style:name=\"\(headerCell.1)\"[^>]*>.*?</style:style>").dotMatchesNewlines()
            ))
        #expect(String(ods[style.range]).contains("font-weight=\"bold\""))
        // Frozen under the header, as Excel stores it.
        let unzipped = try TestSupport.run(
            "/usr/bin/unzip", ["-p", folder.file("q1.xlsx"), "xl/worksheets/sheet4.xml"])
        #expect(unzipped.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
    }

    @Test(
        "HTML: self-contained, opened in headless Chromium: a screenshot that is not blank, the text rendered, A4 when printed",
        .enabled(if: FileManager.default.fileExists(atPath: "/usr/bin/chromium")))
    func html() throws {
        let folder = try TemporaryFolder()
        let run = try CommandLineRun(
            "report", "--config", exampleConfig, "--period", "2024-Q1", "--format", "html", "--output",
            folder.file("q1.html"))
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: folder.file("q1.html"), encoding: .utf8)
        #expect(!html.contains("http://") || html.contains("http://www.w3.org/2000/svg"))
        #expect(!html.contains("https://") && !html.contains("<link") && !html.contains("<script"))
        #expect(html.contains("<svg") && html.contains("@page { size: A4"))
        let chromium = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder.file("profile"))"]
        let url = "file://" + folder.file("q1.html")
        try TestSupport.run(
            "/usr/bin/chromium", chromium + ["--window-size=1000,1400", "--screenshot=\(folder.file("q1.png"))", url])
        let pixels = try TestSupport.run(
            "/usr/bin/python3",
            [
                "-c",
                """
                import sys, zlib, struct
                data = open(sys.argv[1], 'rb').read()
                assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
                pos, idat, width, height = 8, b'', 0, 0
                while pos < len(data):
                    length, kind = struct.unpack('>I4s', data[pos:pos + 8])
                    chunk = data[pos + 8:pos + 8 + length]
                    if kind == b'IHDR': width, height = struct.unpack('>II', chunk[:8])
                    if kind == b'IDAT': idat += chunk
                    pos += 12 + length
                raw = zlib.decompress(idat)
                print(width, height, len(set(raw)))
                """,
                folder.file("q1.png"),
            ]
        ).split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(pixels.count == 3 && pixels[0] == 1000 && pixels[2] > 50, "\(pixels)")
        let dom = try TestSupport.run("/usr/bin/chromium", chromium + ["--dump-dom", url])
        #expect(dom.contains("Tỷ lệ hoàn thành: 63,6% (7/11 nhiệm vụ đã đến hạn hoặc đã hoàn thành)"), "\(dom)")
        #expect(dom.contains("Báo cáo kết quả thực hiện kế hoạch: Quý I/2024"))
        try TestSupport.run(
            "/usr/bin/chromium", chromium + ["--no-pdf-header-footer", "--print-to-pdf=\(folder.file("q1.pdf"))", url])
        let pdf = String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder.file("q1.pdf"))), as: UTF8.self)
        #expect(
            pdf.contains("/MediaBox [0 0 594.95996 841.91998]") || pdf.contains("/MediaBox [0 0 595"),
            "A4 is 595 × 842 points")
    }

    @Test(
        "Bad periods and formats are refused",
        arguments: [
            (["--period", "2024-Q5"], "không phải là một kỳ", 1), (["--period", "Q1"], "không phải là một kỳ", 1),
            // A format is an argument enum: a wrong one is a usage error, with the choices.
            (["--format", "pdf"], "Please provide one of 'html', 'md', 'csv', 'json' or 'xlsx'", 2),
        ])
    func refused(arguments: [String], message: String, status: Int32) throws {
        let run = try CommandLineRun(["report", "--config", exampleConfig] + arguments)
        #expect(run.status == status)
        #expect(run.stderr.contains(message))
    }
}
