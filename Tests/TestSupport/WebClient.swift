import Foundation

/// An HTTP client for the web workspace's tests below the browser: Debian's curl, one cookie jar per
/// client (one person's browser), redirects not followed, so each answer is seen as the server gave it.
public final class WebClient: Sendable {
    public struct Answer {
        public let status: Int
        public let headers: [String: String]
        public let body: String

        /// The page's text without its tags, spaces folded: what a person reads.
        public var text: String {
            body.replacingOccurrences(of: "<style>[\\s\\S]*?</style>", with: " ", options: .regularExpression)
                .replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
                .replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
        }

        /// The value of a hidden field, `csrf` say.
        public func field(_ name: String) -> String? {
            guard let range = body.range(of: "name=\"\(name)\" value=\"([^\"]*)\"", options: .regularExpression)
            else { return nil }
            return String(body[range].split(separator: "\"")[3])
        }
    }

    public let base: String
    private let jar: String

    public init(base: String, folder: String) {
        self.base = base
        jar = (folder as NSString).appendingPathComponent("cookies-\(UUID().uuidString)")
    }

    public func get(_ path: String, headers: [String: String] = [:]) throws -> Answer {
        try curl(path, extra: headers.flatMap { ["-H", "\($0.key): \($0.value)"] })
    }

    /// A form posted as a browser posts it (`application/x-www-form-urlencoded`).
    public func post(_ path: String, form: [String: String], headers: [String: String] = [:]) throws -> Answer {
        var extra = headers.flatMap { ["-H", "\($0.key): \($0.value)"] }
        for (name, value) in form.sorted(by: { $0.key < $1.key }) { extra += ["--data-urlencode", "\(name)=\(value)"] }
        if form.isEmpty { extra += ["--data", ""] }
        return try curl(path, extra: extra)
    }

    /// A form with a file, as a browser posts it (`multipart/form-data`).
    public func upload(_ path: String, fields: [String: String], file: (name: String, path: String)) throws -> Answer {
        var extra: [String] = []
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) { extra += ["--form-string", "\(name)=\(value)"] }
        extra += ["-F", "\(file.name)=@\(file.path)"]
        return try curl(path, extra: extra)
    }

    /// The body of a GET written to a file, and the answer's status.
    public func download(_ path: String, to file: String) throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = [
            "-s", "--max-time", "20", "-b", jar, "-c", jar, "-o", file, "-w", "%{http_code}",
            path.hasPrefix("http") ? path : base + path,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Int(String(decoding: data, as: UTF8.self)) ?? 0
    }

    /// The cookies this client holds, as curl's jar has them.
    public var cookies: String { (try? String(contentsOfFile: jar, encoding: .utf8)) ?? "" }

    private func curl(_ path: String, extra: [String]) throws -> Answer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        let url = path.hasPrefix("http") ? path : base + path
        process.arguments = ["-s", "-i", "--max-time", "20", "-b", jar, "-c", jar] + extra + [url]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return Answer(status: 0, headers: [:], body: text) }
        let head = text[..<split.lowerBound].split(separator: "\r\n")
        let status = head.first.flatMap { Int($0.split(separator: " ")[1]) } ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { $0 + "\n" + value } ?? value
        }
        return Answer(status: status, headers: headers, body: String(text[split.upperBound...]))
    }
}
