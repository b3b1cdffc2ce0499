import Catalogue
import Foundation
import Model
import Mustache

/// The Mustache templates a digest is rendered with: the built-in ones of the configured language,
/// each replaced by a file of the same name in the office's templates folder when there is one.
public struct DigestTemplates: Sendable {
    private let library: MustacheLibrary

    /// How deep sections may nest in a template: far beyond any mail, far within the engine's stack.
    static let maximumSectionDepth = 32

    /// - Throws: ``Diagnostic`` naming the template file and line that cannot be parsed, that includes a
    ///   partial that does not exist or includes itself, or nests too deep.
    public static func load(language: Language, overrides folder: String?) throws(Diagnostic) -> DigestTemplates {
        var library = MustacheLibrary()
        var tags: [String: (file: String, tags: TemplateTags)] = [:]
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
            let read = TemplateTags(text)
            if read.linesReachingDepth.count > maximumSectionDepth {
                throw Diagnostic(
                    SourceLocation(file: file, line: read.linesReachingDepth[maximumSectionDepth]),
                    .templateTooDeep(maximumSectionDepth))
            }
            tags[(name as NSString).deletingPathExtension] = (file, read)
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
        try checkPartials(tags)
        return DigestTemplates(library: library)
    }

    /// Every partial a template includes exists, and none includes itself, directly or through others.
    private static func checkPartials(_ templates: [String: (file: String, tags: TemplateTags)]) throws(Diagnostic) {
        for (_, template) in templates.sorted(by: { $0.key < $1.key }) {
            for partial in template.tags.partials where templates[partial.name] == nil {
                throw Diagnostic(
                    SourceLocation(file: template.file, line: partial.line),
                    .templateMissingPartial(partial.name, known: templates.keys.sorted()))
            }
        }
        // Depth-first from each template; a partial back to a template on the path closes a cycle.
        func visit(_ name: String, path: [String]) throws(Diagnostic) {
            guard let template = templates[name] else { return }
            for partial in template.tags.partials {
                if let start = path.firstIndex(of: partial.name) ?? (partial.name == name ? path.count : nil) {
                    throw Diagnostic(
                        SourceLocation(file: template.file, line: partial.line),
                        .templatePartialCycle(Array(path[start...]) + [name, partial.name]))
                }
                try visit(partial.name, path: path + [name])
            }
        }
        for name in templates.keys.sorted() { try visit(name, path: []) }
    }

    func render(_ name: String, _ view: [String: Any]) -> String {
        library.render(view, withTemplate: name) ?? ""
    }
}
