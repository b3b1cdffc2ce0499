import Crypto
import Foundation
import Model
import WorkingCalendar

/// The link "Báo cáo hoàn thành" in a reminder: it names one task occurrence and one official, is signed
/// with the key kept in the state (HMAC-SHA256), and is valid 30 days; the state takes it once.
public struct ReportLink: Sendable, Equatable {
    public static let lifetime: TimeInterval = 30 * 86_400

    public let task: TaskID
    /// The occurrence of a recurring task; nil for a one-off task (done as a whole).
    public let occurrence: CivilDate?
    public let official: OfficialID
    public let expires: Date

    public init(task: TaskID, occurrence: CivilDate?, official: OfficialID, expires: Date) {
        self.task = task
        self.occurrence = occurrence
        self.official = official
        self.expires = expires
    }

    /// Makes and reads links with one key, under one address.
    public struct Signer: Sendable {
        /// The key's bytes; SymmetricKey itself is not Sendable.
        let keyData: Data
        /// `https://nhacviec.phuong.example`: what the links start with.
        public let base: String

        public init(key: Data, base: String) {
            keyData = key
            self.base = base
        }

        private var key: SymmetricKey { SymmetricKey(data: keyData) }

        public func url(_ link: ReportLink) -> String { "\(base)/bao-cao/\(token(link))" }

        public func token(_ link: ReportLink) -> String {
            let payload = Data(
                [link.task, link.occurrence?.iso ?? "", link.official, String(Int(link.expires.timeIntervalSince1970))]
                    .joined(separator: "\n").utf8)
            let mac = Data(HMAC<SHA256>.authenticationCode(for: payload, using: key))
            return payload.base64URL + "." + mac.base64URL
        }

        /// The link a token names, when its signature is this key's and it has not expired at `now`.
        public func read(_ token: String, now: Date) -> ReportLink? {
            let parts = token.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, let payload = Self.data(parts[0]), let mac = Self.data(parts[1]),
                HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: payload, using: key),
                let fields = String(data: payload, encoding: .utf8)?.split(
                    separator: "\n", omittingEmptySubsequences: false),
                fields.count == 4, let seconds = Double(fields[3])
            else { return nil }
            let occurrence = fields[1].isEmpty ? nil : try? CivilDate.parse(String(fields[1]))
            guard fields[1].isEmpty || occurrence != nil else { return nil }
            let link = ReportLink(
                task: String(fields[0]), occurrence: occurrence, official: String(fields[2]),
                expires: Date(timeIntervalSince1970: seconds))
            return link.expires > now ? link : nil
        }

        /// The bytes of canonical base64url without padding, and only those: another spelling of the same
        /// bytes (padding, other unused low bits in the last character) is no token of ours, so that one link
        /// has one text, and "used" is said of the signed bytes.
        static func data(_ text: Substring) -> Data? {
            var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            while base64.count % 4 != 0 { base64 += "=" }
            guard let data = Data(base64Encoded: base64), data.base64URL == text else { return nil }
            return data
        }
    }
}

extension Data {
    /// Base64url without padding (RFC 4648 §5): what a token in a URL is written in.
    public var base64URL: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
