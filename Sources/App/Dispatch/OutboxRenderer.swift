import Catalogue
import Foundation
import Messages
import Model
import Outbox
import Planner
import Reports
import WorkingCalendar

/// The render stage: what is due turned into outbox items, each rendered once as the exact bytes that go
/// out, so that a retry sends the same message. Digests by mail or webhook, the mails of `[summary]`,
/// and the notice that tells the clerk of a failed notification.
struct OutboxRenderer: Sendable {
    let office: Office
    private let formats: WebhookFormats
    /// Signs each task's "Báo cáo hoàn thành" link for the recipient; nil while the web workspace is off.
    var reportLinks: ReportLink.Signer?

    init(office: Office, reportLinks: ReportLink.Signer? = nil) {
        self.office = office
        formats = WebhookFormats(office.configuration)
        self.reportLinks = reportLinks
    }

    /// The link of an occurrence for a digest's recipient, valid 30 days from its send time.
    private func links(for digest: Digest, sendAt: Date) -> @Sendable (Occurrence) -> String? {
        guard let signer = reportLinks else { return { _ in nil } }
        let recipient = digest.recipient
        return { occurrence in
            signer.url(
                ReportLink(
                    task: occurrence.task.id, occurrence: occurrence.completionKey.occurrence, official: recipient,
                    expires: sendAt.addingTimeInterval(ReportLink.lifetime)))
        }
    }

    /// The clerk (`clerk = …`) and the address the clerk's mails go to; nil without a clerk with one.
    private var clerk: (id: OfficialID, person: Official, address: String)? {
        guard let id = office.configuration.clerk, let person = office.schedule.directory.official(id),
            let address = person.email
        else { return nil }
        return (id, person, address)
    }

    /// A digest as an item; nil when its channel cannot take it (a webhook no longer configured).
    func item(_ digest: Digest, state: OutboxItem.State, now: Date) -> OutboxItem? {
        let sendAt = office.sendTime.instant(on: digest.sendDay)
        let key = MailComposer.idempotencyKey(digest)
        switch digest.channel {
        case .email:
            guard
                let mail = office.composer.compose(digest, date: sendAt, reportLink: links(for: digest, sendAt: sendAt))
            else { return nil }
            return OutboxItem(
                key: key, kind: .digest, digest: digest.id, recipient: digest.recipient, address: mail.envelope.to,
                sendAt: sendAt.timeIntervalSince1970, messageID: mail.messageID, payload: Data(mail.bytes),
                state: state, createdAt: now.timeIntervalSince1970)
        case .webhook(let name):
            let person = office.schedule.directory.official(digest.recipient)
            guard let format = formats.format(of: name, recipient: person) else { return nil }
            let body = WebhookPayload.body(
                digest, format: format, composer: office.composer, reportLink: links(for: digest, sendAt: sendAt))
            return OutboxItem(
                key: key, kind: .digest, digest: digest.id, recipient: digest.recipient, webhook: name,
                sendAt: sendAt.timeIntervalSince1970, payload: Data(body), state: state,
                createdAt: now.timeIntervalSince1970)
        }
    }

    /// The mails of `[summary]` due on a send day (``SummarySchedule``), to those with an address.
    func summaryItems(on day: CivilDate, now: Date) -> [OutboxItem] {
        let directory = office.schedule.directory
        let sendAt = office.sendTime.instant(on: day)
        var items: [OutboxItem] = []
        for mail in SummarySchedule.mails(on: day, settings: office.configuration.summary, calendar: office.calendar) {
            switch mail {
            case .report(let period):
                let report = ReportBuilder.build(planner: office.planner, period: period, today: day)
                let subject = "[Nhắc việc] Báo cáo kết quả thực hiện kế hoạch \(period.label) (đến \(day.vietnamese))"
                var text = MarkdownReport.render(report)
                var html = HTMLReport.render(report)
                // With the workspace on, the mail links to the report's page (its downloads, today's figures).
                if let base = reportLinks?.base {
                    let page = "\(base)/bao-cao-ky?ky=\(period.code)"
                    text = "Xem và tải báo cáo trên trang Nhắc việc: \(page)\n\n" + text
                    html = html.replacingOccurrences(
                        of: "<body>",
                        with: "<body><p><a href=\"\(page)\">Xem và tải báo cáo trên trang Nhắc việc</a></p>")
                }
                for id in office.reportReaders {
                    guard let person = directory.official(id), let address = person.email else { continue }
                    let key = "report:\(period.code):\(day.iso):\(id)"
                    let bytes = office.composer.document(
                        to: address, name: person.name, subject: subject, text: text, html: html, date: sendAt,
                        key: key)
                    items.append(
                        OutboxItem(
                            key: key, kind: .report, digest: .mail(.report, on: day, to: id), recipient: id,
                            address: address, sendAt: sendAt.timeIntervalSince1970, messageID: nil,
                            payload: Data(bytes), createdAt: now.timeIntervalSince1970))
                }
            case .overdueList:
                guard let (clerk, person, address) = clerk else { continue }
                let report = ReportBuilder.build(planner: office.planner, period: .year(day.year), today: day)
                guard !report.overdue.isEmpty else { continue }
                let key = "overdue:\(day.iso):\(clerk)"
                let bytes = office.composer.document(
                    to: address, name: person.name,
                    subject: "[Nhắc việc] \(report.overdue.count) nhiệm vụ quá hạn (\(day.vietnamese))",
                    text: OverdueList.text(report), html: OverdueList.html(report), date: sendAt, key: key)
                items.append(
                    OutboxItem(
                        key: key, kind: .overdueList, digest: .mail(.overdue, on: day, to: clerk), recipient: clerk,
                        address: address, sendAt: sendAt.timeIntervalSince1970, messageID: nil, payload: Data(bytes),
                        createdAt: now.timeIntervalSince1970))
            }
        }
        return items
    }

