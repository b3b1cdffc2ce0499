import Catalogue

/// A TOML document that cannot be read, at a 1-based line and column.
public struct TOMLError: Error, Equatable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let problem: TOMLProblem

    public var description: String { "line \(line), column \(column): \(Message.toml(problem).text(.en))" }
}
