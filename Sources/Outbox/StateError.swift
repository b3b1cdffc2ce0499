/// A state database holding what this version cannot read: a row a newer version wrote, or a damaged file.
public struct StateError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }

    init(_ message: String) { self.message = message }

    /// A database that cannot be trusted, and how to put a good one back.
    static func damaged(_ path: String, _ fault: String) -> StateError {
        StateError(
            "the state database \(path) is damaged (\(fault)); nhacviec will not write into it. Restore the last "
                + "backup (docs/service.md, \"Backups and restore\"): stop the service, copy the backup to \(path) with no "
                + "-wal or -shm file beside it, and start it again")
    }
}
