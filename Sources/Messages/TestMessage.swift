import Catalogue
import Foundation

extension MailComposer {
    /// A short message proving the transport works, for `send-test --to`.
    public func testMessage(to address: String, date: Date) -> [UInt8] {
        let vietnamese = language == .vi
        let subject = vietnamese ? "[Nhắc việc] Thư thử nghiệm" : "[Reminder] Test message"
        let text =
            vietnamese
            ? "Đây là thư thử nghiệm của hệ thống nhắc việc. Nếu nhận được thư này, cấu hình gửi thư đã đúng."
            : "This is a test message from nhacviec. If it reached you, mail delivery is configured correctly."
        return document(
            to: address, name: nil, subject: subject, text: text,
            html: "<!DOCTYPE html><html><body><p>\(text)</p></body></html>",
            date: date, key: "test:\(date.timeIntervalSince1970)")
    }
}
