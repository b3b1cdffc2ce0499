import Foundation

/// Runs the built `nhacviec` binary, which `swift build` puts beside the test bundle.
public struct CommandLineRun {
    public let status: Int32
    public let stdout: String
    public let stderr: String

    public static var binary: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("nhacviec")
    }

    public init(_ arguments: String..., environment: [String: String] = [:]) throws {
        try self.init(arguments, environment: environment)
    }

    /// - Parameters:
    ///   - wrapper: a command that runs the binary, given as its last arguments (`unshare …`).
    ///   - directory: the folder it runs in, for a relative `--config`.
    public init(
        _ arguments: [String], environment: [String: String] = [:], wrapper: [String] = [], directory: String? = nil
    ) throws {
        let process = Process()
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let command = wrapper + [Self.binary.path] + arguments
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
    }

    /// Standard output parsed as a JSON object.
    public func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any] ?? [:]
    }
}
