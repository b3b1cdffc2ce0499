import Foundation
import Testing
import Transports

@Suite("Zalo's answers (docs/delivery.md, \"Zalo\"): each error number as what is done about it")
struct ZaloAnswerTests {
    enum Expected: Sendable { case sent, temporary, refresh, permanent, authorize, quota }

    static func zalo(_ error: Int, _ message: String = "") -> [UInt8] {
        Array("{\"error\": \(error), \"message\": \"\(message)\"}".utf8)
    }

    static let rows: [(String, String?, Int, [UInt8], Expected)] = [
        ("sent", nil, 200, Array(#"{"error": 0, "message": "Success", "data": {"message_id": "m1"}}"#.utf8), .sent),
        ("no connection", "Couldn't connect to server", 0, [], .temporary),
        ("HTTP 502", nil, 502, Array("<html>Bad gateway</html>".utf8), .temporary),
        ("a body that is not JSON", nil, 200, Array("<html>maintenance</html>".utf8), .temporary),
        ("-32 call limit", nil, 200, zalo(-32), .temporary),
        ("ZNS -100", nil, 200, zalo(-100), .temporary),
        ("HTTP 401", nil, 401, [], .refresh),
        ("-216 invalid access token", nil, 200, zalo(-216), .refresh),
        ("-220 expired access token", nil, 200, zalo(-220), .refresh),
        ("-14020 refresh token used or invalid", nil, 200, zalo(-14020), .authorize),
        ("-224 OA tier", nil, 200, zalo(-224), .permanent),
        ("-211 out of quota: kept for the next day's", nil, 200, zalo(-211), .quota),
        ("-213", nil, 200, zalo(-213), .permanent),
        ("-227", nil, 200, zalo(-227), .permanent),
        ("-237 group expired", nil, 200, zalo(-237), .permanent),
        ("-403 OA not in the group", nil, 200, zalo(-403), .permanent),
        ("ZNS -108 phone", nil, 200, zalo(-108), .permanent),
        ("ZNS -109 template", nil, 200, zalo(-109), .permanent),
        ("ZNS -111 template data", nil, 200, zalo(-111), .permanent),
        ("ZNS -112 template data", nil, 200, zalo(-112), .permanent),
        ("an error Zalo has not documented", nil, 200, zalo(-999, "new"), .permanent),
    ]

    @Test("Each row of the error table", arguments: rows.indices)
    func row(_ index: Int) {
        let (name, failure, status, body, expected) = Self.rows[index]
        let answer = ZaloAnswer.read(transferFailure: failure, status: status, body: body)
        switch (answer, expected) {
        case (.sent, .sent), (.temporary, .temporary), (.refreshToken, .refresh), (.quotaUsedUp, .quota),
            (.permanent(_, authorizeAgain: false), .permanent), (.permanent(_, authorizeAgain: true), .authorize):
            break
        default:
            Issue.record("\(name): \(answer), expected \(expected)")
        }
    }

    @Test(
        "A sent message's id and the quota left are read, as ZNS writes them (strings) or as numbers; a refusal names the error and what it means"
    )
    func details() {
        let sent = ZaloAnswer.read(
            transferFailure: nil, status: 200,
            body: Array(#"{"error": 0, "data": {"msg_id": "z9", "quota": {"remainingQuota": 41}}}"#.utf8))
        #expect(sent == .sent(messageID: "z9", quota: .init(remaining: 41, daily: nil)))
        let zns = ZaloAnswer.read(
            transferFailure: nil, status: 200,
            body: Array(
                #"{"error": 0, "data": {"msg_id": "z8", "quota": {"dailyQuota": "500", "remainingQuota": "499"}}}"#.utf8
            ))
        #expect(zns == .sent(messageID: "z8", quota: .init(remaining: 499, daily: 500)))
        let group = ZaloAnswer.read(
            transferFailure: nil, status: 200, body: Array(#"{"error": 0, "data": {"message_id": "g1"}}"#.utf8))
        #expect(group == .sent(messageID: "g1", quota: nil))
        let refused = ZaloAnswer.read(transferFailure: nil, status: 200, body: Self.zalo(-237, "Group expired"))
        #expect(refused == .permanent("Zalo error -237 (Group expired): the group has expired", authorizeAgain: false))
    }
}
