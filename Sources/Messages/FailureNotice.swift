import Foundation

extension MailComposer {
    /// The mail that tells the clerk a notification could not be delivered.
    public func failureNotice(
        to address: String, name: String, digest: String, destination: String, reason: String, date: Date
    ) -> [UInt8] {
        let vietnamese = language != "en"
        let subject =
            vietnamese ? "[Nhắc việc] Không gửi được nhắc việc \(digest)" : "[Reminder] Could not deliver \(digest)"
        let text =
            vietnamese
            ? "Hệ thống nhắc việc không gửi được thông báo \(digest) tới \(destination).\nLý do: \(reason)\n\nĐề nghị kiểm tra địa chỉ, báo trực tiếp cho người nhận, và xem `nhacviec status`."
            : "nhacviec could not deliver \(digest) to \(destination).\nReason: \(reason)\n\nPlease check the address, tell the recipient directly, and see `nhacviec status`."
        let stamp = String(Int(date.timeIntervalSince1970))
        let domain = sender.address.split(separator: "@").last ?? "localhost"
        let headers = [
            HeaderText.mailbox("From", displayName: sender.name, address: sender.address),
            HeaderText.mailbox("To", displayName: name, address: address), HeaderText.field("Subject", subject),
            "Date: \(Self.rfc5322Date(date, timeZone: timeZone))",
            "Message-ID: <nhacviec.failure.\(stamp).\(abs(digest.hashValue))@\(domain)>",
            "Auto-Submitted: auto-generated",
        ]
        let html =
            "<!DOCTYPE html><html><body><pre>\(text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;"))</pre></body></html>"
        return MIMEMessage(headers: headers, text: text, html: html, calendar: nil, boundarySeed: "failure\(stamp)")
            .render()
    }
}
