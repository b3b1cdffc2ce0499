import Catalogue
import Foundation

/// Reads secret files (an SMTP password, a webhook secret, a bot token) where systemd and the
/// administrator put them. Contents are never logged.
///
/// A secret the config names `smtp-password` is looked for, in order:
/// 1. `$CREDENTIALS_DIRECTORY/nhacviec_smtp-password`: the unit's `LoadCredential=nhacviec:FOLDER`
///    loads a folder, and systemd names each of its files after the credential id, `nhacviec_`, and
///    the file's name (systemd.exec(5));
/// 2. `$CREDENTIALS_DIRECTORY/smtp-password`: a single-file `LoadCredential=smtp-password:PATH`;
/// 3. `credentials/smtp-password` beside the config: the folder the unit loads, read directly by the
///    command line (`send-test`, `check`) run by the administrator;
/// 4. `smtp-password` beside the config.
///
/// An absolute name is that file alone.
public struct Secrets: Sendable {
    /// The id of the unit's `LoadCredential=` for the credentials folder.
    public static let credentialID = "nhacviec"

    public let credentialsDirectory: String?
    public let configFolder: String

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, configFile: String) {
        credentialsDirectory = environment["CREDENTIALS_DIRECTORY"]
        configFolder = (configFile as NSString).deletingLastPathComponent
    }

    /// Every place the secret `name` is looked for, in order.
    public func places(of name: String) -> [String] {
        if name.hasPrefix("/") { return [name] }
        func beside(_ path: String) -> String {
            configFolder.isEmpty ? path : (configFolder as NSString).appendingPathComponent(path)
        }
        var places: [String] = []
        if let credentialsDirectory {
            let folder = credentialsDirectory as NSString
            places.append(folder.appendingPathComponent("\(Self.credentialID)_\(name)"))
            places.append(folder.appendingPathComponent(name))
        }
        places.append(beside("credentials/" + name))
        places.append(beside(name))
        return places
    }

    /// The first of ``places(of:)`` that holds a file, if any.
    public func location(of name: String) -> String? {
        places(of: name).first { FileManager.default.fileExists(atPath: $0) }
    }

    /// The secret, its trailing line break removed, and a warning when others may read the file.
    public func read(_ name: String, purpose: String) throws(SecretError) -> (value: String, warning: CommandMessage?) {
        guard let path = location(of: name) else {
            throw SecretError(.secretMissing(purpose: purpose, name: name, places: places(of: name)))
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw SecretError(.secretUnreadable(purpose: purpose, path: path))
        }
        let value = text.trimmingCharacters(in: .newlines)
        guard !value.isEmpty else { throw SecretError(.secretEmpty(purpose: purpose, path: path)) }
        var warning: CommandMessage?
        if let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int,
            mode & 0o004 != 0
        {
            warning = CommandMessage.secretReadableByAll(purpose: purpose, path: path)
        }
        return (value, warning)
    }
}

/// A secret that cannot be had; the message names the file, never its content.
public struct SecretError: Error, Sendable, CustomStringConvertible {
    public let message: CommandMessage

    init(_ message: CommandMessage) { self.message = message }

    public func text(_ language: Language) -> String { message.text(language) }

    /// In English, for the journal.
    public var description: String { text(.en) }
}
