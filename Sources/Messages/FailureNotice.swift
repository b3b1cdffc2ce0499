import Catalogue
import Foundation

extension MailComposer {
    /// The mail that tells the clerk a notification could not be delivered.
    public func failureNotice(
        to address: String, name: String, digest: String, destination: String, reason: String, date: Date
    ) -> [UInt8] {
        notice(
            to: address, name: name, subject: MailText.failureSubject(digest: digest).text(language),
            text: MailText.failure(digest: digest, destination: destination, reason: reason).text(language),
            date: date, key: "failure:\(digest):\(destination)")
    }
}
