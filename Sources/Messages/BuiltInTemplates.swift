import Catalogue
import Model

/// The digest templates shipped in the binary, Vietnamese and English. An office overrides any of them
/// with a file of the same name in its templates folder (`[email] templates`).
enum BuiltInTemplates {
    static let names = [
        "digest-subject.mustache", "digest-text.mustache", "digest-html.mustache", "item-text.mustache",
        "item-html.mustache",
    ]

    static func text(_ name: String, language: Language) -> String {
        switch (name, language) {
        case ("digest-subject.mustache", .en): englishSubject
        case ("digest-text.mustache", .en): englishText
        case ("digest-html.mustache", .en): englishHTML
        case ("item-text.mustache", .en): englishItemText
        case ("item-html.mustache", .en): englishItemHTML
        case ("digest-subject.mustache", _): vietnameseSubject
        case ("digest-text.mustache", _): vietnameseText
        case ("item-text.mustache", _): vietnameseItemText
        case ("item-html.mustache", _): vietnameseItemHTML
        default: vietnameseHTML
        }
    }

    static let vietnameseSubject = "[Nhắc việc] {{summary}} ({{date}})"

    static let vietnameseText = """
        Kính gửi đồng chí {{recipient.name}}{{#recipient.title}} ({{recipient.title}}){{/recipient.title}},

        Văn phòng UBND phường xin nhắc {{count}} nhiệm vụ, tính đến ngày {{date}}:
        {{#hasOverdue}}

        QUÁ HẠN
        {{#overdue}}
        {{> item-text}}
        {{/overdue}}
        {{/hasOverdue}}
        {{#hasDue}}

        ĐẾN HẠN HÔM NAY
        {{#due}}
        {{> item-text}}
        {{/due}}
        {{/hasDue}}
        {{#hasSoon}}

        SẮP ĐẾN HẠN
        {{#soon}}
        {{> item-text}}
        {{/soon}}
        {{/hasSoon}}
        {{#hasOthers}}

        CÒN QUÁ HẠN (đã nhắc trong các thư trước)
        {{#others}}
        - [{{task}}] {{title}}{{#period}} (kỳ {{period}}){{/period}}: {{when}}, hạn {{deadline}}
        {{/others}}
        {{/hasOthers}}

        Khi hoàn thành, đề nghị báo Văn phòng - Thống kê để cập nhật.
        Thư gửi tự động từ hệ thống nhắc việc, xin đừng trả lời thư này.
        """

    static let vietnameseHTML = """
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><title>{{summary}}</title></head>
        <body style="font-family: Arial, sans-serif">
        <p>Kính gửi đồng chí <b>{{recipient.name}}</b>{{#recipient.title}} ({{recipient.title}}){{/recipient.title}},</p>
        <p>Văn phòng UBND phường xin nhắc {{count}} nhiệm vụ, tính đến ngày {{date}}:</p>
        {{#hasOverdue}}<h3 style="color:#b00020">Quá hạn</h3><ul>{{#overdue}}{{> item-html}}{{/overdue}}</ul>{{/hasOverdue}}
        {{#hasDue}}<h3>Đến hạn hôm nay</h3><ul>{{#due}}{{> item-html}}{{/due}}</ul>{{/hasDue}}
        {{#hasSoon}}<h3>Sắp đến hạn</h3><ul>{{#soon}}{{> item-html}}{{/soon}}</ul>{{/hasSoon}}
        {{#hasOthers}}<h3>Còn quá hạn (đã nhắc trong các thư trước)</h3><ul>{{#others}}<li>[{{task}}] {{title}}{{#period}} (kỳ {{period}}){{/period}}: {{when}}, hạn {{deadline}}</li>{{/others}}</ul>{{/hasOthers}}
        <p>Khi hoàn thành, đề nghị báo Văn phòng - Thống kê để cập nhật.<br>
        <small>Thư gửi tự động từ hệ thống nhắc việc, xin đừng trả lời thư này.</small></p>
        </body></html>
        """

    static let englishSubject = "[Reminder] {{summary}} ({{date}})"

