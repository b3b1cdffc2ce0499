import Catalogue
import Foundation
import Model
import Outbox
import Reports
import ScheduleSources

/// *Kế hoạch*: the plans the office uses, the versions uploaded in the workspace and the switches between
/// them. An upload is checked in full as the office it would make (``check(_:fileName:plan:year:)``),
/// nothing changing until it is applied (``apply(_:of:expected:action:user:client:)``), which switches the
/// plan in one transaction of the state, as a reload does: whole or not at all.
public struct PlanShelf: Sendable {
    /// The most an uploaded plan may weigh; an assignment table of 10,000 rows is about 1 MB.
    public static let sizeLimit = 10 * 1_024 * 1_024

    /// A plan as the workspace lists it.
    public struct Entry: Sendable {
        /// The path `plans` lists it at, or ``PlanVersions/newPlan(_:)`` for one added in the workspace.
        public let key: String
        /// Its file's name.
        public let name: String
        /// As the office reads it now.
        public let plan: Plan?
        public let replaceable: Bool
        /// The version in use; nil when it is the file in the config folder.
        public let current: PlanVersions.Version?
        public let lastChange: PlanVersions.Change?
        /// A version was applied, and the file in the config folder changed after it: that file is in use.
        public let configFileNewer: Bool
        public let versions: [PlanVersions.Version]
        public let changes: [PlanVersions.Change]
        /// A plan uploaded in the workspace, not listed in the config.
        public var isNew: Bool { PlanVersions.isNewPlan(key) }
    }

    /// An error of an uploaded version, at its place, with what the clerk wrote there.
    public struct WrittenError: Sendable {
        public let diagnostic: Diagnostic
        public let written: String?
    }

    public enum Checked: Sendable {
        case errors([WrittenError])
        /// The office the version would make.
        case ready(Office)
    }

    /// Why an upload or a switch is refused, in the catalogue's words.
    public struct Refusal: Error, Sendable {
        public let message: CommandMessage
    }

    public let office: Office
    private let versions: PlanVersions

    public init(office: Office) throws(OfficeError) {
        self.office = office
        versions = PlanVersions(database: try office.requiredState(), stateDirectory: office.stateDirectory)
    }

    public func entries() throws -> [Entry] {
        let last = try versions.lastChanges()
        let web = office.configuration.web
        let listed = office.configuration.plans.map(\.path)
        let added = try versions.plans().filter { PlanVersions.isNewPlan($0) }
        return try (listed + added).enumerated().map { index, key in
            let change = last[key]
            let isListed = index < listed.count
            let newer =
                isListed && change?.version != nil && PlanVersions.sha256(ofFileAt: key) != change?.configFileSHA
            let current = newer ? nil : try change?.version.flatMap(versions.version)
            // A listed plan is read in the config's order; an added one from its version's file.
            let file = try current.map(versions.file)
            let plan =
                isListed
                ? office.schedule.plans[index]
                : office.schedule.plans.dropFirst(listed.count).first { $0.source.file == file }
            return Entry(
                key: key, name: isListed ? (key as NSString).lastPathComponent : String(key.dropFirst()),
                plan: current == nil && !isListed ? nil : plan,
                replaceable: isListed ? web?.replaceablePlans.contains(key) ?? false : web?.newPlans ?? false,
                current: current, lastChange: change, configFileNewer: newer, versions: try versions.versions(of: key),
                changes: try versions.changes(of: key))
        }
    }

    public func entry(_ key: String) throws -> Entry? { try entries().first { $0.key == key } }

    public func version(_ id: Int64) throws -> PlanVersions.Version? { try versions.version(id) }

    /// The key an upload goes under: the plan it replaces, or a new plan named after the file.
    public func key(forUpload fileName: String, replacing plan: String?) -> String {
        plan ?? PlanVersions.newPlan(Self.cleanName(fileName))
    }

    /// Checks an uploaded file in full as the version of `plan` (a listed path; nil: a new plan), with the
    /// office's config and its other plans, off the service's loop: nothing is kept or changed.
    ///
    /// - Throws: ``Refusal`` for a file that is no plan, too large, or a plan that may not be replaced.
    public func check(_ content: Data, fileName: String, plan: String?, year: Int?) throws -> Checked {
        let name = Self.cleanName(fileName)
        let key = key(forUpload: name, replacing: plan)
        guard ["xlsx", "csv", "toml"].contains((name as NSString).pathExtension.lowercased()) else {
            throw Refusal(message: .planFileKind(name: name))
        }
        guard content.count <= Self.sizeLimit else {
            throw Refusal(message: .planTooLarge(name: name, megabytes: Self.sizeLimit >> 20))
        }
        if name.lowercased().hasSuffix(".xlsx") && !content.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw Refusal(message: .planNotAWorkbook(name: name))
        }
        guard try entry(key)?.replaceable ?? (plan == nil && office.configuration.web?.newPlans == true) else {
            throw Refusal(message: .planNotReplaceable(name: plan.map { ($0 as NSString).lastPathComponent } ?? name))
        }
        let folder = (versions.folder as NSString).appendingPathComponent("checking/\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = (folder as NSString).appendingPathComponent(name)
        try content.write(to: URL(fileURLWithPath: file))
        return try checked(uploaded(key, file: file, year: year))
    }

