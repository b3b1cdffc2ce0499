import Catalogue
import Foundation

extension MailComposer {
    /// The mail that tells the clerk a notification could not be delivered.
    public func failureNotice(
        to address: String, name: String, digest: String, destination: String, reason: String, date: Date
    ) -> [UInt8] {
        let vietnamese = language == .vi
        let subject =
            vietnamese ? "[Nhắc việc] Không gửi được nhắc việc \(digest)" : "[Reminder] Could not deliver \(digest)"
        let text =
            vietnamese
            ? "Hệ thống nhắc việc không gửi được thông báo \(digest) tới \(destination).\nLý do: \(reason)\n\nĐề nghị kiểm tra địa chỉ, báo trực tiếp cho người nhận, và xem `nhacviec status`."
            : "nhacviec could not deliver \(digest) to \(destination).\nReason: \(reason)\n\nPlease check the address, tell the recipient directly, and see `nhacviec status`."
        return notice(
            to: address, name: name, subject: subject, text: text, date: date, key: "failure:\(digest):\(destination)")
    }
}
