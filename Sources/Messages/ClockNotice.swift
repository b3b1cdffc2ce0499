import Catalogue
import Foundation

extension MailComposer {
    /// The mail that tells the clerk the server's clock had run ahead and was set back: reminders
    /// recorded for the time in between were given back and go out when their time comes.
    public func clockNotice(
        to address: String, name: String, from: Date, to: Date, givenBack: Int, date: Date, key: String
    ) -> [UInt8] {
        let text = MailText.clock(ahead: moment(from), now: moment(to), givenBack: givenBack)
        return notice(
            to: address, name: name, subject: MailText.clockSubject.text(language), text: text.text(language),
            date: date, key: key)
    }
}
