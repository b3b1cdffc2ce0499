import Foundation

/// Reads secret files (an SMTP password, a webhook secret, a bot token): systemd's
/// `$CREDENTIALS_DIRECTORY` first (LoadCredential), then beside the config. Contents are never logged.
public struct Secrets: Sendable {
    public let credentialsDirectory: String?
    public let configFolder: String

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, configFile: String) {
        credentialsDirectory = environment["CREDENTIALS_DIRECTORY"]
        configFolder = (configFile as NSString).deletingLastPathComponent
    }

    /// The secret, its trailing line break removed, and a warning when others may read the file.
    public func read(_ name: String, purpose: String) throws(SecretError) -> (value: String, warning: String?) {
        var candidates: [String] = []
        if name.hasPrefix("/") {
            candidates = [name]
        } else {
            if let credentialsDirectory {
                candidates.append((credentialsDirectory as NSString).appendingPathComponent(name))
            }
            candidates.append(configFolder.isEmpty ? name : (configFolder as NSString).appendingPathComponent(name))
        }
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw SecretError(
                message: "\(purpose): the file \"\(name)\" is not in \(candidates.joined(separator: " nor "))")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw SecretError(message: "\(purpose): \(path) cannot be read")
        }
        let value = text.trimmingCharacters(in: .newlines)
        guard !value.isEmpty else { throw SecretError(message: "\(purpose): \(path) is empty") }
        var warning: String?
        if let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int,
            mode & 0o004 != 0
        {
            warning =
                "\(path) (\(purpose)) can be read by every user on this machine; chmod 600 it, or use LoadCredential"
        }
        return (value, warning)
    }
}

/// A secret that cannot be had; the message names the file, never its content.
public struct SecretError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
