import Catalogue
import Foundation

extension MailComposer {
    /// The mail that tells the clerk the server's clock had run ahead and was set back: reminders
    /// recorded for the time in between were given back and go out when their time comes.
    public func clockNotice(
        to address: String, name: String, from: Date, to: Date, givenBack: Int, date: Date, key: String
    ) -> [UInt8] {
        let vietnamese = language == .vi
        let (ahead, now) = (
            Self.time(from, timeZone: timeZone, on: vietnamese ? "ngày" : "on"),
            Self.time(to, timeZone: timeZone, on: vietnamese ? "ngày" : "on")
        )
        let subject =
            vietnamese ? "[Nhắc việc] Đồng hồ máy chủ bị sai, đã chỉnh lại" : "[Reminder] The server's clock was wrong"
        let text =
            vietnamese
            ? """
            Đồng hồ của máy chủ nhắc việc đã chạy trước (tới \(ahead)) rồi được chỉnh lại về \(now). \
            \(givenBack) thông báo đã ghi cho khoảng thời gian đó mà chưa gửi được trả lại kế hoạch: \
            chúng sẽ được gửi khi đến giờ. Thông báo đã gửi không gửi lại.

            Đề nghị báo quản trị viên kiểm tra đồng hồ máy chủ (timedatectl) và xem `nhacviec status`.
            """
            : """
            The reminder server's clock had run ahead (to \(ahead)) and was set back to \(now). \
            \(givenBack) notification(s) recorded for that time and not delivered are given back to the plan: \
            they go out when their time comes. Nothing delivered is sent again.

            Please have the administrator check the server's clock (timedatectl), and see `nhacviec status`.
            """
        return notice(to: address, name: name, subject: subject, text: text, date: date, key: key)
    }
}
