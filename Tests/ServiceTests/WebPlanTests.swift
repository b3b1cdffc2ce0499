import Foundation
import TestSupport
import Testing

/// The example plan, as `plans` lists it in the tests' configs.
let examplePlan = repositoryRoot + "/config/plans/ngo-quyen-2024.toml"

/// The clerk's work on a plan in the workspace, as her browser posts it: the working copy downloaded and
/// edited (Tests/Support/edit_workbook.py), uploaded, previewed, applied, restored.
struct PlanDesk {
    let served: ServedWorkspace
    let clerk: WebClient

    init(_ served: ServedWorkspace) throws {
        self.served = served
        clerk = try served.signedIn("thu@phuong-ngoquyen.example")
    }

    var csrf: String { (try? clerk.get("/ke-hoach").field("csrf")) ?? nil ?? "" }

    /// The working copy of the example plan, downloaded into the test's folder.
    func workingCopy(_ name: String) throws -> String {
        let path = served.folder.file(name)
        let query = "ke-hoach=" + examplePlan.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        #expect(try clerk.download("/ke-hoach/tai-ve?\(query)", to: path) == 200)
        return path
    }

    /// A copy of `source` edited as `changes` says (edit_workbook.py's JSON).
    func edited(_ source: String, _ name: String, _ changes: String) throws -> String {
        let path = served.folder.file(name)
        _ = try run("/usr/bin/python3", [repositoryRoot + "/Tests/Support/edit_workbook.py", source, path, changes])
        return path
    }

    func upload(_ path: String, plan: String = examplePlan, as client: WebClient? = nil) throws -> WebClient.Answer {
        let client = client ?? clerk
        let token = try client.get("/ke-hoach").field("csrf") ?? ""
        return try client.upload(
            "/ke-hoach/tai-len", fields: ["csrf": token, "ke-hoach": plan], file: ("tep", path))
    }

    /// The answer to Áp dụng (or Khôi phục) of a version (nil: the file in the config folder) on `base`.
    func apply(_ version: String, base: String, restore: Bool = false, as client: WebClient? = nil) throws
        -> WebClient.Answer
    {
        let client = client ?? clerk
        let token = try client.get("/ke-hoach").field("csrf") ?? ""
        return try client.post(
            "/ke-hoach/ap-dung",
            form: [
                "csrf": token, "ke-hoach": examplePlan, "ban": version, "goc": base,
                "kieu": restore ? "restore" : "apply",
            ])
    }

    /// The tasks `tasks --json` lists for the config: what the command line sees.
    func taskIDs() throws -> [String] {
        let run = try CommandLineRun(["tasks", "--config", served.config, "--at", "2024-03-14", "--json"])
        let rows = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
        return Array(Set(rows.compactMap { $0["task"] as? String }))
    }

    /// The rows of an answer's table of errors: row, column, cell text, message, suggestion.
    static func errors(_ answer: WebClient.Answer) -> [[String]] {
        let rows = answer.body.components(separatedBy: "<tr class=\"error\">").dropFirst()
        return rows.map { row in
            ["row", "column", "written", "message", "hint"].map { field in
                guard let range = row.range(of: "<td class=\"\(field)\">([^<]*)</td>", options: .regularExpression)
                else { return "" }
                return String(row[range]).replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                    .replacingOccurrences(of: "&quot;", with: "\"")
            }
        }
    }
}

/// The mails delivered to `address` whose text contains `text`, waiting up to `seconds` for one.
func mails(to address: String, in folder: TemporaryFolder, containing text: String, within seconds: Double) throws
    -> [[String: Any]]
{
    let deadline = Date().addingTimeInterval(seconds)
    repeat {
        let found = try folder.files(in: "maildir/new", withExtension: "nhacviec").map { try parseMail($0) }.filter {
            $0["to_address"] as? String == address && ($0["text"] as? String)?.contains(text) == true
        }
        if !found.isEmpty { return found }
        Thread.sleep(forTimeInterval: 0.2)
    } while Date() < deadline
    return []
}

