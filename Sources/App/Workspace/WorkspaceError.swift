import Catalogue
import Model

/// Why a use case of the ``Workspace`` did not happen: a kind that says what the caller may do about it
/// (nothing of HTTP), and the words the person is told, from the catalogue, in the office's language.
public struct WorkspaceError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// No open session: sign in first.
        case notSignedIn
        case notFound
        /// Signed in, but not someone who may see or do this.
        case forbidden
        /// What was given is wrong; ``location`` says where when it is in a file.
        case invalid
        /// A file or a version that cannot be used as it is: not a plan, too large, or with errors.
        case unusable
        /// The thing changed meanwhile (a plan switched by someone else).
        case conflict
        /// Asked too often (sign-in links).
        case tooMany
        /// The state could not be read or written: nothing the person did.
        case unavailable
    }

    public let kind: Kind
    /// What the person is told.
    public let message: String
    /// Where the error is, for an invalid file.
    public let location: SourceLocation?
    /// What failed, for the administrator's log only: never shown on a page.
    public let cause: String?

    public init(_ kind: Kind, message: String, location: SourceLocation? = nil, cause: String? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
        self.cause = cause
    }

    public var description: String { cause.map { "\(message) (\($0))" } ?? message }
}
