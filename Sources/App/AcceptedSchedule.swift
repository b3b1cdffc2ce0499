import Catalogue
import Crypto
import Foundation
import Model
import ScheduleSources

/// The last version of the config and its plans that loaded without an error, kept by the service in its
/// state folder (`accepted/`, each file under its absolute path), so that a broken edit found at a
/// restart never stops the reminders: the service serves this copy and tells of the errors.
public struct AcceptedSchedule: Sendable {
    /// `accepted/` in the state folder.
    public let folder: String

    public init(stateDirectory: String) {
        folder = (stateDirectory as NSString).appendingPathComponent("accepted")
    }

    /// When the kept version was accepted, or nil when none is kept.
    public var acceptedAt: Date? {
        (try? FileManager.default.attributesOfItem(atPath: marker))?[.modificationDate] as? Date
    }

    private var marker: String { (folder as NSString).appendingPathComponent(".accepted") }

    /// Keeps the files of `office`'s version (the config, its plans, its templates) in place of the last
    /// kept ones: copied into a new folder, which then replaces the old one whole.
    public func keep(_ office: Office) throws {
        let manager = FileManager.default
        let fresh = folder + ".new"
        let old = folder + ".old"
        try? manager.removeItem(atPath: fresh)
        try? manager.removeItem(atPath: old)
        for file in office.configuration.files {
            let copy = ScheduleLoader.copyPath(of: file, in: fresh)
            try manager.createDirectory(
                atPath: (copy as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try manager.copyItem(atPath: file, toPath: copy)
        }
        try Data().write(to: URL(fileURLWithPath: (fresh as NSString).appendingPathComponent(".accepted")))
        if manager.fileExists(atPath: folder) { try manager.moveItem(atPath: folder, toPath: old) }
        try manager.moveItem(atPath: fresh, toPath: folder)
        try? manager.removeItem(atPath: old)
    }
}

/// A version of the config or its plans that the service refused, with every error in it.
public struct RejectedSchedule: Sendable {
    public let errors: Diagnostics
    /// When the version the service serves instead was accepted.
    public let servingSince: Date?
    /// The language its errors are shown in: the one the broken version asks for, else the served one's.
    public let language: Language

    public init(errors: Diagnostics, servingSince: Date?, servedLanguage: Language) {
        self.errors = errors
        self.servingSince = servingSince
        language = errors.language ?? servedLanguage
    }

    /// The same for the same errors (the first 16 hex digits of their SHA-256): the clerk is told once
    /// of each broken version.
    public var version: String {
        SHA256.hash(data: Array(errors.text(.en).utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}
