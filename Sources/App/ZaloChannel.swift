import Foundation
import Outbox
import ScheduleSources
import Transports

/// A Zalo webhook's sends, to a group of the OA or by ZNS, with the OA's tokens kept in the state
/// (``ZaloTokens``): the access token is refreshed a little before it expires, and once more when Zalo
/// refuses it; the new pair is committed before it is used. A refresh holds a lock file in the state
/// folder, so that the service and the command line never spend the same refresh token twice. What ZNS
/// says of its daily quota is kept (``ZaloQuota``); once used up, nothing is sent until the next day.
final class ZaloChannel: @unchecked Sendable {
    private let settings: WebhookSettings
    private let zalo: ZaloSettings
    private let secretKey: String
    private let tokens: ZaloTokens?
    private let quota: ZaloQuota?
    private let client: ZaloClient
    private let lockFile: String
    private let lock = NSLock()

    /// An access token this close to its end is refreshed first.
    static let margin: Double = 600

    init(
        settings: WebhookSettings, zalo: ZaloSettings, secretKey: String, state: StateDatabase?, stateDirectory: String,
        control: TransferControl
    ) {
        self.settings = settings
        self.zalo = zalo
        self.secretKey = secretKey
        tokens = state.map(ZaloTokens.init)
        quota = state.map(ZaloQuota.init)
        client = ZaloClient(control: control)
        // One lock per pair of tokens: a webhook that borrows another's tokens takes the lender's.
        lockFile = (stateDirectory as NSString).appendingPathComponent("zalo-\(zalo.tokens).lock")
    }

    /// Where its messages are POSTed.
    private var endpoint: String {
        switch zalo.target {
        case .group: settings.url + "/v3.0/oa/group/message"
        case .zns: settings.url + "/message/template"
        }
    }

    func send(_ body: [UInt8], now: Date) -> Result<DeliveryReceipt, DeliveryError> {
        lock.withLock {
            let url = endpoint
            if (try? quota?.standing(of: settings.name))??.usedUp(now: now) == true {
                return .failure(
                    DeliveryError(
                        .temporary, "the ZNS quota of \(settings.name) is used up for today", quotaUsedUp: true))
            }
            var pair: ZaloTokens.Pair
            var refreshed = false
            switch current() {
            case .success(let kept): pair = kept
            case .failure(let error): return .failure(error)
            }
            if pair.accessToken.isEmpty || pair.accessExpiresAt - Self.margin <= now.timeIntervalSince1970 {
                switch refresh(pair, now: now) {
                case .success(let fresh): (pair, refreshed) = (fresh, true)
                case .failure(let error): return .failure(error)
                }
            }
            var answer = client.send(url: url, accessToken: pair.accessToken, body: body, timeout: settings.timeout)
            if case .refreshToken = answer, !refreshed {
                switch refresh(pair, now: now) {
                case .success(let fresh): pair = fresh
                case .failure(let error): return .failure(error)
                }
                answer = client.send(url: url, accessToken: pair.accessToken, body: body, timeout: settings.timeout)
            }
            switch answer {
            case .sent(let id, let left):
                if let left {
                    try? quota?.record(
                        settings.name, remaining: left.remaining, daily: left.daily, at: now.timeIntervalSince1970)
                }
                return .success(DeliveryReceipt(answer: "Zalo message \(id ?? "sent")"))
            case .quotaUsedUp(let said):
                try? quota?.record(settings.name, remaining: 0, daily: nil, at: now.timeIntervalSince1970)
                return .failure(DeliveryError(.temporary, said, quotaUsedUp: true))
            case .temporary(let said): return .failure(DeliveryError(.temporary, said))
            case .refreshToken(let said):
                return .failure(DeliveryError(.permanent, "\(said), even with a token just refreshed"))
            case .permanent(let said, _): return .failure(DeliveryError(.permanent, said))
            }
        }
    }

    private func current() -> Result<ZaloTokens.Pair, DeliveryError> {
        do {
            guard let standing = try tokens?.standing(of: zalo.tokens) else {
                return .failure(
                    DeliveryError(
                        .temporary,
                        "no Zalo token for webhook \(zalo.tokens) yet: nhacviec zalo-token \(zalo.tokens) --refresh-token FILE"
                    ))
            }
            if let refusal = standing.refusal {
                return .failure(DeliveryError(.permanent, "token refresh: \(refusal)"))
            }
            return .success(standing.pair)
        } catch {
            return .failure(DeliveryError(.temporary, "state database: \(error)"))
        }
    }

    /// Spends the kept refresh token under the lock file; when another process refreshed first, its pair
    /// (now the one kept) is used instead.
    private func refresh(_ pair: ZaloTokens.Pair, now: Date) -> Result<ZaloTokens.Pair, DeliveryError> {
        let descriptor = open(lockFile, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            return .failure(DeliveryError(.temporary, "cannot open \(lockFile): \(String(cString: strerror(errno)))"))
        }
        defer { close(descriptor) }
        flock(descriptor, LOCK_EX)
        defer { flock(descriptor, LOCK_UN) }
        let kept: ZaloTokens.Pair
        switch current() {
        case .success(let pair): kept = pair
        case .failure(let error): return .failure(error)
        }
        if kept.refreshToken != pair.refreshToken { return .success(kept) }
        switch client.refresh(
            url: zalo.oauthURL + "/v4/oa/access_token", appID: zalo.appID, secretKey: secretKey,
            refreshToken: kept.refreshToken, timeout: settings.timeout)
        {
        case .success(let refreshed):
            let at = now.timeIntervalSince1970
            let fresh = ZaloTokens.Pair(
                accessToken: refreshed.accessToken, refreshToken: refreshed.refreshToken,
                accessExpiresAt: at + refreshed.expiresIn, refreshExpiresAt: at + ZaloTokens.refreshLifetime)
            do {
                guard try tokens?.replace(zalo.tokens, spent: kept.refreshToken, with: fresh, at: at) == true else {
                    return .failure(DeliveryError(.temporary, "the Zalo tokens of \(zalo.tokens) changed meanwhile"))
                }
            } catch {
                return .failure(DeliveryError(.temporary, "state database: \(error)"))
            }
            return .success(fresh)
        case .failure(let failure):
            switch failure.answer {
            case .permanent(let said, let authorizeAgain):
                if authorizeAgain { try? tokens?.refuse(zalo.tokens, reason: said, at: now.timeIntervalSince1970) }
                return .failure(DeliveryError(.permanent, "token refresh: \(said)"))
            case .temporary(let said), .refreshToken(let said):
                return .failure(DeliveryError(.temporary, "token refresh: \(said)"))
            case .sent, .quotaUsedUp:
                return .failure(DeliveryError(.temporary, "token refresh: no token in Zalo's answer"))
            }
        }
    }
}
