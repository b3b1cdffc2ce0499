/// A state database holding what this version cannot read: a row a newer version wrote, or a damaged file.
public struct StateError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }

    init(_ message: String) { self.message = message }
}
