import Catalogue
import Model

/// Collects the input errors of one load, so `check` reports them all at once.
final class DiagnosticLog {
    private(set) var items: [Diagnostic] = []
    /// The config's `[email] language`, once read: the language the errors are shown in.
    var language: Language?

    func add(_ diagnostic: Diagnostic) { items.append(diagnostic) }

    func add(_ location: SourceLocation, _ message: Message, hint: Message? = nil) {
        items.append(Diagnostic(location, message, hint: hint))
    }

    var isEmpty: Bool { items.isEmpty }

    /// What was found, to throw.
    var diagnostics: Diagnostics { Diagnostics(items, language: language) }
}
