import Foundation

/// What an answer of Zalo's APIs means (docs/delivery.md, "Zalo"). Zalo answers HTTP 200 with `error`
/// set when it refuses; the number says whether to wait, to refresh the access token once and try again,
/// or to give up and tell the clerk.
public enum ZaloAnswer: Equatable, Sendable {
    /// Sent: Zalo's id of the message, and the quota when it says (ZNS).
    case sent(messageID: String?, quota: Quota?)
    /// The OA's quota is used up for today: this message, and the rest, wait for tomorrow's.
    case quotaUsedUp(String)
    /// The access token was refused: refresh it once, then send again.
    case refreshToken(String)
    /// Try again later: the network, a 5xx, a body that is not JSON, a call limit.
    case temporary(String)
    /// For good; the clerk is told. `authorizeAgain`: the refresh token is dead, the administrator must
    /// authorize the OA again.
    case permanent(String, authorizeAgain: Bool)

    /// Zalo's error numbers, what each means and what is done about it.
    public static let errors: [Int: (meaning: String, answer: Kind)] = [
        -32: ("the OA's call limit is reached", .temporary),
        -100: ("ZNS is busy (-100)", .temporary),
        -216: ("the access token is invalid", .refresh),
        -220: ("the access token has expired", .refresh),
        -14020: ("the refresh token is invalid or used: authorize the OA again (nhacviec zalo-token)", .authorize),
        -224: ("the OA's tier does not allow this API", .permanent),
        -211: ("the OA's quota is used up for today", .quota),
        -213: ("the user has not followed the OA or blocked it", .permanent),
        -227: ("the user is blocked or inactive", .permanent),
        -237: ("the group has expired", .permanent),
        -403: ("the OA is not in the group", .permanent),
        -108: ("the phone number is not valid for ZNS", .permanent),
        -109: ("the ZNS template does not exist or is not approved", .permanent),
        -111: ("the ZNS template data is empty", .permanent),
        -112: ("the ZNS template data does not match the template", .permanent),
    ]

    public enum Kind: Sendable {
        case temporary, refresh, permanent, authorize, quota
    }

    /// ZNS's daily quota as an answer tells it: the messages left today, of the day's allowance.
    public struct Quota: Equatable, Sendable {
        public let remaining: Int
        public let daily: Int?

        public init(remaining: Int, daily: Int?) {
            self.remaining = remaining
            self.daily = daily
        }
    }

    /// Reads an answer: the transfer's result (nil when it completed), the HTTP status and the body.
    public static func read(transferFailure: String?, status: Int, body: [UInt8]) -> ZaloAnswer {
        if let transferFailure { return .temporary("cannot reach Zalo: \(transferFailure)") }
        if status == 401 { return .refreshToken("Zalo answered HTTP 401") }
        if (500..<600).contains(status) { return .temporary("Zalo answered HTTP \(status)") }
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            return .temporary("Zalo answered HTTP \(status) with a body that is not JSON")
        }
        let code = (object["error"] as? NSNumber)?.intValue ?? 0
        let said = (object["message"] as? String) ?? (object["error_name"] as? String) ?? ""
        guard code != 0 else {
            guard (200..<300).contains(status) else {
                return .permanent("Zalo answered HTTP \(status)", authorizeAgain: false)
            }
            let data = object["data"] as? [String: Any]
            let id = (data?["message_id"] ?? data?["msg_id"]).map { "\($0)" }
            let quota = data?["quota"] as? [String: Any]
            // ZNS writes its numbers as strings ("remainingQuota": "499"); take a number as well.
            func number(_ key: String) -> Int? {
                (quota?[key] as? NSNumber)?.intValue ?? (quota?[key] as? String).flatMap { Int($0) }
            }
            return .sent(
                messageID: id, quota: number("remainingQuota").map { Quota(remaining: $0, daily: number("dailyQuota")) }
            )
        }
        let text = "Zalo error \(code)" + (said.isEmpty ? "" : " (\(said))")
        switch errors[code]?.answer {
        case .temporary: return .temporary("\(text): \(errors[code]!.meaning)")
        case .refresh: return .refreshToken("\(text): \(errors[code]!.meaning)")
        case .authorize: return .permanent("\(text): \(errors[code]!.meaning)", authorizeAgain: true)
        case .permanent: return .permanent("\(text): \(errors[code]!.meaning)", authorizeAgain: false)
        case .quota: return .quotaUsedUp("\(text): \(errors[code]!.meaning)")
        case nil: return .permanent(text, authorizeAgain: false)
        }
    }
}
