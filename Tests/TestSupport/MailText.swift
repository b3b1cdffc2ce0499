import Foundation

/// The parts of a MIME message as nhacviec writes them (every part base64), decoded for assertions.
public enum MailText {
    /// The decoded body of the first part of this type ("text/plain", "text/html"), line ends as "\n".
    public static func part(_ type: String, of message: Data) -> String? {
        let text = String(decoding: message, as: UTF8.self)
        guard let header = text.range(of: "Content-Type: \(type)"),
            let bodyStart = text.range(of: "\r\n\r\n", range: header.upperBound..<text.endIndex)
        else { return nil }
        let rest = text[bodyStart.upperBound...]
        let body = rest.prefix { $0 != "-" }.filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: String(body)) else { return nil }
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    public static func plain(_ message: Data) -> String? { part("text/plain", of: message) }
}
