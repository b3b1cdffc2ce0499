import Catalogue

/// Where something was written: a line of a text file, or a cell of a spreadsheet.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    /// For spreadsheets: the sheet and the column letter.
    public let sheet: String?
    public let column: String?
    /// The column's header as the table writes it ("Thời gian dự kiến hoàn thành"), so the clerk finds it.
    public let header: String?

    public init(file: String, line: Int? = nil, sheet: String? = nil, column: String? = nil, header: String? = nil) {
        self.file = file
        self.line = line
        self.sheet = sheet
        self.column = column
        self.header = header
    }

    /// `file:line` for text, `file!sheet:row:column (header)` for spreadsheets.
    public var description: String {
        var text = file
        if let sheet { text += "!\(sheet)" }
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        if let header { text += " (\(header))" }
        return text
    }
}

/// An input error at a place, with what to do about it: one line of `check`'s output.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public let location: SourceLocation
    public let message: Message
    public let hint: Message?

    public init(_ location: SourceLocation, _ message: Message, hint: Message? = nil) {
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// `file:line: message (hint)` in a language.
    public func text(_ language: Language) -> String {
        "\(location): \(message.text(language))" + (hint.map { " (\($0.text(language)))" } ?? "")
    }

    /// In English, for developers and tests; the clerk reads ``text(_:)`` in the config's language.
    public var description: String { text(.en) }
}

/// Every input error found, reported together so the clerk fixes them in one pass.
public struct Diagnostics: Error, Sendable, CustomStringConvertible {
    public let items: [Diagnostic]
    /// The language the config asks for (`[email] language`), when it could be read that far.
    public let language: Language?

    public init(_ items: [Diagnostic], language: Language? = nil) {
        self.items = items
        self.language = language
    }

    /// One line per error, in a language.
    public func text(_ language: Language) -> String { items.map { $0.text(language) }.joined(separator: "\n") }

    /// In the config's language, Vietnamese when it could not be read: what `check` prints.
    public var description: String { text(language ?? .vi) }
}