    /// The clerk's notice of a refused version of the config or plans: once per version (its key).
    func rejectedScheduleNotice(_ rejected: RejectedSchedule, now: Date) -> OutboxItem? {
        clerkNotice(
            key: "rejected-schedule:\(rejected.version)", kind: .rejectedSchedule,
            digest: .notice(.rejectedSchedule, about: rejected.version), now: now
        ) { address, name, key in
            office.composer.rejectedScheduleNotice(
                to: address, name: name, errors: rejected.errors.items.map { $0.text(rejected.language) },
                servingSince: rejected.servingSince, date: now, key: key)
        }
    }

    /// The clerk's notice that the clock had run ahead and was set back; once per jump (its key).
    func clockNotice(from: Date, to: Date, givenBack: Int, now: Date) -> OutboxItem? {
        clerkNotice(
            key: "clock-back:\(Int(from.timeIntervalSince1970)):\(Int(to.timeIntervalSince1970))", kind: .clockNotice,
            digest: .notice(.clockBack, about: String(Int(to.timeIntervalSince1970))), now: now
        ) { address, name, key in
            office.composer.clockNotice(
                to: address, name: name, from: from, to: to, givenBack: givenBack, date: now, key: key)
        }
    }

    /// The notice to the clerk and to the administrator (`[email] administrator`) that a Zalo webhook's
    /// refresh token expires unused at `until`: once per refresh token (a refresh moves `until`, so the key).
    func zaloRefreshNotices(webhook: String, until: Date, now: Date) -> [OutboxItem] {
        let key = "zalo-refresh:\(webhook):\(Int(until.timeIntervalSince1970))"
        let digest = DigestID.notice(.zaloRefresh, about: webhook)
        func mail(_ address: String, _ name: String, _ key: String) -> [UInt8] {
            office.composer.zaloRefreshNotice(
                to: address, name: name, webhook: webhook, until: until, date: now, key: key)
        }
        let administrator = office.configuration.email.administrator.map {
            (id: "administrator", name: MailText.administrator.text(office.language), address: $0)
        }
        return [
            clerkNotice(key: key, kind: .zaloNotice, digest: digest, now: now, mail: mail),
            notice(
                to: administrator, key: key + ":administrator", kind: .zaloNotice, digest: digest, now: now,
                mail: mail),
        ].compactMap { $0 }
    }

    /// The clerk's notice that a ZNS webhook's quota is used up for the day, `waiting` messages kept queued
    /// until `resumes`: once per webhook and day.
    func zaloQuotaNotice(webhook: String, waiting: Int, resumes: Date, now: Date) -> OutboxItem? {
        clerkNotice(
            key: "zalo-quota:\(webhook):\(office.sendTime.day(of: now).iso)", kind: .zaloNotice,
            digest: .notice(.zaloQuota, about: webhook), now: now
        ) { address, name, key in
            office.composer.zaloQuotaNotice(
                to: address, name: name, webhook: webhook, waiting: waiting, resumes: resumes, date: now, key: key)
        }
    }

    /// The clerk's notice of an item that failed for good; none for a notice, or without a clerk to tell.
    func failureNotice(about item: OutboxItem, reason: String, now: Date) -> OutboxItem? {
        guard item.kind != .failureNotice else { return nil }
        return clerkNotice(
            key: "failure:\(item.key)", kind: .failureNotice, digest: .notice(.failure, about: item.digest.description),
            now: now
        ) { address, name, _ in
            office.composer.failureNotice(
                to: address, name: name, digest: item.digest.description, destination: item.destination, reason: reason,
                date: now)
        }
    }

    /// A mail of the workspace to one official (a sign-in link, a report sent back), due now: `mail` is the
    /// last part of its name in the journal and `status` (`2024-03-14/thu/sign-in`).
    func workspaceMail(
        to official: Official, address: String, kind: OutboxItem.Kind, mail: DigestID.Mail, key: String,
        subject: String, text: String, html: String, now: Date
    ) -> OutboxItem {
        let bytes = office.composer.document(
            to: address, name: official.name, subject: subject, text: text, html: html, date: now, key: key)
        return OutboxItem(
            key: key, kind: kind, digest: .mail(mail, on: office.today(), to: official.id), recipient: official.id,
            address: address, sendAt: now.timeIntervalSince1970, messageID: nil, payload: Data(bytes),
            createdAt: now.timeIntervalSince1970)
    }

    /// A notice to the clerk, due now, as an outbox item; none without a clerk to tell.
    ///
    /// - Parameter mail: the mail to the clerk's address and name, with the item's key.
    private func clerkNotice(
        key: String, kind: OutboxItem.Kind, digest: DigestID, now: Date,
        mail: (_ address: String, _ name: String, _ key: String) -> [UInt8]
    ) -> OutboxItem? {
        notice(
            to: clerk.map { (id: $0.id, name: $0.person.name, address: $0.address) }, key: key, kind: kind,
            digest: digest, now: now, mail: mail)
    }

    /// A notice, due now, to one who is told of the service (the clerk, the administrator); none without
    /// one to tell.
    private func notice(
        to recipient: (id: String, name: String, address: String)?, key: String, kind: OutboxItem.Kind,
        digest: DigestID, now: Date, mail: (_ address: String, _ name: String, _ key: String) -> [UInt8]
    ) -> OutboxItem? {
        guard let recipient else { return nil }
        return OutboxItem(
            key: key, kind: kind, digest: digest, recipient: recipient.id, address: recipient.address,
            sendAt: now.timeIntervalSince1970, messageID: nil,
            payload: Data(mail(recipient.address, recipient.name, key)), createdAt: now.timeIntervalSince1970)
    }
}
