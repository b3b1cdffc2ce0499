import Model

/// Collects the input errors of one load, so `check` reports them all at once.
final class DiagnosticLog {
    private(set) var items: [Diagnostic] = []

    func add(_ diagnostic: Diagnostic) { items.append(diagnostic) }

    func add(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        items.append(Diagnostic(location, message, hint: hint))
    }

    var isEmpty: Bool { items.isEmpty }
}
