/// Where something was written: a line of a text file, or a cell of a spreadsheet.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    /// For spreadsheets: the sheet and the column letter.
    public let sheet: String?
    public let column: String?

    public init(file: String, line: Int? = nil, sheet: String? = nil, column: String? = nil) {
        self.file = file
        self.line = line
        self.sheet = sheet
        self.column = column
    }

    /// `file:line` for text, `file!sheet:row:column` for spreadsheets.
    public var description: String {
        var text = file
        if let sheet { text += "!\(sheet)" }
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        return text
    }
}

/// An input error at a place, with what to do about it: one line of `check`'s output.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public let location: SourceLocation
    public let message: String
    public let hint: String?

    public init(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        self.location = location
        self.message = message
        self.hint = hint
    }

    public var description: String {
        "\(location): \(message)" + (hint.map { " (\($0))" } ?? "")
    }
}

/// Every input error found, reported together so the clerk fixes them in one pass.
public struct Diagnostics: Error, Sendable, CustomStringConvertible {
    public let items: [Diagnostic]

    public init(_ items: [Diagnostic]) { self.items = items }

    public var description: String { items.map(\.description).joined(separator: "\n") }
}
