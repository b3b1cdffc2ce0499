import Foundation

extension MailComposer {
    /// A mail that is not a digest (a test message, a failure notice, a report, an overdue list): the
    /// same headers and MIME structure, the given subject, text and HTML. `key` makes its Message-ID.
    public func document(
        to address: String, name: String?, subject: String, text: String, html: String, date: Date, key: String
    )
        -> [UInt8]
    {
        let domain = sender.address.split(separator: "@").last ?? "localhost"
        let headers = [
            HeaderText.mailbox("From", displayName: sender.name, address: sender.address),
            HeaderText.mailbox("To", displayName: name, address: address), HeaderText.field("Subject", subject),
            "Date: \(Self.rfc5322Date(date, timeZone: timeZone))",
            "Message-ID: <nhacviec.\(Self.hash(key).prefix(24))@\(domain)>",
            "Auto-Submitted: auto-generated",
        ]
        return MIMEMessage(
            headers: headers, text: text, html: html, calendar: nil, boundarySeed: String(Self.hash(key).prefix(16))
        )
        .render()
    }

    /// A notice to the clerk (a failure, a refused version, a clock set back): plain text, and the same
    /// text preformatted as its HTML part.
    func notice(to address: String, name: String, subject: String, text: String, date: Date, key: String) -> [UInt8] {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return document(
            to: address, name: name, subject: subject, text: text,
            html: "<!DOCTYPE html><html lang=\"\(language.rawValue)\"><body><pre>\(escaped)</pre></body></html>",
            date: date, key: key)
    }
}