    static let englishText = """
        Dear {{recipient.name}},

        The ward office reminds you of {{count}} task(s), as of {{date}}:
        {{#hasOverdue}}

        OVERDUE
        {{#overdue}}
        {{> item-text}}
        {{/overdue}}
        {{/hasOverdue}}
        {{#hasDue}}

        DUE TODAY
        {{#due}}
        {{> item-text}}
        {{/due}}
        {{/hasDue}}
        {{#hasSoon}}

        DUE SOON
        {{#soon}}
        {{> item-text}}
        {{/soon}}
        {{/hasSoon}}
        {{#hasOthers}}

        STILL OVERDUE (reminded in earlier messages)
        {{#others}}
        - [{{task}}] {{title}}{{#period}} ({{period}}){{/period}}: {{when}}, deadline {{deadline}}
        {{/others}}
        {{/hasOthers}}

        When a task is done, please tell the office so it can be recorded.
        This message was sent automatically; please do not reply.
        """

    static let englishHTML = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{{summary}}</title></head>
        <body style="font-family: Arial, sans-serif">
        <p>Dear <b>{{recipient.name}}</b>,</p>
        <p>The ward office reminds you of {{count}} task(s), as of {{date}}:</p>
        {{#hasOverdue}}<h3 style="color:#b00020">Overdue</h3><ul>{{#overdue}}{{> item-html}}{{/overdue}}</ul>{{/hasOverdue}}
        {{#hasDue}}<h3>Due today</h3><ul>{{#due}}{{> item-html}}{{/due}}</ul>{{/hasDue}}
        {{#hasSoon}}<h3>Due soon</h3><ul>{{#soon}}{{> item-html}}{{/soon}}</ul>{{/hasSoon}}
        {{#hasOthers}}<h3>Still overdue (reminded in earlier messages)</h3><ul>{{#others}}<li>[{{task}}] {{title}}{{#period}} ({{period}}){{/period}}: {{when}}, deadline {{deadline}}</li>{{/others}}</ul>{{/hasOthers}}
        <p>When a task is done, please tell the office so it can be recorded.<br>
        <small>This message was sent automatically; please do not reply.</small></p>
        </body></html>
        """

    static let vietnameseItemText = """
        - [{{task}}] {{title}}{{#period}} (kỳ {{period}}){{/period}}
          Hạn: {{deadline}}{{#moved}} (theo kế hoạch {{nominal}}){{/moved}}; {{when}}
        {{#copy}}
          Đồng gửi để chỉ đạo; chủ trì: {{responsible}}
        {{/copy}}
        {{#dataPeriod}}
          Kỳ số liệu: {{dataPeriod}}
        {{/dataPeriod}}
        {{#target}}
          Chỉ tiêu: {{target}}
        {{/target}}
        {{#reportLink}}
          Báo cáo hoàn thành: {{reportLink}}
        {{/reportLink}}
        """

    static let vietnameseItemHTML = """
        <li><b>[{{task}}]</b> {{title}}{{#period}} (kỳ {{period}}){{/period}}<br>Hạn: {{deadline}}{{#moved}} (theo kế hoạch {{nominal}}){{/moved}}; <b>{{when}}</b>{{#copy}}<br><i>Đồng gửi để chỉ đạo; chủ trì: {{responsible}}</i>{{/copy}}{{#dataPeriod}}<br>Kỳ số liệu: {{dataPeriod}}{{/dataPeriod}}{{#target}}<br>Chỉ tiêu: {{target}}{{/target}}{{#reportLink}}<br><a href="{{reportLink}}">Báo cáo hoàn thành</a>{{/reportLink}}</li>
        """

    static let englishItemText = """
        - [{{task}}] {{title}}{{#period}} ({{period}}){{/period}}
          Deadline: {{deadline}}{{#moved}} (planned {{nominal}}){{/moved}}; {{when}}
        {{#copy}}
          Copied to you as lead; responsible: {{responsible}}
        {{/copy}}
        {{#dataPeriod}}
          Data period: {{dataPeriod}}
        {{/dataPeriod}}
        {{#target}}
          Target: {{target}}
        {{/target}}
        {{#reportLink}}
          Report it done: {{reportLink}}
        {{/reportLink}}
        """

    static let englishItemHTML = """
        <li><b>[{{task}}]</b> {{title}}{{#period}} ({{period}}){{/period}}<br>Deadline: {{deadline}}{{#moved}} (planned {{nominal}}){{/moved}}; <b>{{when}}</b>{{#copy}}<br><i>Copied to you as lead; responsible: {{responsible}}</i>{{/copy}}{{#dataPeriod}}<br>Data period: {{dataPeriod}}{{/dataPeriod}}{{#target}}<br>Target: {{target}}{{/target}}{{#reportLink}}<br><a href="{{reportLink}}">Report it done</a>{{/reportLink}}</li>
        """
}
