import App
import Foundation
import ServiceLifecycle
import Synchronization

/// SIGTERM, SIGINT and SIGHUP from the first instant of `serve`: until the service group takes them (its
/// signal sources are registered a moment after it starts), a signal would kill the process with its
/// default action. ``catchEarly()`` notes them instead, and ``Handover``, a service of the group, acts on
/// what it noted — a stop ends the group gracefully, a SIGHUP reloads — until the group has them all.
public enum EarlySignals {
    /// Bits of the signals noted: 1 stop, 2 reload.
    fileprivate static let noted = Atomic<UInt8>(0)
    fileprivate static let signals = [SIGTERM, SIGINT, SIGHUP]

    /// Notes the signals instead of dying of them; call first thing.
    public static func catchEarly() {
        _ = noted.load(ordering: .relaxed)
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = note
            action.sa_flags = SA_RESTART
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }

    /// A signal handler: an atomic store, nothing else.
    private static let note: @convention(c) (Int32) -> Void = { signal in
        noted.bitwiseOr(signal == SIGHUP ? 2 : 1, ordering: .relaxed)
    }

    /// Whether the handler of every signal is still ours.
    fileprivate static var anyStillOurs: Bool {
        signals.contains { signal in
            var current = sigaction()
            sigaction(signal, nil, &current)
            return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self)
                == unsafeBitCast(note, to: Int.self)
        }
    }

    /// Acts on the signals noted before the group took them: returns (and so ends the group gracefully) for
    /// a stop; rings `reload` for a SIGHUP. Once the group has every signal, waits for its shutdown.
    struct Handover: Service {
        let reload: Bell

        func run() async throws {
            while !Task.isCancelled {
                let bits = noted.exchange(0, ordering: .relaxed)
                if bits & 1 != 0 { return }
                if bits & 2 != 0 { reload.ring() }
                guard anyStillOurs else { break }
                try? await Task.sleep(for: .milliseconds(50))
            }
            try? await gracefulShutdown()
        }
    }
}
