import Catalogue
import Foundation
import Model
import Mustache

/// The Mustache templates a digest is rendered with: the built-in ones of the configured language,
/// each replaced by a file of the same name in the office's templates folder when there is one.
public struct DigestTemplates: Sendable {
    private let library: MustacheLibrary

    /// - Throws: ``Diagnostic`` naming the template file and line that cannot be parsed.
    public static func load(language: Language, overrides folder: String?) throws(Diagnostic) -> DigestTemplates {
        var library = MustacheLibrary()
        for name in BuiltInTemplates.names {
            let path = folder.map { ($0 as NSString).appendingPathComponent(name) }
            var text = BuiltInTemplates.text(name, language: language)
            var file = "built-in \(language.rawValue)/\(name)"
            if let path, FileManager.default.fileExists(atPath: path) {
                guard let data = FileManager.default.contents(atPath: path),
                    let read = String(data: data, encoding: .utf8)
                else {
                    throw Diagnostic(SourceLocation(file: path), .templateNotUTF8)
                }
                text = read
                file = path
            }
            // Subjects and plain text are not HTML: nothing is escaped in them. The pragma goes on the
            // first line, so line numbers stay those of the file.
            if !name.hasSuffix("html.mustache") { text = "{{% CONTENT_TYPE: TEXT}}" + text }
            do {
                library.register(try MustacheTemplate(string: text), named: (name as NSString).deletingPathExtension)
            } catch let error as MustacheTemplate.ParserError {
                throw Diagnostic(
                    SourceLocation(file: file, line: error.context.lineNumber),
                    .templateSyntax(reason: "\(error.error)", column: error.context.columnNumber),
                    hint: .near(error.context.line.trimmingCharacters(in: .whitespaces)))
            } catch {
                throw Diagnostic(SourceLocation(file: file), .templateUnreadable(reason: "\(error)"))
            }
        }
        return DigestTemplates(library: library)
    }

    func render(_ name: String, _ view: [String: Any]) -> String {
        library.render(view, withTemplate: name) ?? ""
    }
}
