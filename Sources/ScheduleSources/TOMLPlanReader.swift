import Catalogue
import Model
import TOML
import WorkingCalendar

/// Reads a TOML plan: `[plan]` and its `[[task]]` tables, each resolved against the directory.
enum TOMLPlanReader {
    static let taskKeys = [
        "id", "title", "section", "focus", "lead", "responsible", "coordinating", "document", "target",
        "carried_over_from", "due", "every", "day", "month", "from", "until", "completed", "completion_note",
        "completed_occurrences", "report", "note", "reminders",
    ]

    /// - Parameter clerk: who receives the reminders of the plan's own bodies (`[[unit]]`).
    static func read(
        _ source: PlanSource, directory config: Directory, clerk: OfficialID?, log: DiagnosticLog
    ) -> (Plan, [CompletionKey: Completion])? {
        guard let root = TOMLFile.read(source.path, listedAt: source.listedAt, log: log) else { return nil }
        var reader = TableReader(root: root, file: source.path, log: log)
        guard var header = reader.table("plan") else {
            log.add(SourceLocation(file: source.path, line: 1), .planNeedsHeader)
            return nil
        }
        let id = header.string("id", required: true) ?? source.path
        let title = header.string("title") ?? id
        let year = header.integer("year", required: true, range: 1900...2100) ?? source.year ?? 0
        _ = header.string("document")
        header.finish(known: ["id", "title", "year", "document"])
        var sections: [Plan.Section] = []
        for entry in reader.tables("section") {
            var entry = entry
            if let id = entry.string("id", required: true), let title = entry.string("title", required: true) {
                sections.append(Plan.Section(id: id, title: title))
            }
            entry.finish(known: ["id", "title"])
        }
        let units = outsideBodies(&reader, known: config, clerk: clerk)
        let directory = config.adding(units)
        let resolver = CachedNameResolver(NameResolver(directory: directory))
        var tasks: [PlanTask] = []
        let taskTables = reader.tables("task")
        tasks.reserveCapacity(taskTables.count)
        var completions: [CompletionKey: Completion] = [:]
        completions.reserveCapacity(taskTables.count)
        for entry in taskTables {
            var task = TaskReader(table: entry, resolver: resolver, planYear: year)
            if let read = task.read(completions: &completions) { tasks.append(read) }
        }
        reader.finish(known: ["plan", "section", "task", "unit"])
        if tasks.isEmpty && log.isEmpty {
            log.add(SourceLocation(file: source.path, line: 1), .planHasNoTasks)
        }
        let plan = Plan(
            id: id, title: title, year: year, tasks: tasks, sections: sections,
            source: SourceLocation(file: source.path, line: header.line), units: units
        )
        return (plan, completions)
    }

    /// The plan's `[[unit]]`: bodies an imported table names that the config may not know, each with its
    /// `name`. One the config knows is the config's; the others' reminders go to the clerk.
    private static func outsideBodies(_ reader: inout TableReader, known: Directory, clerk: OfficialID?) -> [Unit] {
        let names = NameResolver(directory: known)
        var units: [Unit] = []
        for entry in reader.tables("unit") {
            var entry = entry
            defer { entry.finish(known: ["id", "name"]) }
            guard let name = entry.string("name", required: true), (try? names.assignee(name)) == nil else { continue }
            guard let clerk else {
                entry.log.add(
                    entry.location(of: "name"), .outsideBodyWithoutClerk(name), hint: .example("clerk = \"…\""))
                continue
            }
            units.append(Unit(id: entry.string("id") ?? BodyName.id(name), name: name, contact: clerk))
        }
        return units
    }
}

/// Reads one `[[task]]` table.
struct TaskReader {
    var table: TableReader
    let resolver: CachedNameResolver
    let planYear: Int

    init(table: TableReader, resolver: CachedNameResolver, planYear: Int) {
        self.table = table
        self.resolver = resolver
        self.planYear = planYear
    }

    /// The task, its completions added to `completions`; nil when it has errors (they are logged).
    mutating func read(completions: inout [CompletionKey: Completion]) -> PlanTask? {
        defer { table.finish(known: TOMLPlanReader.taskKeys) }
        let errorsBefore = table.log.items.count
        guard let id = table.string("id", required: true) else { return nil }
        table.place = .task(id)
        let title = table.string("title", required: true) ?? ""
        let lead = table.string("lead").flatMap { name in
            resolve("lead", name) { name throws(NameError) in try resolver.official(name) }
        }
        let responsible = (table.strings("responsible", required: true) ?? []).compactMap { name in
            resolve("responsible", name) { name throws(NameError) in try resolver.assignee(name) }
        }
        let (deadline, deadlineText, finishBefore) = readDeadline()
        let reminders = readOverride()
        let report = table.choice("report", ReportCadence.self)
        readCompletions(id: id, deadline: deadline, into: &completions)
        let task = PlanTask(
            id: id, title: title, section: table.string("section"), isFocus: table.boolean("focus") ?? false,
            lead: lead, responsible: responsible, coordinating: table.strings("coordinating") ?? [],
            document: table.string("document"), target: table.string("target"),
            carriedOverFrom: table.integer("carried_over_from", range: 1900...2100), deadline: deadline ?? .ongoing,
            deadlineText: deadlineText, finishBefore: finishBefore, planYear: planYear, reminders: reminders,
            report: report,
            note: table.string("note"),
            source: table.location(nil))
        guard table.log.items.count == errorsBefore, deadline != nil else { return nil }
        return task
    }

