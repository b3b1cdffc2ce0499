import Catalogue
import Foundation

extension MailComposer {
    /// The mail that tells the clerk an edited config or plan was refused: every error with its place
    /// (file, line; for a spreadsheet the sheet, row and column), and that the last accepted version keeps
    /// the reminders going meanwhile. In the config's language, Vietnamese unless it says English.
    public func rejectedScheduleNotice(
        to address: String, name: String, errors: [String], servingSince: Date?, date: Date, key: String
    ) -> [UInt8] {
        notice(
            to: address, name: name, subject: MailText.rejectedSubject(errors: errors.count).text(language),
            text: MailText.rejected(errors: errors, since: servingSince.map(moment)).text(language), date: date,
            key: key)
    }

    /// "07:30 ngày 14/03/2024", "07:30 on 14/03/2024", in the office's time zone and language.
    func moment(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        return
            "\(two(c.hour)):\(two(c.minute)) \(MailText.onDay.text(language)) \(two(c.day))/\(two(c.month))/\(c.year ?? 0)"
    }
}
