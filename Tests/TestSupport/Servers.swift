import Foundation

/// The folder of the test servers' scripts.
public let supportFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Support").path
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// A temporary folder, removed with the value.
public final class TemporaryFolder {
    public let path: String

    public init() throws {
        path = NSTemporaryDirectory() + "nhacviec-delivery-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    public func files(in sub: String, withExtension ext: String) -> [String] {
        let folder = file(sub)
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(ext) }
            .sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
    }
}

/// A server the test starts: Debian's Python runs one of Tests/Support, which prints the port it bound.
public final class TestServer {
    public let process = Process()
    public let port: Int

    public init(script: String, arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [(supportFolder as NSString).appendingPathComponent(script)] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line = [UInt8]()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            guard let first = byte.first else { break }
            if first == UInt8(ascii: "\n") { break }
            line.append(first)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else {
            process.terminate()
            throw TestServerError(message: "\(script) did not start: \(text)")
        }
        self.port = port
    }

    deinit {
        // SIGKILL: a child started by Process may have SIGTERM blocked.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

public struct TestServerError: Error {
    public let message: String
}

/// Runs a command and returns its standard output; fails the test when it fails.
@discardableResult
public func run(_ executable: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw TestServerError(
            message: "\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
    }
    return String(decoding: data, as: UTF8.self)
}

/// Runs a command to its end: its exit status, and what it wrote to standard output and error together.
public func runCapturing(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, said)
}

/// A self-signed certificate for 127.0.0.1 and localhost, made by openssl for this test.
public func selfSignedCertificate(in folder: TemporaryFolder) throws -> (cert: String, key: String) {
    let cert = folder.file("cert.pem")
    let key = folder.file("key.pem")
    try run(
        "/usr/bin/openssl",
        [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj",
            "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ])
    return (cert, key)
}

/// A received message, parsed by Python's email package and icalendar (Tests/Support/parse_mail.py).
public func parseMail(_ path: String) throws -> [String: Any] {
    let json = try run("/usr/bin/python3", [(supportFolder as NSString).appendingPathComponent("parse_mail.py"), path])
    return try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
}

/// A port on 127.0.0.1 with nothing listening: bound, then released.
public func closedPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// An aiosmtpd server storing into `folder/mail`; with `tls`, STARTTLS (or TLS from the start with
/// `implicit`) on a certificate made for the test, returned for the client to trust.
public func smtpServer(
    in folder: TemporaryFolder, tls: Bool = false, implicit: Bool = false, auth: String? = nil, extra: [String] = []
) throws -> (server: TestServer, certificate: String?) {
    var arguments = ["--store", folder.file("mail")] + extra
    var certificate: String?
    if tls {
        let (cert, key) = try selfSignedCertificate(in: folder)
        arguments += ["--cert", cert, "--key", key] + (implicit ? ["--implicit"] : [])
        certificate = cert
    }
    if let auth { arguments += ["--auth", auth] }
    return (try TestServer(script: "smtp_server.py", arguments: arguments), certificate)
}
