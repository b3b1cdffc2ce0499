import Foundation

extension MailComposer {
    /// A short message proving the transport works, for `send-test --to`.
    public func testMessage(to address: String, date: Date) -> [UInt8] {
        let vietnamese = language != "en"
        let subject = vietnamese ? "[Nhắc việc] Thư thử nghiệm" : "[Reminder] Test message"
        let text =
            vietnamese
            ? "Đây là thư thử nghiệm của hệ thống nhắc việc. Nếu nhận được thư này, cấu hình gửi thư đã đúng."
            : "This is a test message from nhacviec. If it reached you, mail delivery is configured correctly."
        let stamp = String(Int(date.timeIntervalSince1970))
        let domain = sender.address.split(separator: "@").last ?? "localhost"
        let headers = [
            HeaderText.mailbox("From", displayName: sender.name, address: sender.address),
            HeaderText.mailbox("To", displayName: nil, address: address), HeaderText.field("Subject", subject),
            "Date: \(Self.rfc5322Date(date, timeZone: timeZone))", "Message-ID: <nhacviec.test.\(stamp)@\(domain)>",
            "Auto-Submitted: auto-generated",
        ]
        let html = "<!DOCTYPE html><html><body><p>\(text)</p></body></html>"
        return MIMEMessage(headers: headers, text: text, html: html, calendar: nil, boundarySeed: "test\(stamp)")
            .render()
    }
}
