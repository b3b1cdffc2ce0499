import Catalogue
import Foundation
import Model
import WorkingCalendar

/// The main config file (docs/config.md), read and checked.
public struct Configuration: Sendable {
    /// The config file's path as given, for messages.
    public let file: String
    public let timezone: String
    /// Where the state database and the default Maildir live; nil to take `$STATE_DIRECTORY` or ./state.
    public let stateDirectory: String?
    public let plans: [PlanSource]
    public let policy: ReminderPolicy
    public let calendar: CalendarAdjustments
    /// The office's own published schedules (`calendar/*.toml` beside the config), by year.
    public let publishedSchedules: [Int: PublishedSchedule]
    public let publishedScheduleFiles: [String]

    /// The files this version is read from: the config, its plans, its published schedules, and the
    /// templates in its templates folder. The service watches them and keeps a copy of them.
    public var files: [String] {
        var files = [file] + plans.map(\.path) + publishedScheduleFiles
        if let templates = email.templates, let names = try? FileManager.default.contentsOfDirectory(atPath: templates)
        {
            files += names.sorted().map { (templates as NSString).appendingPathComponent($0) }
        }
        return files
    }
    public let email: EmailSettings
    public let webhooks: [WebhookSettings]
    public let directory: Directory
    /// The official who follows up every task (the Office–Statistics clerk): told of failed deliveries.
    public let clerk: OfficialID?
    public let summary: SummarySettings
    /// `[web]`; nil when the workspace is off.
    public let web: WebSettings?
}

/// A plan listed in the config: a path, and for a spreadsheet its plan year and sheet.
public struct PlanSource: Sendable, Equatable {
    /// The path, resolved against the config file's folder.
    public let path: String
    public let year: Int?
    public let sheet: String?
    /// For a spreadsheet with other headers: field name (`title`, `deadline`…) to the header text.
    public let columns: [String: String]
    /// Where the config lists it.
    public let listedAt: SourceLocation

    public init(
        path: String, year: Int? = nil, sheet: String? = nil, columns: [String: String] = [:],
        listedAt: SourceLocation? = nil
    ) {
        self.path = path
        self.year = year
        self.sheet = sheet
        self.columns = columns
        self.listedAt = listedAt ?? SourceLocation(file: path)
    }

    /// The same plan, read from a copy at `path`.
    func read(from path: String) -> PlanSource {
        PlanSource(path: path, year: year, sheet: sheet, columns: columns, listedAt: listedAt)
    }
}

/// `[email]`: how mail leaves (the transports read it; the planner only needs to know mail exists).
public struct EmailSettings: Sendable {
    /// `smtp://host:port` (STARTTLS), `smtps://host:port`, or `file:///path/to/maildir`; nil for a
    /// Maildir in the state folder.
    public let url: String?
    public let from: String
    public let username: String?
    public let passwordFile: String?
    public let caFile: String?
    /// Certificate checks; switching them off earns a loud warning.
    public let verifyCertificates: Bool
    public let connectTimeout: Int
    public let timeout: Int
    public let language: Language
    /// A folder of Mustache templates overriding the built-in ones.
    public let templates: String?
    public let attachCalendar: Bool
    /// The administrator's address: told, beside the clerk, of what only an administrator can mend (a
    /// Zalo OA to authorize again).
    public let administrator: String?

    /// Whether mail leaves by SMTP (an `smtp://` or `smtps://` url) rather than into a Maildir.
    public var usesSMTP: Bool { url.map { !$0.hasPrefix("file://") } ?? false }
}

/// What a Zalo webhook needs besides its URL (docs/delivery.md, "Zalo").
public struct ZaloSettings: Sendable {
    /// Where its messages go.
    public enum Target: Sendable {
        /// A group owned by the OA (GMF): a text message.
        case group(id: String)
        /// One official's phone, by ZNS: an approved template, each of its parameters filled with a field.
        case zns(templateID: String, parameters: [TemplateParameter], valueLimit: Int)
    }

    /// A parameter of a ZNS template and what fills it.
    public struct TemplateParameter: Sendable, Equatable {
        public let name: String
        public let field: ZNSField

        public init(name: String, field: ZNSField) {
            self.name = name
            self.field = field
        }
    }

    public let target: Target
    public let appID: String
    /// The app's secret key (`secret_key` of the token refresh), read as a secret.
    public let secretKeyFile: String
    /// `https://oauth.zaloapp.com`.
    public let oauthURL: String
    /// The webhook whose tokens it uses: its own name, or another Zalo webhook's of the same OA
    /// (`tokens_from`), so that one authorization serves the group and ZNS.
    public let tokens: String
}

/// `[[webhook]]`: a JSON endpoint that receives digests.
public struct WebhookSettings: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case generic, slack, telegram
        /// A Zalo group owned by the UBND's Official Account (GMF), posted to through the OA's API.
        case zaloGroup = "zalo-group"
        /// One official's phone, by Zalo's notification service (ZNS) and an approved template.
        case zaloZNS = "zalo-zns"

        /// Zalo's kinds, whose tokens nhacviec keeps.
        public var isZalo: Bool { self == .zaloGroup || self == .zaloZNS }
    }

    public let name: String
    public let kind: Kind
    public let url: String
    public let tokenFile: String?
    public let secretFile: String?
    /// A Telegram group chat that gets every digest.
    public let chatID: String?
    public let timeout: Int
    /// For Zalo: the OA's group or ZNS template, the app's id and the file of its secret key (a
    /// credential), and where its tokens are refreshed (`url` is the API's base).
    public var zalo: ZaloSettings?

    /// Whether an official's digests go to it: every digest goes to a group chat or a system; a Telegram
    /// bot without a group reaches those with a Telegram id, ZNS those with a phone.
    public func reaches(_ official: Official) -> Bool {
        switch kind {
        case .generic, .slack, .zaloGroup: true
        case .telegram: chatID != nil || official.telegram != nil
        case .zaloZNS: official.phone != nil
        }
    }
}
