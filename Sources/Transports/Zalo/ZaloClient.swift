import CCurlShim
import CLibCurl
import Foundation

/// Zalo's OA APIs through libcurl: a message POSTed with the access token in its `access_token` header,
/// and a token refresh (OAuth v4, form-encoded, the app's key in the `secret_key` header). What Zalo
/// answers is read by ``ZaloAnswer``; no token or key is ever in a message.
public final class ZaloClient {
    /// A pair of tokens as a refresh gives it.
    public struct Refreshed: Sendable, Equatable {
        public let accessToken: String
        public let refreshToken: String
        /// Seconds the access token lives.
        public let expiresIn: Double
    }

    private var handle: CurlHandle?
    private let control: TransferControl

    public init(control: TransferControl = TransferControl()) {
        self.control = control
    }

    /// POSTs a JSON body with the access token.
    public func send(url: String, accessToken: String, body: [UInt8], timeout: Int) -> ZaloAnswer {
        let (failure, status, answer) = post(
            url, headers: [("Content-Type", "application/json; charset=utf-8"), ("access_token", accessToken)],
            body: body, timeout: timeout)
        return ZaloAnswer.read(transferFailure: failure, status: status, body: answer)
    }

    /// Spends a refresh token for a new pair.
    public func refresh(url: String, appID: String, secretKey: String, refreshToken: String, timeout: Int) -> Result<
        Refreshed, ZaloAnswerFailure
    > {
        var form = URLComponents()
        form.queryItems = [
            URLQueryItem(name: "app_id", value: appID), URLQueryItem(name: "grant_type", value: "refresh_token"),
            URLQueryItem(name: "refresh_token", value: refreshToken),
        ]
        let encoded = (form.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        let (failure, status, answer) = post(
            url, headers: [("Content-Type", "application/x-www-form-urlencoded"), ("secret_key", secretKey)],
            body: Array(encoded.utf8), timeout: timeout)
        if failure == nil, (200..<300).contains(status),
            let object = try? JSONSerialization.jsonObject(with: Data(answer)) as? [String: Any],
            let access = object["access_token"] as? String, let refresh = object["refresh_token"] as? String
        {
            let expires =
                (object["expires_in"] as? String).flatMap(Double.init)
                ?? (object["expires_in"] as? NSNumber)?.doubleValue ?? 90_000
            return .success(Refreshed(accessToken: access, refreshToken: refresh, expiresIn: expires))
        }
        return .failure(
            ZaloAnswerFailure(answer: ZaloAnswer.read(transferFailure: failure, status: status, body: answer)))
    }

    private func post(_ url: String, headers: [(String, String)], body: [UInt8], timeout: Int) -> (
        failure: String?, status: Int, body: [UInt8]
    ) {
        do throws(DeliveryError) {
            let handle = try CurlHandle.reused(&self.handle, control: control)
            let code = try handle.post(
                url, headers: headers.map { "\($0.0): \($0.1)" } + ["User-Agent: nhacviec"], body: body,
                timeout: timeout)
            guard code == CURLE_OK else { return (Curl.describe(code), 0, []) }
            return (nil, handle.responseCode, handle.responseBody)
        } catch {
            return (error.message, 0, [])
        }
    }
}

/// A refresh Zalo refused, or that did not reach it.
public struct ZaloAnswerFailure: Error, Sendable, Equatable {
    public let answer: ZaloAnswer
}
