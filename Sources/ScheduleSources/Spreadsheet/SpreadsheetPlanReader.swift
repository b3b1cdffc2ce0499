import Catalogue
import Foundation
import Model

/// A plan written as the assignment table itself, `.xlsx` or `.csv`: its rows become tasks exactly as
/// a TOML plan's would, names resolved against the directory.
enum SpreadsheetPlanReader {
    /// The sheets of a spreadsheet file, or the reason it cannot be read, reported at the file.
    static func sheets(_ path: String, listedAt: SourceLocation?, log: DiagnosticLog) -> [Sheet]? {
        do {
            if path.lowercased().hasSuffix(".csv") {
                guard let text = TextFile.read(path, listedAt: listedAt, log: log) else { return nil }
                return [try CSVReader.read(text)]
            }
            guard FileManager.default.fileExists(atPath: path) else {
                _ = TextFile.read(path, listedAt: listedAt, log: log)
                return nil
            }
            return try XLSXReader.read(path: path)
        } catch {
            log.add(SourceLocation(file: path), .spreadsheet(error))
            return nil
        }
    }

    /// The table of a source; `isKnown` says whether the directory knows a name, so it is never cut.
    static func table(
        _ source: PlanSource, log: DiagnosticLog, isKnown: @escaping (String) -> Bool = { _ in false }
    ) -> AssignmentTable? {
        guard let sheets = sheets(source.path, listedAt: source.listedAt, log: log) else { return nil }
        return AssignmentTable.read(
            sheets, file: source.path, source: source, columns: ColumnMapping(source.columns), log: log,
            isKnown: isKnown)
    }

    static func read(
        _ source: PlanSource, directory: Directory, log: DiagnosticLog
    ) -> (Plan, [CompletionKey: Completion])? {
        let resolver = CachedNameResolver(NameResolver(directory: directory))
        guard let table = table(source, log: log, isKnown: { (try? resolver.assignee($0)) != nil }) else { return nil }
        return plan(of: table, source: source, resolver: resolver, log: log)
    }

    /// The plan of a table read, its names resolved.
    static func plan(
        of table: AssignmentTable, source: PlanSource, resolver: CachedNameResolver, log: DiagnosticLog
    ) -> (Plan, [CompletionKey: Completion]) {
        var tasks: [PlanTask] = []
        var completions: [CompletionKey: Completion] = [:]
        let unread = Set(table.unreadRows.map(\.id))
        for row in table.rows + table.unreadRows {
            let before = log.items.count
            func resolve<Value>(
                _ name: String, _ at: SourceLocation, _ field: String, _ lookup: (String) throws(NameError) -> Value
            ) -> Value? {
                do {
                    return try lookup(name)
                } catch {
                    log.add(at, .of(field, in: .task(row.id), .name(error)))
                    return nil
                }
            }
            let lead = row.lead.flatMap { lead in
                resolve(lead.name, lead.at, "Lãnh đạo chỉ đạo") { name throws(NameError) in try resolver.official(name)
                }
            }
            let responsible = row.responsible.compactMap { entry in
                resolve(entry.name, entry.at, "Chủ trì") { name throws(NameError) in try resolver.assignee(name) }
            }
            guard log.items.count == before, !unread.contains(row.id) else { continue }
            tasks.append(
                PlanTask(
                    id: row.id, title: row.title, section: row.section, isFocus: row.isFocus, lead: lead,
                    responsible: responsible, coordinating: row.coordinating, document: row.document,
                    target: row.target,
                    carriedOverFrom: row.carriedOverFrom, deadline: row.deadline, deadlineText: row.deadlineText,
                    finishBefore: row.finishBefore, planYear: table.year,
                    report: row.report,
                    note: row.completed == nil ? row.note : nil, source: row.location))
            // On a completed row, Ghi chú says how it was completed.
            if let completed = row.completed {
                completions[CompletionKey(task: row.id)] = Completion(date: completed, note: row.note)
            }
        }
        let byID = Dictionary(tasks.map { ($0.id, $0) }) { first, _ in first }
        for entry in table.completions {
            guard let task = byID[entry.task] else {
                log.add(entry.location, .completionOfUnknownTask(entry.task))
                continue
            }
            if case .recurring(let recurrence) = task.deadline {
                guard let occurrence = entry.occurrence, recurrence.occurrences.contains(occurrence) else {
                    log.add(
                        entry.location, .noSuchOccurrence(task: task.id, occurrence: entry.occurrence?.vietnamese),
                        hint: .occurrenceIsTheDeadline(recurrence.occurrences.prefix(2).map(\.vietnamese))
                    )
                    continue
                }
            }
            completions[CompletionKey(task: task.id, occurrence: entry.occurrence)] = entry.completion
        }
        let name = ((source.path as NSString).lastPathComponent as NSString).deletingPathExtension
        let plan = Plan(
            id: name, title: table.title, year: table.year, tasks: tasks,
            sections: table.sections.map { Plan.Section(id: $0.id, title: $0.title) },
            source: SourceLocation(file: source.path))
        return (plan, completions)
    }
}
