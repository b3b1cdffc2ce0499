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
}
