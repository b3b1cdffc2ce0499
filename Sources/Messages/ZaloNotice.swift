import Catalogue
import Foundation

extension MailComposer {
    /// The mail that tells the clerk a Zalo webhook's refresh token expires unused within days: a send to
    /// the group before then renews it; after, the administrator must authorize the OA again.
    public func zaloRefreshNotice(
        to address: String, name: String, webhook: String, until: Date, date: Date, key: String
    ) -> [UInt8] {
        notice(
            to: address, name: name, subject: MailText.zaloRefreshSubject(webhook: webhook).text(language),
            text: MailText.zaloRefresh(webhook: webhook, when: moment(until)).text(language), date: date, key: key)
    }

    /// The mail that tells the clerk a ZNS webhook's quota is used up for today: the messages left are
    /// kept queued and go at `resumes`, when Zalo gives the next day's quota.
    public func zaloQuotaNotice(
        to address: String, name: String, webhook: String, waiting: Int, resumes: Date, date: Date, key: String
    ) -> [UInt8] {
        notice(
            to: address, name: name, subject: MailText.zaloQuotaSubject(webhook: webhook).text(language),
            text: MailText.zaloQuota(webhook: webhook, waiting: waiting, when: moment(resumes)).text(language),
            date: date, key: key)
    }
}
