import Model

/// Finds the official or unit a table means by a name (SPEC §2.4).
///
/// Names are compared after NFC normalisation and case folding, with titles removed ("Ông", "Bà",
/// "Đ/c", "đồng chí", "CT", "PCT"), against ids, full names, aliases, titles and unit names. A given
/// name alone ("đ/c Lâm": the last word of a Vietnamese name) matches the one official who has it.
public struct NameResolver: Sendable {
    /// Words that stand before a name and are not part of it.
    static let titleWords: [[String]] = [
        ["phó", "chủ", "tịch"], ["chủ", "tịch"], ["đồng", "chí"], ["ông"], ["bà"], ["đ/c"], ["đc"], ["ct"], ["pct"],
    ]

    private let directory: Directory
    private var exact: [String: [Assignee]] = [:]
    /// Titles ("Chủ tịch UBND phường") name a person only when no name, alias or unit does.
    private var titles: [String: [Assignee]] = [:]
    private var givenNames: [String: [OfficialID]] = [:]
    private var allNames: [String] = []

    public init(directory: Directory) {
        self.directory = directory
        for official in directory.officials {
            let assignee = Assignee.official(official.id)
            for name in [official.id, official.name] + official.aliases {
                add(name, assignee, to: &exact)
            }
            add(official.title, assignee, to: &titles)
            if let given = Self.key(official.name).split(separator: " ").last {
                givenNames[String(given), default: []].append(official.id)
            }
            allNames += [official.name] + official.aliases
        }
        for unit in directory.units {
            for name in [unit.id, unit.name] + unit.aliases {
                add(name, .unit(unit.id), to: &exact)
            }
            allNames += [unit.name] + unit.aliases
        }
    }

    private func add(_ name: String, _ assignee: Assignee, to index: inout [String: [Assignee]]) {
        let key = Self.key(name)
        guard !key.isEmpty, index[key]?.contains(assignee) != true else { return }
        index[key, default: []].append(assignee)
    }

    /// The official or unit a name means.
    public func assignee(_ name: String) throws(NameError) -> Assignee {
        let key = Self.key(name)
        guard !key.isEmpty else { throw .empty }
        var forms = [key]
        // "Ông Vũ Trí Khánh - Chủ tịch UBND phường": the name before the dash.
        if let dash = key.range(of: " - ") { forms.append(Self.key(String(key[..<dash.lowerBound]))) }
        for form in forms {
            if let matches = exact[form] ?? titles[form] {
                guard matches.count == 1 else { throw .ambiguous(name, candidates: matches.map(directory.displayName)) }
                return matches[0]
            }
            if !form.contains(" "), let matches = givenNames[form] {
                guard matches.count == 1 else {
                    throw .ambiguous(name, candidates: matches.map { directory.displayName(.official($0)) })
                }
                return .official(matches[0])
            }
        }
        throw .unknown(name, suggestion: VietnameseText.closest(to: name, among: allNames))
    }

    /// The official a name means; a unit is refused (a lead or an escalation is a person).
    public func official(_ name: String) throws(NameError) -> OfficialID {
        switch try assignee(name) {
        case .official(let id): return id
        case .unit(let id): throw .notAnOfficial(name, unit: directory.unit(id)?.name ?? id)
        }
    }

    /// The form names are compared in: NFC, lower case, one kind of dash, titles removed.
    static func key(_ name: String) -> String {
        let unified = name.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
        var words = VietnameseText.normalized(unified).split(separator: " ").map(String.init)
        var removed = true
        while removed, words.count > 1 {
            removed = false
            for title in titleWords where words.count > title.count && Array(words.prefix(title.count)) == title {
                words.removeFirst(title.count)
                removed = true
                break
            }
        }
        return words.joined(separator: " ")
    }
}

/// A name that does not lead to exactly one official or unit.
public enum NameError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case unknown(String, suggestion: String?)
    case ambiguous(String, candidates: [String])
    case notAnOfficial(String, unit: String)

    public var description: String {
        switch self {
        case .empty:
            "a name is empty"
        case .unknown(let name, let suggestion?):
            "unknown official or unit \"\(name)\" (did you mean \"\(suggestion)\"?)"
        case .unknown(let name, nil):
            "unknown official or unit \"\(name)\" (add it under [[official]] or [[unit]] in the config, or as an alias)"
        case .ambiguous(let name, let candidates):
            "\"\(name)\" could be any of \(candidates.map { "\"\($0)\"" }.joined(separator: ", ")) "
                + "(write the full name or an alias)"
        case .notAnOfficial(let name, let unit):
            "\"\(name)\" is the unit \"\(unit)\"; a lead official must be a person"
        }
    }
}
