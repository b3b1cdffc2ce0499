import Foundation

/// Writes each message into a Maildir (`file:///path`): written under `tmp/`, then renamed into `new/`,
/// so a reader never sees half a message. The demo's default, and for offices without a mail server.
public final class MaildirTransport: MailTransport {
    public let directory: String
    private var counter = 0

    /// - Parameter url: `file:///var/lib/nhacviec/maildir`, or a plain path.
    public init(url: String) {
        directory = url.hasPrefix("file://") ? String(url.dropFirst("file://".count)) : url
    }

    /// The folder, or the nearest folder above it that exists (where it will be made), can be written.
    public var isWritable: Bool {
        var path = directory.hasPrefix("/") ? directory : FileManager.default.currentDirectoryPath + "/" + directory
        while !FileManager.default.fileExists(atPath: path), path.count > 1 {
            path = (path as NSString).deletingLastPathComponent
        }
        return access(path, W_OK) == 0
    }

    public func send(
        _ envelopes: [MailEnvelope], each: (Int, Result<DeliveryReceipt, DeliveryError>) throws -> Void
    ) rethrows {
        for (index, envelope) in envelopes.enumerated() { try each(index, write(envelope)) }
    }

    private func write(_ envelope: MailEnvelope) -> Result<DeliveryReceipt, DeliveryError> {
        let manager = FileManager.default
        do {
            for sub in ["tmp", "new", "cur"] {
                try manager.createDirectory(atPath: "\(directory)/\(sub)", withIntermediateDirectories: true)
            }
            counter += 1
            let now = Date().timeIntervalSince1970
            let name = "\(Int(now)).M\(Int(now * 1_000_000) % 1_000_000)P\(getpid())Q\(counter).nhacviec"
            let temporary = "\(directory)/tmp/\(name)"
            guard manager.createFile(atPath: temporary, contents: Data(envelope.message)) else {
                return .failure(DeliveryError(.temporary, "cannot write into the Maildir \(directory)/tmp"))
            }
            try manager.moveItem(atPath: temporary, toPath: "\(directory)/new/\(name)")
            return .success(DeliveryReceipt(answer: "written to \(directory)/new/\(name)"))
        } catch {
            return .failure(
                DeliveryError(.temporary, "cannot write into the Maildir \(directory): \(error.localizedDescription)"))
        }
    }
}
