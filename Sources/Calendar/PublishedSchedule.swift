import Catalogue
import TOML

/// What the government fixed for one year within the Labor Code (art. 112.3): the days of the Tết
/// break, the day beside 2/9, and weekdays given off against Saturdays worked, each with the decision
/// that fixed it.
///
/// Each year is a data file (`Schedules/calendar-YEAR.toml`, embedded in the binary); an office adds a
/// year or overrides one with a file of the same form in `calendar/` beside its config, with no new
/// binary. Years without one follow ``HolidayRules``.
public struct PublishedSchedule: Sendable {
    public let year: Int
    /// Every day of the Tết break, weekends inside it included; no compensation is added on top.
    public let tet: ClosedRange<CivilDate>?
    /// The day beside Quốc khánh 2/9 (ngày liền kề), or nil to take the rule's.
    public let nationalDayAdjacent: CivilDate?
    public let swaps: [DaySwap]
    /// The decision as the office cites it: "Thông báo 9441/TB-BNV ngày 16/10/2025".
    public let tetSource: String
    public let nationalDaySource: String
    /// Where the schedule was read: the embedded file, or the office's.
    public let file: String

    /// The published schedules shipped with this release.
    public static let known: [Int: PublishedSchedule] = {
        let embedded: [(String, [UInt8])] = [
            ("calendar-2024.toml", PackageResources.calendar_2024_toml),
            ("calendar-2025.toml", PackageResources.calendar_2025_toml),
            ("calendar-2026.toml", PackageResources.calendar_2026_toml),
        ]
        var schedules: [Int: PublishedSchedule] = [:]
        for (name, bytes) in embedded {
            // The embedded files are tested to read; one that did not would be a build that cannot ship.
            let schedule = try! read(String(decoding: bytes, as: UTF8.self), file: "built-in \(name)")
            schedules[schedule.year] = schedule
        }
        return schedules
    }()

    /// Reads one year's file.
    public static func read(_ text: String, file: String) throws(PublishedScheduleError) -> PublishedSchedule {
        let root: TOMLTable
        do {
            root = try TOMLParser.parse(text)
        } catch {
            throw PublishedScheduleError(file: file, line: error.line, message: .toml(error.problem))
        }
        let fields = Fields(table: root, file: file)
        let year = try fields.integer("year")
        guard (1900...2100).contains(year) else { throw fields.error("year", .scheduleYearRange) }
        let source = try fields.string("source", default: "lịch nghỉ năm \(year) đã công bố")
        var tet: ClosedRange<CivilDate>?
        var tetSource = source
        if let table = try fields.table("tet") {
            let from = try table.date("from")
            let to = try table.date("to")
            guard from <= to, from.days(to: to) < 15 else { throw table.error("to", .tetBreakLength) }
            tet = from...to
            tetSource = try table.string("source", default: source)
            try table.finish(["from", "to", "source"])
        }
        var adjacent: CivilDate?
        var nationalDaySource = source
        if let table = try fields.table("national_day") {
            adjacent = try table.date("adjacent")
            nationalDaySource = try table.string("source", default: source)
            try table.finish(["adjacent", "source"])
        }
        var swaps: [DaySwap] = []
        for table in try fields.tables("swap") {
            let off = try table.date("off")
            let worked = try table.date("worked")
            swaps.append(DaySwap(off: off, worked: worked, source: try table.string("source", default: source)))
            try table.finish(["off", "worked", "source"])
        }
        try fields.finish(["year", "source", "tet", "national_day", "swap"])
        for date in (tet.map { [$0.lowerBound, $0.upperBound] } ?? []) + [adjacent].compactMap({ $0 })
            + swaps.flatMap({ [$0.off, $0.worked] }) where date.year != year
        {
            throw PublishedScheduleError(file: file, line: 1, message: .dateNotInYear(date.iso, year: year))
        }
        return PublishedSchedule(
            year: year, tet: tet, nationalDayAdjacent: adjacent, swaps: swaps, tetSource: tetSource,
            nationalDaySource: nationalDaySource, file: file)
    }
}

/// A weekday given off against a weekend day worked, and the decision that swapped them.
public struct DaySwap: Sendable {
    public let off: CivilDate
    public let worked: CivilDate
    public let source: String
}

/// A schedule file that cannot be read: where, and why.
public struct PublishedScheduleError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: Message
    public var description: String { "\(file):\(line): \(message.text(.en))" }
}

/// The keys of one table of a schedule file, each read once and checked.
private struct Fields {
    let table: TOMLTable
    let file: String
    /// The table's own line, for a key that is missing.
    var line = 1

    func error(_ key: String, _ message: Message) -> PublishedScheduleError {
        PublishedScheduleError(file: file, line: table[key]?.keyLine ?? line, message: message)
    }

    func integer(_ key: String) throws(PublishedScheduleError) -> Int {
        guard case .integer(let value)? = table[key]?.node.value else {
            throw error(key, .scheduleNeeds(key, .integer))
        }
        return value
    }

    func string(_ key: String, default fallback: String) throws(PublishedScheduleError) -> String {
        guard let entry = table[key] else { return fallback }
        guard case .string(let value) = entry.node.value else { throw error(key, .scheduleNeeds(key, .string)) }
        return value
    }

    func date(_ key: String) throws(PublishedScheduleError) -> CivilDate {
        guard case .date(let value)? = table[key]?.node.value,
            let date = CivilDate(year: value.year, month: value.month, day: value.day)
        else { throw error(key, .scheduleNeeds(key, .date)) }
        return date
    }

    func table(_ key: String) throws(PublishedScheduleError) -> Fields? {
        guard let entry = table[key] else { return nil }
        guard case .table(let inner) = entry.node.value else { throw error(key, .scheduleNeeds(key, .table)) }
        return Fields(table: inner, file: file, line: entry.keyLine)
    }

    func tables(_ key: String) throws(PublishedScheduleError) -> [Fields] {
        guard let entry = table[key] else { return [] }
        guard case .array(let nodes) = entry.node.value else { throw error(key, .scheduleNeeds(key, .tables)) }
        return try nodes.map { node throws(PublishedScheduleError) in
            guard case .table(let inner) = node.value else { throw error(key, .scheduleNeeds(key, .tables)) }
            return Fields(table: inner, file: file, line: node.line)
        }
    }

    func finish(_ known: Set<String>) throws(PublishedScheduleError) {
        if let unknown = table.entries.first(where: { !known.contains($0.key) }) {
            throw PublishedScheduleError(
                file: file, line: unknown.keyLine,
                message: .scheduleUnknownKey(unknown.key, known: known.sorted()))
        }
    }
}