@Suite("Kế hoạch in the workspace: upload, errors, preview, apply, restore, the working copy", .serialized)
struct WebPlanTests {
    static let replaceable = "replaceable_plans = [\"\(examplePlan)\"]\neditors = [\"Nguyễn Thị Tần\"]"

    @Test(
        "Three mistakes each located with the cell's text; nothing changes; the mended table previewed (a deadline changed, a task added), applied, and the next digest and the command line follow it; restored, the next day's digest follows the file again; the working copy uploaded unchanged changes nothing"
    )
    func uploadPreviewApplyRestore() throws {
        // 45 seconds before the 07:30 send of 14/03, at twice the speed.
        let served = try ServedWorkspace(web: Self.replaceable, start: "2024-03-14T07:28:30+07:00", speed: 2)
        let desk = try PlanDesk(served)
        let copy = try desk.workingCopy("ban-lam-viec.xlsx")

        let broken = try desk.edited(
            copy, "ba-loi.xlsx",
            #"{"set": [["2.3.5", "F", "Quí V/2024"], ["2.3.6", "D", "Trần Văn Hưng"]], "clear": [["2.3.7", "D"]]}"#)
        let refused = try desk.upload(broken)
        #expect(refused.status == 422)
        let errors = PlanDesk.errors(refused)
        #expect(errors.count == 3, "\(refused.text)")
        #expect(
            errors.map { Array($0.prefix(3)) } == [
                ["19", "F", "Quí V/2024"], ["20", "D", "Trần Văn Hưng"], ["21", "D", ""],
            ])
        #expect(errors[0][3].contains("không có quý 5"))
        #expect(errors[1][3].contains("có phải là \"Trần Văn Hùng\""))
        #expect(errors[2][3].contains("chưa ghi đơn vị, cá nhân chủ trì"))
        #expect(errors[2][4] == "ghi tên cán bộ hoặc đơn vị chủ trì, như trong danh bạ", "the suggestion")
        #expect(try desk.taskIDs().count == 24)

        let mended = try desk.edited(
            copy, "sua.xlsx",
            #"{"set": [["2.4.6", "F", "20/03/2024"]], "add": [["K.1", "Kiểm tra trật tự xây dựng tuyến phố mới", "Nguyễn Văn Lâm", "Công chức Địa chính - Xây dựng", "", "19/03/2024"]]}"#
        )
        let uploaded = try desk.upload(mended)
        #expect(uploaded.status == 303)
        let previewPath = try #require(uploaded.headers["location"])
        let preview = try desk.clerk.get(previewPath)
        #expect(preview.body.contains("<li data-count=\"added\">Nhiệm vụ thêm: 1</li>"))
        #expect(preview.body.contains("<li data-count=\"changed\">Nhiệm vụ thay đổi: 1</li>"))
        #expect(preview.body.contains("<li data-count=\"removed\">Nhiệm vụ bỏ: 0</li>"))
        #expect(preview.body.contains("<tr class=\"added\" data-task=\"K.1\">"))
        #expect(preview.body.contains("data-task=\"2.4.6\" data-field=\"deadline\""))
        #expect(preview.text.contains("+ Trần Văn Hùng: K.1 (sắp đến hạn)"))
        #expect(preview.text.contains("+ Lê Thị Thu: 2.4.6 (sắp đến hạn)"))
        let version = try #require(previewPath.split(separator: "/").last.map(String.init))
        // The same file again is the same version.
        #expect(try desk.upload(mended).headers["location"] == previewPath)

        let applied = try desk.apply(version, base: "")
        #expect(applied.status == 303)
        // A second Áp dụng made on the same page comes after the first: refused, named.
        let late = try desk.apply(version, base: "")
        #expect(late.status == 409)
        #expect(late.text.contains("Lê Thị Thu đã thay kế hoạch này"))
        let plans = try desk.clerk.get("/ke-hoach")
        #expect(plans.text.contains("Đang dùng: Phiên bản #\(version) (sua.xlsx)"))
        #expect(plans.text.contains("Áp dụng #\(version) Lê Thị Thu 127.0.0.1"))
        #expect(try desk.taskIDs().contains("K.1"))
        #expect(try CommandLineRun(["check", "--config", served.config]).stdout.contains("25 nhiệm vụ"))

        // The digest of 07:30 follows the version applied.
        let digest = try mails(
            to: "hung@phuong-ngoquyen.example", in: served.folder, containing: "[K.1]", within: 90)
        #expect(digest.count == 1, "\(served.service.log)")
        #expect(served.service.log.contains("reloaded: 25 tasks"))

        let base = try #require(plans.field("goc"))
        #expect(try desk.apply("", base: base, restore: true).status == 303)
        #expect(try desk.clerk.get("/ke-hoach").text.contains("Đang dùng: tệp trong thư mục cấu hình"))
        #expect(try desk.taskIDs().count == 24)
        let deadline = Date().addingTimeInterval(10)
        while !served.service.log.contains("reloaded: 24 tasks") && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(served.service.log.contains("reloaded: 24 tasks"))

        // The TOML file itself, uploaded as it is, is no change either.
        let toml = try desk.clerk.get(try #require(try desk.upload(examplePlan).headers["location"]))
        #expect(toml.body.contains("class=\"notice unchanged\""), "\(toml.text)")

        // Unchanged, the working copy of the file now in use changes nothing.
        let again = try desk.upload(try desk.workingCopy("ban-lam-viec-2.xlsx"))
        let unchanged = try desk.clerk.get(try #require(again.headers["location"]))
        #expect(unchanged.body.contains("class=\"notice unchanged\""))
        #expect(!unchanged.body.contains("id=\"ap-dung\""))

        // The next morning's digests, from a service started again over the same state, follow the file:
        // 2.4.6 is due at the end of the year again, not on 20/03.
        served.service.signal(SIGTERM)
        #expect(served.service.exitStatus(within: 10) == 0)
        let next = try RunningCommand(
            ["serve", "--config", served.config, "--clock-start", "2024-03-15T07:29:50+07:00", "--clock-speed", "1"],
            environment: [:], log: served.folder.file("serve-2.log"))
        defer {
            next.signal(SIGTERM)
            _ = next.exitStatus(within: 10)
        }
        let friday = try mails(
            to: "thu@phuong-ngoquyen.example", in: served.folder, containing: "[BC.THANG]", within: 40)
        #expect(friday.count == 1, "\(next.log)")
        #expect(friday.allSatisfy { !($0["text"] as? String ?? "").contains("[2.4.6]") })
    }

    @Test(
        "A new plan, a .csv with its year, added from the browser: previewed as its tasks added, applied, read by serve and the command line"
    )
    func newPlan() throws {
        let served = try ServedWorkspace(web: "new_plans = true")
        let desk = try PlanDesk(served)
        let table = served.folder.file("ke-hoach-bo-sung.csv")
        try """
        Mã,Nội dung nhiệm vụ,Lãnh đạo chỉ đạo,Chủ trì,Thời gian hoàn thành
        BS.1,Rà soát hộ nghèo cuối năm,PCT Tần,Công chức Văn hóa - Xã hội,Quý IV
        BS.2,Kiểm tra an toàn thực phẩm dịp Tết,PCT Tần,Trạm Y tế phường,Trước Tết Nguyên đán 2025

        """.write(toFile: table, atomically: true, encoding: .utf8)
        let token = try desk.clerk.get("/ke-hoach").field("csrf") ?? ""
        let uploaded = try desk.clerk.upload(
            "/ke-hoach/tai-len", fields: ["csrf": token, "nam": "2024"], file: ("tep", table))
        #expect(uploaded.status == 303, "\(uploaded.text)")
        let preview = try desk.clerk.get(try #require(uploaded.headers["location"]))
        #expect(preview.body.contains("<li data-count=\"added\">Nhiệm vụ thêm: 2</li>"))
        let version = try #require(preview.field("ban"))
        let applied = try desk.clerk.post(
            "/ke-hoach/ap-dung",
            form: [
                "csrf": token, "ke-hoach": "+ke-hoach-bo-sung.csv", "ban": version, "goc": "", "kieu": "apply",
            ])
        #expect(applied.status == 303, "\(applied.text)")
        #expect(try desk.taskIDs().contains("BS.2"))
        let plans = try desk.clerk.get("/ke-hoach")
        #expect(plans.body.contains("data-plan=\"ke-hoach-bo-sung.csv\""))
        #expect(plans.text.contains("ke-hoach-bo-sung.csv Kế hoạch năm 2024 (ke-hoach-bo-sung.csv) · 2 nhiệm vụ"))
        #expect(try CommandLineRun(["check", "--config", served.config]).stdout.contains("2 kế hoạch, 26 nhiệm vụ"))
    }

    @Test(
        "A version applied while serve runs with the config's full path is what tasks reads with --config nhacviec.toml from the config's folder"
    )
    func samePlanWhateverTheConfigPath() throws {
        let served = try ServedWorkspace(
            web: "replaceable_plans = [\"plans/ngo-quyen-2024.toml\"]", planInFolder: true)
        let desk = try PlanDesk(served)
        // The plan's key: its path, as the config's folder makes it.
        let plan = served.folder.file("plans/ngo-quyen-2024.toml")
        let version = served.folder.file("phien-ban.toml")
        try
            (try String(contentsOfFile: plan, encoding: .utf8) + """

                [[task]]
                id = "K.1"
                title = "Kiểm tra trật tự xây dựng tuyến phố mới"
                responsible = ["Công chức Địa chính - Xây dựng"]
                due = 2024-03-19

                """).write(toFile: version, atomically: true, encoding: .utf8)
        let uploaded = try desk.upload(version, plan: plan)
        #expect(uploaded.status == 303, "\(uploaded.text)")
        let preview = try desk.clerk.get(try #require(uploaded.headers["location"]))
        let token = try desk.clerk.get("/ke-hoach").field("csrf") ?? ""
        let applied = try desk.clerk.post(
            "/ke-hoach/ap-dung",
            form: [
                "csrf": token, "ke-hoach": plan, "ban": try #require(preview.field("ban")), "goc": "", "kieu": "apply",
            ])
        #expect(applied.status == 303, "\(applied.text)")
        for (config, directory) in [
            (served.config, nil), ("nhacviec.toml", served.folder.path), ("./nhacviec.toml", served.folder.path),
        ] {
            let run = try CommandLineRun(
                ["tasks", "--config", config, "--at", "2024-03-14", "--json"], directory: directory)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("\"task\" : \"K.1\"") || run.stdout.contains("\"task\":\"K.1\""), "\(config)")
        }
    }

    @Test("Two people applying at the same moment: one wins, every other is told who came first")
    func concurrentApply() throws {
        let served = try ServedWorkspace(web: Self.replaceable)
        let desk = try PlanDesk(served)
        let editor = try served.signedIn("tan@phuong-ngoquyen.example")
        let mended = try desk.edited(
            try desk.workingCopy("ban.xlsx"), "sua.xlsx", #"{"set": [["2.4.6", "F", "20/03/2024"]]}"#)
        let version = try #require(
            try desk.upload(mended).headers["location"]?.split(separator: "/").last.map(String.init))
        let clients = [desk.clerk, editor, desk.clerk, editor, desk.clerk, editor]
        let tokens = try clients.map { try $0.get("/ke-hoach").field("csrf") ?? "" }
        let statuses = Statuses()
        DispatchQueue.concurrentPerform(iterations: clients.count) { index in
            let answer = try? clients[index].post(
                "/ke-hoach/ap-dung",
                form: ["csrf": tokens[index], "ke-hoach": examplePlan, "ban": version, "goc": "", "kieu": "apply"])
            statuses.add(answer?.status ?? 0, answer?.text ?? "")
        }
        #expect(statuses.codes.sorted() == [303, 409, 409, 409, 409, 409], "\(statuses.texts)")
        #expect(statuses.texts.filter { $0.contains("đã thay kế hoạch này lúc") }.count == 5)
        // One switch in the audit.
        #expect(try desk.clerk.get("/ke-hoach").body.components(separatedBy: "<tr class=\"change\">").count == 2)
    }

    @Test(
        "Refused whole with a clear message while the service delivers: a file over 10 MB, a zip bomb, another kind, a renamed text; not by an official, without the token, nor a plan the config does not let be replaced"
    )
    func limits() throws {
        // Three seconds before the 07:30 send of 14/03.
        let served = try ServedWorkspace(web: Self.replaceable, start: "2024-03-14T07:29:55+07:00")
        let desk = try PlanDesk(served)
        let large = served.folder.file("lon.xlsx")
        var bytes = Data([0x50, 0x4B, 0x03, 0x04])
        bytes.append(Data(count: 11 * 1_024 * 1_024))
        try bytes.write(to: URL(fileURLWithPath: large))
        let bomb = repositoryRoot + "/Tests/ScheduleSourcesTests/Fixtures/bomb.xlsx"
        let xls = served.folder.file("ke-hoach.xls")
        try Data("not a plan".utf8).write(to: URL(fileURLWithPath: xls))
        let renamed = served.folder.file("doi-ten.xlsx")
        try Data("Mã,Nội dung\n".utf8).write(to: URL(fileURLWithPath: renamed))

        var answers: [(String, WebClient.Answer)] = []
        let started = Date()
        // Uploads for ten seconds, across the send time: each refused, none delaying the digests.
        while Date().timeIntervalSince(started) < 10 {
            for file in [large, bomb, xls, renamed] { answers.append((file, try desk.upload(file))) }
        }
        let finished = Date()
        for (file, answer) in answers {
            switch file {
            case large:
                #expect(answer.status == 413)
                #expect(answer.text.contains("lớn hơn 10 MB"))
            case bomb:
                #expect(answer.status == 422)
                #expect(PlanDesk.errors(answer).count == 1)
            case xls:
                #expect(answer.status == 422)
                #expect(answer.text.contains("hãy gửi tệp .xlsx, .csv hoặc .toml"))
            default:
                #expect(answer.status == 422)
                #expect(answer.text.contains("không phải sổ tính Excel"))
            }
        }
        let digests = try served.folder.files(in: "maildir/new", withExtension: "nhacviec").filter { path in
            let mail = try parseMail(path)
            return mail["to_address"] as? String == "hung@phuong-ngoquyen.example"
                && (mail["text"] as? String)?.contains("[2.1.4]") == true
        }
        #expect(digests.count == 1, "\(served.service.log)")
        let delivered = try digests.map {
            try FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date ?? .distantFuture
        }
        #expect(delivered.allSatisfy { $0 < finished }, "delivered \(delivered), uploads until \(finished)")
        #expect(try desk.taskIDs().count == 24)

        let official = try served.signedIn("hung@phuong-ngoquyen.example")
        #expect(try desk.upload(bomb, as: official).status == 403)
        #expect(try official.get("/ke-hoach").status == 403)
        let forged = try desk.clerk.upload(
            "/ke-hoach/tai-len", fields: ["csrf": "forged", "ke-hoach": examplePlan], file: ("tep", renamed))
        #expect(forged.status == 403)

        let fixed = try ServedWorkspace()
        let clerk = try fixed.signedIn("thu@phuong-ngoquyen.example")
        #expect(try !clerk.get("/ke-hoach").body.contains("/ke-hoach/tai-len"))
        let copy = fixed.folder.file("ban.xlsx")
        #expect(
            try clerk.download(
                "/ke-hoach/tai-ve?ke-hoach=" + examplePlan.addingPercentEncoding(
                    withAllowedCharacters: .alphanumerics)!,
                to: copy) == 200)
        let token = try clerk.get("/ke-hoach").field("csrf") ?? ""
        let notAllowed = try clerk.upload(
            "/ke-hoach/tai-len", fields: ["csrf": token, "ke-hoach": examplePlan], file: ("tep", copy))
        #expect(notAllowed.status == 422)
        #expect(notAllowed.text.contains("không được thay ngo-quyen-2024.toml từ trình duyệt"))
    }
}

/// Answers collected from several threads.
final class Statuses: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var codes: [Int] = []
    private(set) var texts: [String] = []

    func add(_ code: Int, _ text: String) {
        lock.withLock {
            codes.append(code)
            texts.append(text)
        }
    }
}
