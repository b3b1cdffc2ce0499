import Foundation
import Model
import Outbox

/// A mail of the workspace to one official (a sign-in link, a report sent back), queued in the outbox
/// like every other: the same transports and retries.
enum WorkspaceMail {
    /// - Parameter mail: the last part of its name in the journal and `status` (`2024-03-14/thu/sign-in`).
    static func send(
        to official: Official, address: String, kind: OutboxItem.Kind, mail: DigestID.Mail, key: String,
        subject: String,
        text: String, html: String, office: Office, state: StateDatabase, now: Date
    ) throws {
        let bytes = office.composer.document(
            to: address, name: official.name, subject: subject, text: text, html: html, date: now, key: key)
        try Outbox(database: state).enqueue([
            OutboxItem(
                key: key, kind: kind, digest: .mail(mail, on: office.today(), to: official.id), recipient: official.id,
                address: address, sendAt: now.timeIntervalSince1970, messageID: nil, payload: Data(bytes),
                createdAt: now.timeIntervalSince1970)
        ])
    }
}
