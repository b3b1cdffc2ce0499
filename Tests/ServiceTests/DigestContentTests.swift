import App
import Foundation
import Outbox
import TestSupport
import Testing

/// The example config (a Maildir in `folder`) with one CSV plan of 2025 in place of the example plan.
private func wardConfig(
    _ folder: TemporaryFolder, header: String = "STT;Nội dung;Chủ trì;Thời hạn;Ngày hoàn thành", rows: [String]
) throws -> String {
    let config = try serviceConfig(folder)
    try (header + "\n" + rows.joined(separator: "\n") + "\n").write(
        toFile: folder.file("bieu.csv"), atomically: true, encoding: .utf8)
    let text = try String(contentsOfFile: config, encoding: .utf8)
        .replacingOccurrences(of: "\(repositoryRoot)/config/plans/ngo-quyen-2024.toml", with: folder.file("bieu.csv"))
    try text.write(toFile: config, atomically: true, encoding: .utf8)
    return config
}

/// The plain-text part of the queued mail to Hùng, decoded.
private func hungText(_ outbox: Outbox, after: Date) throws -> String? {
    let items = try outbox.all().filter {
        $0.recipient == "hung" && $0.kind == .digest && $0.createdAt >= after.timeIntervalSince1970
    }
    guard let item = items.last else { return nil }
    return MailText.plain(item.payload)
}

@Suite("What a digest says: the present, and the whole situation", .serialized)
struct DigestContentTests {
    @Test("A catch-up digest after downtime states each task as it stands at the send time")
    func catchUpStatesThePresent() async throws {
        let folder = try TemporaryFolder()
        // Monday 21/4/2025 and a task due in three working days.
        let config = try wardConfig(
            folder, rows: ["1;Việc một;Trần Văn Hùng;21/4/2025", "2;Việc hai;Trần Văn Hùng;25/4/2025"])
        let first = try dispatcher(config)
        try await first.evaluate(now: vn("2025-04-18T07:31:00"))
        // Down from Friday 18/4 to Tuesday 22/4 08:00: 21/4 (task 1 due, task 2 in 4 days) is folded into 22/4.
        let later = try dispatcher(config)
        try await later.evaluate(now: vn("2025-04-22T08:00:00"))
        let text = try #require(try hungText(later.outbox, after: vn("2025-04-22T08:00:00")))
        #expect(!text.contains("đến hạn hôm nay"), "\(text)")
        #expect(text.contains("Hạn: 21/04/2025; quá hạn 1 ngày làm việc"), "\(text)")
        #expect(text.contains("Hạn: 25/04/2025; còn 3 ngày làm việc"), "\(text)")
    }

    @Test(
        "Every digest lists the recipient's other open overdue tasks; a recurring task's overdue periods are one line")
    func wholeSituation() async throws {
        let folder = try TemporaryFolder()
        let config = try wardConfig(
            folder,
            rows: [
                "1;Việc một;Trần Văn Hùng;14/4/2025", "2;Việc hai;Trần Văn Hùng;15/4/2025",
                "3;Báo cáo tháng;Trần Văn Hùng;Hằng tháng", "4;Việc đã xong;Trần Văn Hùng;10/4/2025;11/4/2025",
            ])
        let service = try dispatcher(config)
        // 17/4: task 2 is 2 working days late (its stage today); task 1 (3 days) and the monthly report's
        // January to March have no stage today, and are in the mail all the same.
        try await service.evaluate(now: vn("2025-04-17T07:31:00"))
        let text = try #require(try hungText(service.outbox, after: vn("2025-04-17T07:31:00")))
        let others = try #require(text.range(of: "CÒN QUÁ HẠN")).upperBound
        #expect(text[others...].contains("[1] Việc một: quá hạn 3 ngày làm việc, hạn 14/04/2025"), "\(text)")
        #expect(!text[others...].contains("[2]"), "\(text)")
        #expect(text.components(separatedBy: "[3] Báo cáo tháng").count == 2, "\(text)")
        #expect(text.contains("3 kỳ quá hạn: tháng 1/2025, tháng 2/2025, tháng 3/2025"), "\(text)")
        #expect(text.contains("[2] Việc hai\n  Hạn: 15/04/2025; quá hạn 2 ngày làm việc"), "\(text)")
        #expect(!text.contains("[4]"), "\(text)")
        // Two lines with a stage today; the subject counts them so, not the four periods behind them.
        #expect(text.contains("xin nhắc 2 nhiệm vụ"), "\(text)")
    }

    @Test("The report goes to the clerk, the top official and every lead; early in a period it shows no 0% rate")
    func reportReadersAndRates() async throws {
        let folder = try TemporaryFolder()
        // Hoàng Văn Nam leads a task and nobody escalates to him: a lead all the same.
        let config = try wardConfig(
            folder, header: "STT;Nội dung;Lãnh đạo chỉ đạo;Chủ trì;Thời hạn",
            rows: ["1;Việc một;Hoàng Văn Nam;Trần Văn Hùng;Tháng 1/2025", "2;Việc hai;;Trần Văn Hùng;Thường xuyên"])
        let service = try dispatcher(config)
        #expect((await service.office).reportReaders == ["thu", "khanh", "nam"])
        // 14/01/2025, the report day: nothing has come due yet.
        try await service.evaluate(now: vn("2025-01-14T07:31:00"))
        let reports = try service.outbox.all().filter { $0.kind == .report }
        #expect(Set(reports.map(\.recipient)) == ["thu", "khanh", "nam"])
        let text = try #require(reports.first.flatMap { MailText.plain($0.payload) })
        #expect(!text.contains("0,0%"), "\(text)")
        #expect(
            text.contains("Chưa có nhiệm vụ nào đến hạn: 1 nhiệm vụ chưa đến hạn (trong hạn), 1 nhiệm vụ thường xuyên.")
        )
    }
}
