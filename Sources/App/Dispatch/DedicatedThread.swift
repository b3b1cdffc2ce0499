import NIOCore
import NIOPosix

/// A thread of its own for work that blocks (a transfer through libcurl, which may wait minutes on a silent
/// server): an event loop of NIO with nothing else on it, as the executor of an actor or the loop a value is
/// bound to. What runs there holds up no page and no other lane, and needs no thread of Swift's pool.
final class DedicatedThread: Sendable {
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let loop: any EventLoop

    init() { loop = group.next() }

    var executor: UnownedSerialExecutor { loop.executor.asUnownedSerialExecutor() }

    deinit { group.shutdownGracefully { _ in } }
}
