import Foundation

/// One `serve` per state directory: an exclusive lock on `serve.lock` in it, held for the life of the
/// process (the kernel drops it when the process ends, however it ends). A second service on the same
/// state would send every notification twice.
final class InstanceLock {
    static let fileName = "serve.lock"

    private let descriptor: Int32

    /// - Throws: ``InstanceLockError`` when another process holds the lock, or the file cannot be made.
    init(stateDirectory: String) throws(InstanceLockError) {
        let path = (stateDirectory as NSString).appendingPathComponent(Self.fileName)
        try? FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        // Read-only is enough for flock, and lets a service user use a lock file root made.
        descriptor = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotOpen(path, String(cString: strerror(errno))) }
        // Made by root (serve run by hand): the state folder's owner keeps it, as every file of the state.
        var folder = stat()
        if geteuid() == 0, stat(stateDirectory, &folder) == 0 { _ = fchown(descriptor, folder.st_uid, folder.st_gid) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno
            close(descriptor)
            throw reason == EWOULDBLOCK ? .held(stateDirectory) : .cannotOpen(path, String(cString: strerror(reason)))
        }
    }

    deinit { close(descriptor) }
}

/// Why the service cannot have its state directory to itself.
enum InstanceLockError: Error, CustomStringConvertible {
    case held(String)
    case cannotOpen(String, String)

    var description: String {
        switch self {
        case .held(let directory):
            "another nhacviec serve is running on the state in \(directory) (it holds \(InstanceLock.fileName)); "
                + "two would send every reminder twice: stop the other one first (systemctl status 'nhacviec*')"
        case .cannotOpen(let path, let reason): "cannot lock \(path): \(reason)"
        }
    }
}
