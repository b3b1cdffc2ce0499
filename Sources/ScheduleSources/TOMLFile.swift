import Catalogue
import Foundation
import Model
import TOML

/// Reads a TOML file, reporting a missing file, text that is not UTF-8 or a syntax error with its line.
enum TOMLFile {
    static func read(_ path: String, listedAt: SourceLocation? = nil, log: DiagnosticLog) -> TOMLTable? {
        // The byte order mark is left for the parser, which takes one only at the very start.
        guard let text = TextFile.read(path, listedAt: listedAt, keepingByteOrderMark: true, log: log) else {
            return nil
        }
        do {
            return try TOMLParser.parse(text)
        } catch {
            log.add(SourceLocation(file: path, line: error.line), .toml(error.problem), hint: .atColumn(error.column))
            return nil
        }
    }
}

/// Reads a UTF-8 text file, or says why it cannot.
enum TextFile {
    /// - Parameter keepingByteOrderMark: leave a leading U+FEFF in the text (Foundation drops one).
    static func read(
        _ path: String, listedAt: SourceLocation? = nil, keepingByteOrderMark: Bool = false, log: DiagnosticLog
    ) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let reason: FileReason = !exists ? .missing : isDirectory.boolValue ? .folder : .permissions
            if let listedAt {
                log.add(listedAt, .cannotReadListed(path: path, reason: reason))
            } else {
                log.add(SourceLocation(file: path), .cannotReadFile(reason: reason))
            }
            return nil
        }
        let decoded =
            keepingByteOrderMark ? String(validating: data, as: UTF8.self) : String(data: data, encoding: .utf8)
        guard let text = decoded else {
            log.add(SourceLocation(file: path), .notUTF8, hint: .saveAsUTF8)
            return nil
        }
        return text
    }
}
