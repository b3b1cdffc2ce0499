import App
import ArgumentParser
import Catalogue
import Foundation
import Outbox

/// `nhacviec zalo-token WEBHOOK --refresh-token FILE`: the first refresh token of a Zalo webhook's OA,
/// from the administrator (Zalo's developer page), kept in the service's state; the next send spends it
/// for the first pair. The token is read from a file (a credential) and never printed.
struct ZaloTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zalo-token",
        abstract: "Keep the first refresh token of a Zalo webhook's Official Account (docs/delivery.md).")

    @Argument(help: "The Zalo webhook's name in the config.")
    var webhook: String

    @Option(help: "The file that holds the refresh token.")
    var refreshToken: String

    @OptionGroup var config: ConfigOptions

    func run() throws {
        // Read first, as the one who runs the command (root, for a file only root reads): opening the state
        // then works as the service's user for the rest of the process.
        let data = FileManager.default.contents(atPath: refreshToken)
        let office = try config.office(state: .existing)
        let language = office.language
        let zalo = office.configuration.webhooks.filter { $0.zalo != nil }.map(\.name)
        guard zalo.contains(webhook) else {
            throw CommandFailure(.noZaloWebhook(webhook, configured: zalo), in: language)
        }
        guard let data else {
            throw CommandFailure(.secretUnreadable(purpose: "--refresh-token", path: refreshToken), in: language)
        }
        guard let token = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
            !token.isEmpty
        else {
            throw CommandFailure(.secretEmpty(purpose: "--refresh-token", path: refreshToken), in: language)
        }
        do {
            try ZaloTokens(database: try office.requiredState()).authorize(
                webhook, refreshToken: token, at: office.clock.now().timeIntervalSince1970)
        } catch {
            throw CommandFailure(.cannotRecord(reason: "\(error)"), in: language)
        }
        print(CommandMessage.zaloAuthorized(webhook: webhook).text(language))
    }
}
