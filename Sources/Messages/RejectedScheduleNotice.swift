import Foundation

extension MailComposer {
    /// The mail that tells the clerk an edited config or plan was refused: every error with its place
    /// (file, line; for a spreadsheet the sheet, row and column), and that the last accepted version keeps
    /// the reminders going meanwhile. In Vietnamese: the clerk reads it.
    public func rejectedScheduleNotice(
        to address: String, name: String, errors: [String], servingSince: Date?, date: Date, key: String
    ) -> [UInt8] {
        let since = servingSince.map { " (chấp nhận lúc \(Self.vietnameseTime($0, timeZone: timeZone)))" } ?? ""
        let subject = "[Nhắc việc] Kế hoạch hoặc cấu hình vừa sửa có \(errors.count) lỗi: chưa áp dụng"
        let text = """
            Bản cấu hình hoặc kế hoạch vừa sửa có \(errors.count) lỗi nên chưa được áp dụng. Hệ thống vẫn \
            nhắc việc theo bản đã chấp nhận trước đó\(since).

            Các lỗi (tệp:dòng, hoặc tệp!trang:dòng:cột):
            \(errors.map { "- \($0)" }.joined(separator: "\n"))

            Đề nghị sửa các lỗi trên rồi lưu lại tệp: hệ thống tự nạp lại. Có thể kiểm tra trước bằng lệnh \
            `nhacviec check`; lệnh `nhacviec status` cho biết bản nào đang được dùng.
            """
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return document(
            to: address, name: name, subject: subject, text: text,
            html: "<!DOCTYPE html><html lang=\"vi\"><body><pre>\(escaped)</pre></body></html>", date: date, key: key)
    }

    /// "07:30 ngày 14/03/2024".
    static func vietnameseTime(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        return "\(two(c.hour)):\(two(c.minute)) ngày \(two(c.day))/\(two(c.month))/\(c.year ?? 0)"
    }
}
