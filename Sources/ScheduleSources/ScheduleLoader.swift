import Catalogue
import Foundation
import Model
import TOML

/// The config and every plan it lists, read whole: either everything is valid, or every error is
/// reported and nothing is returned, so a broken version is never half-applied.
public struct LoadedSchedule: Sendable {
    public let configuration: Configuration
    public let schedule: Schedule
}

public enum ScheduleLoader {
    /// The config file a path names: the file itself, or `nhacviec.toml` inside a folder.
    /// The `state_dir` a config file writes, read even when the rest of it has errors, so that the state
    /// of a broken config can still be found; nil when it writes none or is not TOML.
    public static func stateDirectoryWritten(inConfig path: String) -> String? {
        let file = configFile(path)
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8),
            let table = try? TOMLParser.parse(text), case .string(let directory)? = table["state_dir"]?.node.value
        else { return nil }
        return ConfigLoader.resolve(directory, against: (file as NSString).deletingLastPathComponent)
    }

    /// Where a copy of the file at `original` lies in a copy folder: under its absolute path.
    public static func copyPath(of original: String, in copy: String) -> String {
        (copy as NSString).appendingPathComponent(URL(fileURLWithPath: original).standardizedFileURL.path)
    }

    public static func configFile(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return (path as NSString).appendingPathComponent("nhacviec.toml")
        }
        return path
    }

    /// The config file alone, its plans not read: for `import`, which checks names against the directory
    /// of a config whose plans may be broken.
    public static func configuration(config path: String) throws(Diagnostics) -> Configuration {
        let log = DiagnosticLog()
        guard let configuration = ConfigLoader.load(configFile(path), log: log), log.isEmpty else {
            throw log.diagnostics
        }
        return configuration
    }

    /// - Parameters:
    ///   - copy: a folder holding a copy of the files at their absolute paths (the accepted version the
    ///     service keeps in its state): each file is read from there, while the configuration keeps the
    ///     paths of the originals.
    ///   - uploaded: the plan versions applied in the workspace, read instead of (or besides) the files
    ///     the config lists.
    public static func load(
        config path: String, readingCopyIn copy: String? = nil, uploaded: UploadedPlans = UploadedPlans()
    ) throws(Diagnostics) -> LoadedSchedule {
        let log = DiagnosticLog()
        let file = configFile(path)
        func copied(_ original: String) -> String { copy.map { copyPath(of: original, in: $0) } ?? original }
        guard let configuration = ConfigLoader.load(file, readingFrom: copied(file), log: log) else {
            throw log.diagnostics
        }
        var plans: [Plan] = []
        var completions: [CompletionKey: Completion] = [:]
        let sources =
            configuration.plans.map { listed in
                uploaded.replacing[listed.path].map { listed.read(from: $0) }
                    ?? (copy == nil ? listed : listed.read(from: copied(listed.path)))
            } + uploaded.added
        for source in sources {
            let read: (Plan, [CompletionKey: Completion])?
            switch (source.path as NSString).pathExtension.lowercased() {
            case "toml":
                read = TOMLPlanReader.read(
                    source, directory: configuration.directory, clerk: configuration.clerk, log: log)
            case "xlsx", "csv": read = SpreadsheetPlanReader.read(source, directory: configuration.directory, log: log)
            case "xls", "ods":
                log.add(source.listedAt, .cannotReadAsPlan(path: source.path), hint: .saveAsXLSX)
                read = nil
            default:
                log.add(source.listedAt, .cannotReadAsPlan(path: source.path), hint: .planFileKinds)
                read = nil
            }
            if let (plan, planCompletions) = read {
                plans.append(plan)
                if completions.isEmpty {
                    completions = planCompletions
                } else {
                    completions.merge(planCompletions) { first, _ in first }
                }
            }
        }
        if configuration.plans.isEmpty {
            log.add(
                SourceLocation(file: file, line: 1), .noPlans, hint: .example("plans = [\"plans/ke-hoach-2024.toml\"]"))
        }
        checkUniqueTaskIDs(plans, log: log)
        guard log.isEmpty else { throw log.diagnostics }
        let schedule = Schedule(
            directory: configuration.directory.adding(plans.flatMap(\.units)), plans: plans,
            policy: configuration.policy, completions: completions,
            warnings: log.warnings)
        return LoadedSchedule(configuration: configuration, schedule: schedule)
    }

    private static func checkUniqueTaskIDs(_ plans: [Plan], log: DiagnosticLog) {
        let tasks = plans.flatMap(\.tasks)
        var seen: [TaskID: Int] = [:]
        seen.reserveCapacity(tasks.count)
        for (index, task) in tasks.enumerated() {
            if let first = seen[task.id] {
                log.add(task.source, .secondTaskID(task.id), hint: .theFirstIs(tasks[first].source.description))
            } else {
                seen[task.id] = index
            }
        }
    }
}
