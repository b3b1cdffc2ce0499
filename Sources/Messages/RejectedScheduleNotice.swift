import Foundation

extension MailComposer {
    /// The mail that tells the clerk an edited config or plan was refused: every error with its place
    /// (file, line; for a spreadsheet the sheet, row and column), and that the last accepted version keeps
    /// the reminders going meanwhile. In the config's language, Vietnamese unless it says English.
    public func rejectedScheduleNotice(
        to address: String, name: String, errors: [String], servingSince: Date?, date: Date, key: String
    ) -> [UInt8] {
        let (subject, text) =
            language == .vi
            ? vietnameseRejection(errors: errors, servingSince: servingSince)
            : englishRejection(errors: errors, servingSince: servingSince)
        return notice(to: address, name: name, subject: subject, text: text, date: date, key: key)
    }

    private func vietnameseRejection(errors: [String], servingSince: Date?) -> (subject: String, text: String) {
        let since = servingSince.map { " (chấp nhận lúc \(Self.time($0, timeZone: timeZone, on: "ngày")))" } ?? ""
        return (
            "[Nhắc việc] Kế hoạch hoặc cấu hình vừa sửa có \(errors.count) lỗi: chưa áp dụng",
            """
            Bản cấu hình hoặc kế hoạch vừa sửa có \(errors.count) lỗi nên chưa được áp dụng. Hệ thống vẫn \
            nhắc việc theo bản đã chấp nhận trước đó\(since).

            Các lỗi (tệp:dòng, hoặc tệp!trang:dòng:cột):
            \(errors.map { "- \($0)" }.joined(separator: "\n"))

            Đề nghị sửa các lỗi trên rồi lưu lại tệp: hệ thống tự nạp lại. Có thể kiểm tra trước bằng lệnh \
            `nhacviec check`; lệnh `nhacviec status` cho biết bản nào đang được dùng.
            """
        )
    }

    private func englishRejection(errors: [String], servingSince: Date?) -> (subject: String, text: String) {
        let since = servingSince.map { " (accepted at \(Self.time($0, timeZone: timeZone, on: "on")))" } ?? ""
        return (
            "[Reminder] The edited plan or config has \(errors.count) error(s): not applied",
            """
            The edited config or plan has \(errors.count) error(s), so it was not applied. Reminders go on \
            from the version accepted before\(since).

            The errors (file:line, or file!sheet:row:column):
            \(errors.map { "- \($0)" }.joined(separator: "\n"))

            Please correct them and save the files: the service reloads them by itself. `nhacviec check` tests \
            them first; `nhacviec status` says which version is in use.
            """
        )
    }

    /// "07:30 ngày 14/03/2024", "07:30 on 14/03/2024".
    static func time(_ date: Date, timeZone: TimeZone, on word: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        return "\(two(c.hour)):\(two(c.minute)) \(word) \(two(c.day))/\(two(c.month))/\(c.year ?? 0)"
    }
}
