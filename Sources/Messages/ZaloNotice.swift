import Catalogue
import Foundation

extension MailComposer {
    /// The mail that tells the clerk a Zalo webhook's refresh token expires unused within days: a send to
    /// the group before then renews it; after, the administrator must authorize the OA again.
    public func zaloRefreshNotice(
        to address: String, name: String, webhook: String, until: Date, date: Date, key: String
    )
        -> [UInt8]
    {
        let vietnamese = language == .vi
        let when = Self.time(until, timeZone: timeZone, on: vietnamese ? "ngày" : "on")
        let subject =
            vietnamese
            ? "[Nhắc việc] Zalo \(webhook): refresh token sắp hết hạn"
            : "[Reminder] Zalo \(webhook): the refresh token expires soon"
        let text =
            vietnamese
            ? """
            Refresh token của Official Account dùng cho \(webhook) sẽ hết hạn lúc \(when) nếu không được dùng. \
            Một lần gửi tới nhóm trước lúc đó sẽ gia hạn nó; sau lúc đó, quản trị viên phải ủy quyền lại cho OA \
            (nhacviec zalo-token \(webhook) --refresh-token TỆP).

            Đề nghị báo quản trị viên và xem `nhacviec status`.
            """
            : """
            The refresh token of the Official Account behind \(webhook) expires \(when) unless it is used. \
            A send to the group before then renews it; after, the administrator must authorize the OA again \
            (nhacviec zalo-token \(webhook) --refresh-token FILE).

            Please tell the administrator, and see `nhacviec status`.
            """
        return notice(to: address, name: name, subject: subject, text: text, date: date, key: key)
    }
}
