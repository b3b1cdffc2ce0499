import Catalogue
import Model

/// Finds the official or unit a table means by a name (docs/config.md, "Names").
///
/// Names are compared after NFC normalisation and case folding, with titles removed ("Ông", "Bà",
/// "Đ/c", "đồng chí", "CT", "PCT"), against ids, full names, aliases, titles and unit names. A given
/// name alone ("đ/c Lâm": the last word of a Vietnamese name) matches the one official who has it.
/// Aliases and titles are matched as written, before titles are removed, so that the alias "PCT Lâm"
/// names its official even where two officials are called Lâm.
public struct NameResolver: Sendable {
    /// Words that stand before a name and are not part of it.
    static let titleWords: [[String]] = [
        ["phó", "chủ", "tịch"], ["chủ", "tịch"], ["đồng", "chí"], ["ông"], ["bà"], ["đ/c"], ["đc"], ["ct"], ["pct"],
    ]

    private let directory: Directory
    /// Ids, full names and unit names, titles removed.
    private var exact: [String: [Assignee]] = [:]
    /// Aliases and unit aliases as written (normalised, titles kept).
    private var aliases: [String: [Assignee]] = [:]
    /// Titles ("Chủ tịch UBND phường") as written; they name a person only when nothing else does.
    private var titles: [String: [Assignee]] = [:]
    private var givenNames: [String: [OfficialID]] = [:]
    private var allNames: [String] = []

    public init(directory: Directory) {
        self.directory = directory
        for official in directory.officials {
            let assignee = Assignee.official(official.id)
            for name in [official.id, official.name] { Self.add(Self.key(name), assignee, to: &exact) }
            for alias in official.aliases { Self.add(Self.written(alias), assignee, to: &aliases) }
            Self.add(Self.written(official.title), assignee, to: &titles)
            if let given = Self.key(official.name).split(separator: " ").last {
                givenNames[String(given), default: []].append(official.id)
            }
            allNames += [official.name] + official.aliases
        }
        for unit in directory.units {
            for name in [unit.id, unit.name] { Self.add(Self.key(name), .unit(unit.id), to: &exact) }
            for alias in unit.aliases { Self.add(Self.written(alias), .unit(unit.id), to: &aliases) }
            allNames += [unit.name] + unit.aliases
        }
    }

    private static func add(_ key: String, _ assignee: Assignee, to index: inout [String: [Assignee]]) {
        guard !key.isEmpty, index[key]?.contains(assignee) != true else { return }
        index[key, default: []].append(assignee)
    }

    /// The official or unit a name means.
    public func assignee(_ name: String) throws(NameError) -> Assignee {
        let written = Self.written(name)
        guard !written.isEmpty else { throw .empty }
        if let matches = aliases[written] { return try only(matches, name) }
        var forms = [Self.key(name)]
        // "Ông Vũ Trí Khánh - Chủ tịch UBND phường": the name before the dash.
        if let dash = written.range(of: " - ") { forms.append(Self.key(String(written[..<dash.lowerBound]))) }
        for form in forms {
            if let matches = exact[form] ?? aliases[form] { return try only(matches, name) }
        }
        if let matches = titles[written] { return try only(matches, name) }
        for form in forms {
            if !form.contains(" "), let matches = givenNames[form] {
                guard matches.count == 1 else {
                    throw .ambiguous(name, candidates: matches.map { directory.displayName(.official($0)) })
                }
                return .official(matches[0])
            }
        }
        throw .unknown(name, suggestion: VietnameseText.closest(to: name, among: allNames))
    }

    private func only(_ matches: [Assignee], _ name: String) throws(NameError) -> Assignee {
        guard matches.count == 1 else { throw .ambiguous(name, candidates: matches.map(directory.displayName)) }
        return matches[0]
    }

    /// The official a name means; a unit is refused (a lead or an escalation is a person).
    public func official(_ name: String) throws(NameError) -> OfficialID {
        switch try assignee(name) {
        case .official(let id): return id
        case .unit(let id): throw .notAnOfficial(name, unit: directory.unit(id)?.name ?? id)
        }
    }

    /// A name as written, for comparing: NFC, lower case, one kind of dash.
    static func written(_ name: String) -> String {
        var dashed = String.UnicodeScalarView()
        for scalar in name.unicodeScalars { dashed.append(scalar == "–" || scalar == "—" ? "-" : scalar) }
        return VietnameseText.normalized(String(dashed))
    }

    /// The form names are compared in: as written, with the titles before them removed.
    static func key(_ name: String) -> String {
        var words = written(name).split(separator: " ").map(String.init)
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
