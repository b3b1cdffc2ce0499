import Foundation
import Model
import TOML

/// Reads a TOML file, reporting a missing file, text that is not UTF-8 or a syntax error with its line.
enum TOMLFile {
    static func read(_ path: String, listedAt: SourceLocation? = nil, log: DiagnosticLog) -> TOMLTable? {
        guard let text = TextFile.read(path, listedAt: listedAt, log: log) else { return nil }
        do {
            return try TOMLParser.parse(text)
        } catch {
            log.add(SourceLocation(file: path, line: error.line), error.message, hint: "column \(error.column)")
            return nil
        }
    }
}

/// Reads a UTF-8 text file, or says why it cannot.
enum TextFile {
    static func read(_ path: String, listedAt: SourceLocation? = nil, log: DiagnosticLog) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let reason =
                !exists ? "no such file" : isDirectory.boolValue ? "it is a folder" : "it cannot be read (permissions?)"
            if let listedAt {
                log.add(listedAt, "cannot read \(path): \(reason)")
            } else {
                log.add(SourceLocation(file: path), "cannot read the file: \(reason)")
            }
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            log.add(SourceLocation(file: path), "the file is not UTF-8 text", hint: "save it as UTF-8")
            return nil
        }
        return text
    }
}
