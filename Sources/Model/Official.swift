public typealias OfficialID = String
public typealias UnitID = String

/// A person who receives reminders: a leader (lãnh đạo) or an official (công chức).
public struct Official: Hashable, Sendable {
    public let id: OfficialID
    /// Full name as documents write it: "Nguyễn Văn Lâm".
    public let name: String
    /// Title: "Phó Chủ tịch UBND phường".
    public let title: String
    public let email: String?
    /// Telegram chat id of the person, for webhooks of kind telegram.
    public let telegram: String?
    /// Mobile number as Zalo's ZNS takes it (`84912345678`), for webhooks of kind zalo-zns.
    public let phone: String?
    /// How tables write the person: "PCT Lâm", "đ/c Lâm".
    public let aliases: [String]
    /// Whom a late task of theirs is escalated to when the task names no lead.
    public let escalatesTo: OfficialID?
    /// The top official (the Chairman), copied on reminders at escalation level 2.
    public let isTop: Bool

    public init(
        id: OfficialID, name: String, title: String, email: String? = nil, telegram: String? = nil,
        phone: String? = nil, aliases: [String] = [], escalatesTo: OfficialID? = nil, isTop: Bool = false
    ) {
        self.id = id
        self.name = name
        self.title = title
        self.email = email
        self.telegram = telegram
        self.phone = phone
        self.aliases = aliases
        self.escalatesTo = escalatesTo
        self.isTop = isTop
    }
}

/// A unit or post named in the assignment table ("Công an phường", "Công chức Địa chính – Xây dựng"),
/// whose reminders go to one official.
public struct Unit: Hashable, Sendable {
    public let id: UnitID
    public let name: String
    public let aliases: [String]
    /// The official who receives the unit's reminders.
    public let contact: OfficialID

    public init(id: UnitID, name: String, aliases: [String] = [], contact: OfficialID) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.contact = contact
    }
}

/// Whom a task is assigned to: an official, or a unit whose contact receives the reminders.
public enum Assignee: Hashable, Sendable {
    case official(OfficialID)
    case unit(UnitID)
}