    private func resolve<Value>(_ key: String, _ name: String, _ lookup: (String) throws(NameError) -> Value) -> Value?
    {
        do {
            return try lookup(name)
        } catch {
            table.log.add(table.location(of: key), .of(key, in: table.place, .name(error)))
            return nil
        }
    }

    /// `due` (a date or a phrase), or `every` with `day`, `month`, `from`, `until`; and whether the
    /// phrase says "Trước …"; with `due`'s text (the date's ISO form, or the phrase).
    private mutating func readDeadline() -> (Deadline?, text: String?, finishBefore: Bool) {
        let due = table.raw("due")
        let every = table.string("every")
        let day = table.integer("day", range: 1...31)
        let month = table.integer("month", range: 1...12)
        let from = table.date("from")
        let until = table.date("until")
        // Where an error about the deadline points; only looked up when there is one.
        var location: SourceLocation { table.location(of: every != nil ? "every" : "due") }
        var deadline: Deadline?
        var text: String?
        var finishBefore = false
        switch (due, every) {
        case (nil, nil):
            table.log.add(table.location(nil), .taskNeedsDeadline(table.place))
        case (.some, .some):
            table.log.add(location, .dueAndEvery(table.place))
        case (let due?, nil):
            if let date = TableReader.date(due) {
                (deadline, text) = (.date(date), date.iso)
            } else if case .string(let phrase) = due.value {
                do {
                    let reading = try DeadlinePhrase.read(phrase, planYear: planYear)
                    (deadline, text, finishBefore) = (reading.deadline, phrase, reading.finishBefore)
                } catch {
                    table.log.add(table.location(due.line), .of("due", in: table.place, .deadline(error)))
                }
            } else {
                table.log.add(table.location(due.line), .dueWrongType(table.place, found: due.value.kind))
            }
        case (nil, let every?):
            let frequency: Recurrence.Frequency?
            switch every {
            case "week":
                let weekday = day.flatMap { (1...7).contains($0) ? Weekday(rawValue: $0 - 1) : nil }
                if day != nil && weekday == nil {
                    table.log.add(location, .weeklyDay)
                }
                frequency = .weekly(weekday ?? .friday)
            case "month": frequency = .monthly(day: day)
            case "quarter": frequency = .quarterly(day: day)
            case "half_year": frequency = .halfYearly(day: day)
            case "year":
                let m = month ?? 12
                frequency = .yearly(month: m, day: day ?? CivilDate.daysIn(month: m, year: planYear))
            default:
                table.log.add(
                    location,
                    .notOneOf(
                        "every", in: table.place, choices: ["week", "month", "quarter", "half_year", "year"],
                        found: every))
                frequency = nil
            }
            let start = from ?? CivilDate(year: planYear, month: 1, day: 1)!
            let end = until ?? CivilDate(year: planYear, month: 12, day: 31)!
            if end < start {
                table.log.add(table.location(of: "until"), .untilBeforeFrom(until: end.iso, from: start.iso))
            }
            deadline = frequency.map { .recurring(Recurrence(frequency: $0, start: start, end: end)) }
        }
        if case .recurring = deadline {
        } else if day != nil || month != nil || from != nil || until != nil {
            table.log.add(location, .onlyWithEvery)
        }
        return (deadline, text, finishBefore)
    }

    private mutating func readOverride() -> ReminderOverride? {
        guard var reminders = table.table("reminders") else { return nil }
        let override = ReminderOverride(
            before: reminders.integers("before", range: 1...366), onDeadline: reminders.boolean("on_deadline"),
            overdueEvery: reminders.integer("overdue_every", range: 1...366))
        reminders.finish(known: ["before", "on_deadline", "overdue_every"])
        return override
    }

    /// `completed` (+ `completion_note`) for a one-off task; `completed_occurrences` for a recurring one,
    /// keyed by the occurrence's nominal deadline. The first task with an id keeps its completions (a
    /// second one is an error of its own).
    private mutating func readCompletions(
        id: TaskID, deadline: Deadline?, into completions: inout [CompletionKey: Completion]
    ) {
        func add(_ key: CompletionKey, _ completion: Completion) {
            if completions[key] == nil { completions[key] = completion }
        }
        let note = table.string("completion_note")
        if let date = table.date("completed") {
            if case .recurring = deadline {
                table.log.add(table.location(of: "completed"), .recurringCompletedOnce)
            }
            add(CompletionKey(task: id), Completion(date: date, note: note))
        }
        if let node = table.raw("completed_occurrences") {
            guard case .table(let entries) = node.value, case .recurring(let recurrence) = deadline else {
                table.log.add(table.location(node.line), .completedOccurrencesShape)
                return
            }
            let occurrences = Set(recurrence.occurrences)
            for entry in entries.entries {
                let occurrence = try? CivilDate.parse(entry.key)
                guard let occurrence, occurrences.contains(occurrence) else {
                    table.log.add(
                        table.location(entry.keyLine), .notAnOccurrence(entry.key, task: id),
                        hint: .occurrencesFallOn(recurrence.occurrences.prefix(3).map(\.iso)))
                    continue
                }
                guard let date = TableReader.date(entry.node) else {
                    table.log.add(table.location(entry.node.line), .completionNotADate(entry.key))
                    continue
                }
                add(CompletionKey(task: id, occurrence: occurrence), Completion(date: date))
            }
        }
    }
}
