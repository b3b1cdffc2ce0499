import Catalogue
import Foundation
import Model
import Planner
import WorkingCalendar

import struct Crypto.SHA256

/// A digest as a finished email: headers (encoded, folded, never carrying a line break from data),
/// text and HTML from the templates, and the deadlines as an .ics attachment.
public struct MailComposer: Sendable {
    /// The From header as configured: `Văn phòng UBND phường <vanphong@…>`.
    public let from: String
    public let templates: DigestTemplates
    public let directory: Directory
    public let language: Language
    public let count: ReminderPolicy.DayCount
    public let attachCalendar: Bool
    public let timeZone: TimeZone

    public init(
        from: String, templates: DigestTemplates, directory: Directory, language: Language,
        count: ReminderPolicy.DayCount, attachCalendar: Bool, timeZone: TimeZone
    ) {
        self.from = from
        self.templates = templates
        self.directory = directory
        self.language = language
        self.count = count
        self.attachCalendar = attachCalendar
        self.timeZone = timeZone
    }

    /// The sender's bare address and display name, from `Name <address>` or a bare address.
    public var sender: (name: String?, address: String) { EmailAddress.split(from) }

    /// The message for one digest, dated `date`, or nil when its recipient has no email address.
    ///
    /// - Parameter reportLink: each task's "Báo cáo hoàn thành" link for the recipient, when the web
    ///   workspace is on.
    public func compose(
        _ digest: Digest, date: Date, reportLink: @escaping @Sendable (Occurrence) -> String? = { _ in nil }
    ) -> (
        envelope: (from: String, to: String), messageID: String, bytes: [UInt8]
    )? {
        guard let person = directory.official(digest.recipient), let address = person.email else { return nil }
        let view = DigestView(
            digest: digest, directory: directory, language: language, count: count, reportLink: reportLink
        ).values
        let key = Self.idempotencyKey(digest)
        let messageID = "<nhacviec.\(key.prefix(24))@\(sender.address.split(separator: "@").last ?? "localhost")>"
        var headers = [
            HeaderText.mailbox("From", displayName: sender.name, address: sender.address),
            HeaderText.mailbox("To", displayName: person.name, address: address),
            HeaderText.field("Subject", templates.render("digest-subject", view)),
            "Date: \(Self.rfc5322Date(date, timeZone: timeZone))",
            "Message-ID: \(messageID)",
            "Auto-Submitted: auto-generated",
            "X-Auto-Response-Suppress: All",
        ]
        headers.append(HeaderText.field("X-Nhacviec-Digest", digest.id.description))
        let calendar = attachCalendar ? (name: "han-nhiem-vu.ics", content: calendarFile(digest, date: date)) : nil
        let message = MIMEMessage(
            headers: headers, text: templates.render("digest-text", view), html: templates.render("digest-html", view),
            calendar: calendar, boundarySeed: String(key.prefix(16)))
        return ((sender.address, address), messageID, message.render())
    }

    private func calendarFile(_ digest: Digest, date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        var seen: Set<String> = []
        let events = digest.reminders.compactMap { reminder -> CalendarFile.Event? in
            let occurrence = reminder.occurrence
            let uid = "\(occurrence.task.id)-\(occurrence.key?.iso ?? "once")@nhacviec"
            guard let deadline = occurrence.deadline, seen.insert(uid).inserted else { return nil }
            let prefix = MailText.deadline.text(language)
            return CalendarFile.Event(
                uid: uid, date: deadline, summary: "\(prefix): \(occurrence.task.title)",
                description: "[\(occurrence.task.id)] \(occurrence.task.title)")
        }
        return CalendarFile.render(events, stamp: formatter.string(from: date))
    }

    /// The digest's idempotency key: its items' keys (task, occurrence, effective deadline, stage, days,
    /// recipient, channel), hashed. The same digest always gets the same Message-ID.
    public static func idempotencyKey(_ digest: Digest) -> String {
        let items = digest.reminders.map { reminder -> String in
            let occurrence = reminder.occurrence
            let fields: [String] = [
                occurrence.task.id, occurrence.key?.iso ?? "", occurrence.deadline?.iso ?? "",
                reminder.stage.stage.rawValue, String(reminder.stage.days), reminder.recipient,
                reminder.channel.description,
            ]
            return fields.joined(separator: "|")
        }.sorted()
        return hash(([digest.sendDay.iso] + items).joined(separator: "\n"))
    }

    /// SHA-256 of a text, in hex.
    static func hash(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func rfc5322Date(_ date: Date, timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
