import Foundation

/// The state belongs to the service's user (`nhacviec`, from sysusers.d). The command line run by root
/// on an installed machine works as that user before it opens the state, so that every file SQLite makes
/// beside the database (`-wal`, `-shm`) stays the service's to open: a root-owned one would lock the
/// service out of its own state.
enum StateOwner {
    /// Becomes the owner of `directory` when running as root and the directory is someone else's.
    /// The switch is for the rest of the process: the command line has no more need of root.
    static func adopt(_ directory: String) throws(OfficeError) {
        guard geteuid() == 0 else { return }
        var info = stat()
        guard stat(directory, &info) == 0, info.st_uid != 0 else { return }
        guard setgroups(0, nil) == 0, setgid(info.st_gid) == 0, setuid(info.st_uid) == 0 else {
            throw .state(
                directory: directory, .cannotActAsOwner(uid: info.st_uid, reason: String(cString: strerror(errno))))
        }
    }

    /// Runs `body` as the owner of `directory` and comes back: for `check`, which reads the plan versions
    /// applied in the state but stays root for the rest, to see the credentials as the service manager does.
    static func asOwner<Value>(_ directory: String, _ body: () throws(OfficeError) -> Value) throws(OfficeError)
        -> Value
    {
        var info = stat()
        guard geteuid() == 0, stat(directory, &info) == 0, info.st_uid != 0 else { return try body() }
        guard setegid(info.st_gid) == 0, seteuid(info.st_uid) == 0 else {
            throw .state(
                directory: directory, .cannotActAsOwner(uid: info.st_uid, reason: String(cString: strerror(errno))))
        }
        defer {
            _ = seteuid(0)
            _ = setegid(0)
        }
        return try body()
    }
}
