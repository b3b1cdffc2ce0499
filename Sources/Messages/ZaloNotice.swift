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

    /// The mail that tells the clerk a ZNS webhook's quota is used up for today: the messages left are
    /// kept queued and go at `resumes`, when Zalo gives the next day's quota.
    public func zaloQuotaNotice(
        to address: String, name: String, webhook: String, waiting: Int, resumes: Date, date: Date, key: String
    ) -> [UInt8] {
        let vietnamese = language == .vi
        let when = Self.time(resumes, timeZone: timeZone, on: vietnamese ? "ngày" : "on")
        let subject =
            vietnamese
            ? "[Nhắc việc] Zalo \(webhook): đã hết hạn mức ZNS hôm nay"
            : "[Reminder] Zalo \(webhook): today's ZNS quota is used up"
        let text =
            vietnamese
            ? """
            Zalo cho biết hạn mức tin ZNS hôm nay của Official Account dùng cho \(webhook) đã hết. \
            \(waiting) tin nhắc việc chưa gửi được vẫn nằm trong hàng đợi, không mất; chúng sẽ được gửi lúc \(when).

            Các cán bộ có email vẫn nhận nhắc việc qua email như thường. Nếu hạn mức thường xuyên không đủ, \
            đề nghị báo quản trị viên xin Zalo nâng hạn mức của OA. Xem `nhacviec status`.
            """
            : """
            Zalo says today's ZNS quota of the Official Account behind \(webhook) is used up. \
            \(waiting) reminders not yet sent stay queued, none lost; they go \(when).

            Officials with an email address still get their reminders by mail. If the quota is often too small, \
            please ask the administrator to have Zalo raise the OA's quota. See `nhacviec status`.
            """
        return notice(to: address, name: name, subject: subject, text: text, date: date, key: key)
    }
}
