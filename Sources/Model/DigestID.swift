import WorkingCalendar

/// The name of one message of the outbox, the same on every run: an official's digest of a send day
/// (`2024-03-25/lam/email`), another mail of a day to someone (`2024-03-25/thu/report`), or a notice told once
/// per subject (`failure/2024-03-25/lam/email`). The outbox keeps it as its text; the journal, `status`, the
/// report and the pages show it; a task's page finds the reminders sent for it by it.
public struct DigestID: Hashable, Sendable, CustomStringConvertible {
    /// Another mail of a day to one person.
    public enum Mail: String, Sendable {
        /// The periodic report of `[summary]`.
        case report
        /// The clerk's list of overdue tasks.
        case overdue
        /// A one-time link to sign in to the workspace.
        case signIn = "sign-in"
        /// A report of completion the clerk sent back.
        case reportReturned = "report-returned"
    }

    /// A notice to the clerk (or the administrator), once per subject.
    public enum Notice: String, Sendable {
        case failure
        case rejectedSchedule = "rejected-schedule"
        case clockBack = "clock-back"
        case zaloRefresh = "zalo-refresh"
        case zaloQuota = "zalo-quota"
    }

    public let description: String

    /// A name as the outbox keeps it.
    public init(stored: String) { description = stored }

    /// The digest of reminders to `recipient` on `channel` on `sendDay`.
    public static func reminders(sendDay: CivilDate, recipient: OfficialID, channel: Channel) -> DigestID {
        var id = sendDay.iso
        id.reserveCapacity(12 + recipient.utf8.count + 16)
        id += "/"
        id += recipient
        id += "/"
        id += channel.description
        return DigestID(stored: id)
    }

    public static func mail(_ mail: Mail, on day: CivilDate, to recipient: String) -> DigestID {
        DigestID(stored: "\(day.iso)/\(recipient)/\(mail.rawValue)")
    }

    /// `subject`: what the notice is about (a failed message's name, a webhook, a version).
    public static func notice(_ notice: Notice, about subject: String) -> DigestID {
        DigestID(stored: "\(notice.rawValue)/\(subject)")
    }
}