    /// Keeps a checked upload as a version of its plan, not yet applied.
    public func save(
        _ content: Data, fileName: String, plan: String?, year: Int?, user: String, client: String
    ) throws -> PlanVersions.Version {
        let name = Self.cleanName(fileName)
        return try versions.save(
            plan: key(forUpload: name, replacing: plan), fileName: name, content: content, year: year, user: user,
            client: client, at: office.clock.now().timeIntervalSince1970)
    }

    /// A kept version checked again, as the office it would make now.
    public func check(_ version: PlanVersions.Version) throws -> Checked {
        try checked(uploaded(version.plan, file: versions.file(of: version), year: version.year))
    }

    /// The office these plan versions make, or every error in them with what was written there.
    private func checked(_ uploaded: UploadedPlans) throws(OfficeError) -> Checked {
        do {
            return .ready(try office.withPlans(uploaded))
        } catch .schedule(let diagnostics) {
            let written = WrittenText.at(diagnostics.items.map(\.location))
            return .errors(diagnostics.items.map { WrittenError(diagnostic: $0, written: written[$0.location]) })
        }
    }

    /// Switches `plan` to `version` (nil: its file in the config folder), when its last switch is still
    /// `expected`, and returns the office it makes. The office is built first: a version that no longer
    /// loads whole changes nothing.
    ///
    /// - Throws: ``Refusal`` when someone switched the plan meanwhile (one of two at once wins) or the
    ///   version is not the plan's; ``OfficeError`` when the version no longer loads.
    public func apply(
        _ id: Int64?, of plan: String, expected: Int64?, action: PlanVersions.Action, user: String, client: String
    ) throws -> Office {
        guard let entry = try entry(plan), entry.replaceable else {
            throw Refusal(message: .planNotReplaceable(name: (plan as NSString).lastPathComponent))
        }
        var candidate = office.uploaded
        if let id {
            guard let version = try versions.version(id), version.plan == plan else {
                throw Refusal(message: .noSuchPlanVersion)
            }
            candidate = try uploaded(plan, file: versions.file(of: version), year: version.year)
        } else {
            guard !PlanVersions.isNewPlan(plan) else { throw Refusal(message: .noSuchPlanVersion) }
            candidate.replacing[plan] = nil
        }
        let applied = try office.withPlans(candidate)
        do {
            try versions.switchTo(
                id, of: plan, expected: expected, action: action,
                configFileSHA: PlanVersions.isNewPlan(plan) ? nil : PlanVersions.sha256(ofFileAt: plan),
                user: user, client: client, at: office.clock.now().timeIntervalSince1970)
        } catch let meanwhile as PlanVersions.ChangedMeanwhile {
            throw Refusal(
                message: .planChangedMeanwhile(
                    user: office.schedule.directory.official(meanwhile.change.user)?.name ?? meanwhile.change.user,
                    at: office.sendTime.moment(Date(timeIntervalSince1970: meanwhile.change.at))))
        }
        return applied
    }

    /// The clerk's working copy of a plan: the table as .xlsx with the completions recorded so far.
    public func workingCopy(of entry: Entry) throws -> Data {
        guard let plan = entry.plan else { throw Refusal(message: .noSuchPlanVersion) }
        return try WorkingCopy.workbook(
            of: plan, directory: office.schedule.directory, occurrences: office.planner.occurrences,
            written: DeadlinePhrase.written
        ).data()
    }

    /// The office's plan versions with `plan` read from `file`.
    private func uploaded(_ plan: String, file: String, year: Int?) -> UploadedPlans {
        var uploaded = office.uploaded
        if PlanVersions.isNewPlan(plan) {
            let name = String(plan.dropFirst())
            uploaded.added.removeAll { ($0.path as NSString).lastPathComponent == name }
            uploaded.added.append(PlanSource(path: file, year: year))
        } else {
            uploaded.replacing[plan] = file
        }
        return uploaded
    }

    /// A file name as sent, made safe to keep: its last component, without control characters or a
    /// leading dot, at most 100 characters.
    static func cleanName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
            .trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        return clean.isEmpty ? "ke-hoach" : String(clean.suffix(100))
    }
}
