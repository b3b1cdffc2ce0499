import Foundation

/// One `serve` per state directory: an exclusive lock on `serve.lock` in it, held for the life of the
/// process (the kernel drops it when the process ends, however it ends). A second service on the same
/// state would send every notification twice.
final class InstanceLock: Sendable {
    static let fileName = "serve.lock"

    private let descriptor: Int32

    /// - Throws: ``InstanceLockError`` when another process holds the lock, or the file cannot be made.
    init(stateDirectory: String) throws(InstanceLockError) {
        let path = (stateDirectory as NSString).appendingPathComponent(Self.fileName)
        // Read-only is enough for flock. Made once the state is open, so as the state folder's owner.
        descriptor = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotOpen(path, String(cString: strerror(errno))) }
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
