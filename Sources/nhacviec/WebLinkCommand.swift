import App
import ArgumentParser
import Catalogue
import Foundation
import ScheduleSources

/// `nhacviec web-link OFFICIAL`: a one-time sign-in link for the administrator to hand over when mail is
/// down; `--revoke` signs the official out everywhere instead.
struct WebLinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web-link",
        abstract: "Print a one-time sign-in link to the web workspace for an official (docs/web.md).")

    @Argument(help: "The official: an id or any name the config knows.")
    var official: String

    @Flag(help: "Sign the official out of every session instead.")
    var revoke = false

    @OptionGroup var config: ConfigOptions

    func run() async throws {
        let office = try config.office(state: .existing)
        let language = office.language
        guard let web = office.configuration.web else { throw CommandFailure(.webOff, in: language) }
        let id: String
        do {
            id = try NameResolver(directory: office.schedule.directory).official(official)
        } catch {
            throw CommandFailure(.optionName("OFFICIAL", error), in: language)
        }
        do {
            let workspace = try Workspace(office: office)
            if revoke {
                let count = try await workspace.revokeSessions(of: id)
                print(CommandMessage.sessionsRevoked(official: id, count: count).text(language))
            } else {
                print(try await workspace.issueSignInLink(for: id, base: web.linkBase(port: web.port)))
                printError(
                    "nhacviec: "
                        + CommandMessage.linkIssued(official: id, minutes: Int(Workspace.linkLifetime) / 60).text(
                            language))
            }
        } catch {
            throw CommandFailure(.cannotRecord(reason: error.message), in: language)
        }
    }
}
