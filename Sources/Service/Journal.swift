import Foundation

/// One line per event on standard error; under systemd (`$JOURNAL_STREAM` set) each line starts with
/// its journald priority, `<3>` error, `<4>` warning, `<6>` info. Callers never pass secrets.
public struct Journal: Sendable {
    private let priorities: Bool

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        priorities = environment["JOURNAL_STREAM"] != nil
    }

    public func info(_ message: String) { write(6, message) }
    public func warning(_ message: String) { write(4, message) }
    public func error(_ message: String) { write(3, message) }

    private func write(_ priority: Int, _ message: String) {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        let text = lines.map { priorities ? "<\(priority)>\($0)" : String($0) }.joined(separator: "\n") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}
