import Catalogue
import Foundation

extension MailComposer {
    /// A short message proving the transport works, for `send-test --to`.
    public func testMessage(to address: String, date: Date) -> [UInt8] {
        let text = MailText.test.text(language)
        return document(
            to: address, name: nil, subject: MailText.testSubject.text(language), text: text,
            html: "<!DOCTYPE html><html><body><p>\(text)</p></body></html>",
            date: date, key: "test:\(date.timeIntervalSince1970)")
    }
}
