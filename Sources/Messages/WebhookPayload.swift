import Foundation
import Model
import Planner
import WorkingCalendar

/// A digest as the JSON body of a webhook: the documented generic schema (docs/delivery.md, "Webhooks"), a
/// Slack/Mattermost message, or a Telegram `sendMessage` call.
public enum WebhookPayload {
    public enum Format: Sendable {
        case generic, slack
        case telegram(chatID: String)
        /// A text message to an OA's group (Zalo GMF).
        case zaloGroup(groupID: String)
        /// An approved ZNS template to one phone, each parameter filled with a field cut at `valueLimit`.
        case zaloZNS(phone: String, templateID: String, parameters: [(name: String, field: ZNSField)], valueLimit: Int)
    }

    /// Zalo takes a text message of at most 2,000 characters.
    static let zaloLimit = 2_000

    /// Telegram refuses messages over 4096 characters.
    static let telegramLimit = 4_000

    public static func body(
        _ digest: Digest, format: Format, composer: MailComposer,
        reportLink: @escaping @Sendable (Occurrence) -> String? = { _ in nil }
    ) -> [UInt8] {
        let view = DigestView(
            digest: digest, directory: composer.directory, language: composer.language, count: composer.count,
            reportLink: reportLink)
        let values = view.values
        let subject = composer.templates.render("digest-subject", values)
        let text = composer.templates.render("digest-text", values)
        let object: [String: Any]
        switch format {
        case .slack:
            object = ["text": "*\(subject)*\n\n\(text)"]
        case .telegram(let chatID):
            let message = "\(subject)\n\n\(text)"
            object = [
                "chat_id": chatID, "disable_web_page_preview": true,
                "text": message.count > telegramLimit ? String(message.prefix(telegramLimit)) + "…" : message,
            ]
        case .zaloGroup(let groupID):
            object = zaloText(groupID: groupID, "\(subject)\n\n\(text)")
        case .zaloZNS(let phone, let templateID, let parameters, let limit):
            let first = digest.reminders.first?.occurrence
            let person = composer.directory.official(digest.recipient)
            object = zns(
                phone: phone, templateID: templateID, parameters: parameters, limit: limit,
                tracking: MailComposer.idempotencyKey(digest)
            ) { field in
                switch field {
                case .officialName: person?.name ?? digest.recipient
                case .count: String(values["count"] as? Int ?? digest.reminders.count)
                case .firstTask: first.map { "[\($0.task.id)] \($0.task.title)" } ?? ""
                case .firstDeadline: first?.deadline?.vietnamese ?? ""
                case .reportLink: first.flatMap(reportLink) ?? ""
                case .sendDay: digest.sendDay.vietnamese
                }
            }
        case .generic:
            let person = composer.directory.official(digest.recipient)
            object = [
                "type": "nhacviec.digest", "id": digest.id.description,
                "idempotency_key": MailComposer.idempotencyKey(digest),
                "send_day": digest.sendDay.iso, "channel": digest.channel.description, "subject": subject, "text": text,
                "recipient": ["id": digest.recipient, "name": person?.name ?? "", "email": person?.email ?? ""],
                "items": digest.reminders.map { item($0, reportLink: reportLink($0.occurrence)) },
            ]
        }
        return json(object)
    }

    /// A test message, for `send-test --webhook`: the note, or for a ZNS template the note as its first
    /// task, due `day`, to `name`.
    public static func test(format: Format, note: String, name: String = "", day: CivilDate, link: String = "")
        -> [UInt8]
    {
        switch format {
        case .slack: json(["text": note])
        case .telegram(let chatID): json(["chat_id": chatID, "text": note])
        case .zaloGroup(let groupID): json(zaloText(groupID: groupID, note))
        case .zaloZNS(let phone, let templateID, let parameters, let limit):
            json(
                zns(
                    phone: phone, templateID: templateID, parameters: parameters, limit: limit,
                    tracking: "nhacviec-test-\(day.iso)"
                ) { field in
                    switch field {
                    case .officialName: name
                    case .count: "1"
                    case .firstTask: note
                    case .firstDeadline, .sendDay: day.vietnamese
                    case .reportLink: link
                    }
                })
        case .generic: json(["type": "nhacviec.test", "text": note])
        }
    }

    /// Zalo's ZNS message: the template's parameters filled, each text cut at the limit (a link whole,
    /// since a cut one leads nowhere), and a tracking id of at most 48 characters.
    private static func zns(
        phone: String, templateID: String, parameters: [(name: String, field: ZNSField)], limit: Int,
        tracking: String, value: (ZNSField) -> String
    ) -> [String: Any] {
        var data: [String: String] = [:]
        for (name, field) in parameters {
            let text = value(field)
            data[name] = field == .reportLink ? text : cut(text, at: limit)
        }
        return [
            "phone": phone, "template_id": templateID, "template_data": data,
            "tracking_id": String(tracking.prefix(48)),
        ]
    }

    /// Zalo's group message: plain text, cut at its limit.
    private static func zaloText(groupID: String, _ text: String) -> [String: Any] {
        ["recipient": ["group_id": groupID], "message": ["text": cut(text, at: zaloLimit)]]
    }

    /// The text whole, or cut to `limit` characters, the last an ellipsis.
    private static func cut(_ text: String, at limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }

    private static func item(_ reminder: Reminder, reportLink: String?) -> [String: Any] {
        let occurrence = reminder.occurrence
        var item: [String: Any] = [
            "task": occurrence.task.id, "title": occurrence.task.title, "stage": reminder.stage.stage.rawValue,
            "days": reminder.stage.days, "escalation": reminder.stage.escalation, "role": reminder.role.rawValue,
            "deadline": occurrence.deadline?.iso ?? NSNull(),
            "nominal_deadline": occurrence.nominalDeadline?.iso ?? NSNull(),
            "occurrence": occurrence.key?.iso ?? NSNull(),
        ]
        if let period = occurrence.dataPeriod { item["data_period"] = [period.lowerBound.iso, period.upperBound.iso] }
        item["report_link"] = reportLink ?? NSNull()
        return item
    }

    private static func json(_ object: [String: Any]) -> [UInt8] {
        Array(
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
                ?? Data())
    }
}
