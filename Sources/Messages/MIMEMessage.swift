import Foundation

/// An RFC 5322 message with a MIME body: `multipart/alternative` text and HTML, inside
/// `multipart/mixed` when a calendar file is attached. UTF-8 throughout, bodies in base64, CRLF.
struct MIMEMessage {
    /// Header fields, already formatted by ``HeaderText``.
    var headers: [String]
    let text: String
    let html: String
    /// An iCalendar file to attach, with its file name.
    let calendar: (name: String, content: String)?
    /// Seeds the boundaries, so the same message renders the same bytes.
    let boundarySeed: String

    func render() -> [UInt8] {
        let alternative = "=_nhacviec_alt_\(boundarySeed)"
        var lines = headers + ["MIME-Version: 1.0"]
        var body: [String] = []
        let parts = [
            part(type: "text/plain; charset=UTF-8", content: text),
            part(type: "text/html; charset=UTF-8", content: html),
        ]
        let alternativeBody =
            parts.map { "--\(alternative)\r\n\($0)" }.joined(separator: "\r\n") + "\r\n--\(alternative)--"
        if let calendar {
            let mixed = "=_nhacviec_mixed_\(boundarySeed)"
            lines.append("Content-Type: multipart/mixed; boundary=\"\(mixed)\"")
            body.append("--\(mixed)")
            body.append(Self.folded("Content-Type: multipart/alternative; boundary=\"\(alternative)\"") + "\r\n")
            body.append(alternativeBody)
            body.append("--\(mixed)")
            body.append(
                part(
                    type: "text/calendar; charset=UTF-8; method=PUBLISH; name=\"\(calendar.name)\"",
                    content: calendar.content,
                    disposition: "attachment; filename=\"\(calendar.name)\""))
            body.append("--\(mixed)--")
        } else {
            lines.append("Content-Type: multipart/alternative; boundary=\"\(alternative)\"")
            body.append(alternativeBody)
        }
        let message =
            lines.map(Self.folded).joined(separator: "\r\n") + "\r\n\r\n" + body.joined(separator: "\r\n") + "\r\n"
        return Array(message.utf8)
    }

    /// A header field with parameters, folded before a parameter (RFC 5322 §2.2.3) so that no line is
    /// longer than 78 characters (§2.1.1). Subjects and addresses are folded by ``HeaderText``.
    static func folded(_ field: String) -> String {
        guard field.count > 78 else { return field }
        var lines: [String] = []
        var current = ""
        for parameter in field.components(separatedBy: "; ") {
            if current.isEmpty {
                current = parameter
            } else if current.count + 2 + parameter.count <= 78 {
                current += "; " + parameter
            } else {
                lines.append(current + ";")
                current = " " + parameter
            }
        }
        return (lines + [current]).joined(separator: "\r\n")
    }

    private func part(type: String, content: String, disposition: String? = nil) -> String {
        var fields = [Self.folded("Content-Type: \(type)"), "Content-Transfer-Encoding: base64"]
        if let disposition { fields.append(Self.folded("Content-Disposition: \(disposition)")) }
        let crlf = content.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        return fields.joined(separator: "\r\n") + "\r\n\r\n" + Base64.lines(Array(crlf.utf8))
    }
}
