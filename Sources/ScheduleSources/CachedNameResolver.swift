import Catalogue
import Model

/// A ``NameResolver`` that remembers its answers: a plan names the same few officials and units in
/// thousands of rows, and normalising a name (NFC, case, titles) costs microseconds each time.
final class CachedNameResolver {
    private let resolver: NameResolver
    private var assignees: [String: Result<Assignee, NameError>] = [:]
    private var officials: [String: Result<OfficialID, NameError>] = [:]

    init(_ resolver: NameResolver) { self.resolver = resolver }

    func assignee(_ name: String) throws(NameError) -> Assignee {
        if let known = assignees[name] { return try known.get() }
        let result = Result { () throws(NameError) in try resolver.assignee(name) }
        assignees[name] = result
        return try result.get()
    }

    func official(_ name: String) throws(NameError) -> OfficialID {
        if let known = officials[name] { return try known.get() }
        let result = Result { () throws(NameError) in try resolver.official(name) }
        officials[name] = result
        return try result.get()
    }
}
