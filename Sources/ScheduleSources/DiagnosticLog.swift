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

    /// What was read but deserves a look (a deadline outside the plan's year): said, never refused.
    private(set) var warnings: [Diagnostic] = []

    func warn(_ location: SourceLocation, _ message: Message, hint: Message? = nil) {
        warnings.append(Diagnostic(location, message, hint: hint))
    }

    /// What was found, to throw: file by file in the order the files were read (the config, then the
    /// plans as listed), and within a file in line order (a spreadsheet's by sheet, row and column), so the
    /// clerk goes through each file once from the top. The same error found twice is said once.
    var diagnostics: Diagnostics {
        var fileOrder: [String: Int] = [:]
        var sheetOrder: [String: Int] = [:]
        for item in items {
            if fileOrder[item.location.file] == nil { fileOrder[item.location.file] = fileOrder.count }
            if let sheet = item.location.sheet, sheetOrder[sheet] == nil { sheetOrder[sheet] = sheetOrder.count }
        }
        var seen: Set<Diagnostic> = []
        func key(_ place: SourceLocation) -> (Int, Int, Int, Int, String) {
            // Column letters by length first: "B" before "AA".
            (
                fileOrder[place.file]!, place.sheet.map { sheetOrder[$0]! } ?? -1, place.line ?? 0,
                place.column?.count ?? 0, place.column ?? ""
            )
        }
        let sorted = items.enumerated().sorted { left, right in
            let (a, b) = (key(left.element.location), key(right.element.location))
            return a != b ? a < b : left.offset < right.offset
        }
        return Diagnostics(sorted.map(\.element).filter { seen.insert($0).inserted }, language: language)
    }
}
