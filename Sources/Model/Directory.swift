/// The officials and units of the office, and how each official is reached.
public struct Directory: Sendable {
    public let officials: [Official]
    public let units: [Unit]
    /// The channels each official's digests go out on, in order (email first).
    public let channels: [OfficialID: [Channel]]
    private let officialsByID: [OfficialID: Official]
    private let unitsByID: [UnitID: Unit]

    public init(officials: [Official], units: [Unit], channels: [OfficialID: [Channel]]) {
        self.officials = officials
        self.units = units
        self.channels = channels
        officialsByID = Dictionary(officials.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        unitsByID = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        topOfficials = officials.filter(\.isTop).map(\.id)
    }

    public func official(_ id: OfficialID) -> Official? { officialsByID[id] }

    /// The directory with a plan's bodies added, those whose id it already has left out.
    public func adding(_ more: [Unit]) -> Directory {
        let new = more.filter { unitsByID[$0.id] == nil }
        return new.isEmpty ? self : Directory(officials: officials, units: units + new, channels: channels)
    }

    public func unit(_ id: UnitID) -> Unit? { unitsByID[id] }

    /// The official who receives an assignee's reminders.
    public func recipient(for assignee: Assignee) -> OfficialID {
        switch assignee {
        case .official(let id): id
        case .unit(let id): unitsByID[id]?.contact ?? id
        }
    }

    /// The name to show for an assignee: the official's or the unit's.
    public func displayName(_ assignee: Assignee) -> String {
        switch assignee {
        case .official(let id): officialsByID[id]?.name ?? id
        case .unit(let id): unitsByID[id]?.name ?? id
        }
    }

    /// The top official (the Chairman), copied at escalation level 2.
    public let topOfficials: [OfficialID]
}
