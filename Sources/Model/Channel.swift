/// A way a digest reaches its recipient.
public enum Channel: Hashable, Sendable, Comparable, CustomStringConvertible {
    case email
    /// A configured webhook, by its name.
    case webhook(String)

    /// As JSON and logs write it: `email`, `webhook:nhom-ubnd`.
    public var description: String {
        switch self {
        case .email: "email"
        case .webhook(let name): "webhook:\(name)"
        }
    }
}
