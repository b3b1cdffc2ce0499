import ArgumentParser
import Catalogue
import Foundation
import WorkingCalendar

/// `nhacviec calendar YEAR`: the year's days off with their reasons, and the weekend days worked.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "List a year's days off (holidays, Tết, compensatory and swapped days) and weekend days worked."
    )

    @Argument(
        help: "The year, \(WorkingCalendar.supportedYears.lowerBound)–\(WorkingCalendar.supportedYears.upperBound).")
    var year: String

    @OptionGroup var config: ConfigOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let year = try Self.parseYear(self.year, language: config.language)
        let calendar = try config.calendar()
        let report = CalendarYearReport(year: year, calendar: calendar)
        if output.json {
            try JSONOutput.print(report)
        } else {
            print(report.text)
        }
    }

    static func parseYear(_ text: String, language: Language) throws -> Int {
        guard let year = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw CommandFailure(.notAYear(text), in: language)
        }
        guard WorkingCalendar.supportedYears.contains(year) else {
            let range = WorkingCalendar.supportedYears
            throw CommandFailure(
                .yearOutOfRange(year, lower: range.lowerBound, upper: range.upperBound), in: language)
        }
        return year
    }
}

/// What `calendar` prints, as text and as the JSON of docs/cli.md.
struct CalendarYearReport: Encodable {
    struct Day: Encodable {
        let date: CivilDate
        let reason: String
        let kind: DayOff.Kind?
        let source: String

        enum CodingKeys: String, CodingKey { case date, weekday, reason, kind, source }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(date.iso, forKey: .date)
            try container.encode(date.weekday.vietnamese, forKey: .weekday)
            try container.encode(reason, forKey: .reason)
            try container.encodeIfPresent(kind?.rawValue, forKey: .kind)
            try container.encode(source, forKey: .source)
        }

        var line: String {
            "  \(date.weekday.vietnamese.padding(toLength: 9, withPad: " ", startingAt: 0)) \(date.vietnamese)  \(reason)"
                + "  [\(source)]"
        }
    }

    let year: Int
    /// Whether the government's schedule for the year is known; without it Tết and the day beside 2/9
    /// follow the rule.
    let announced: Bool
    let daysOff: [Day]
    let workingDays: [Day]
    let workingDayCount: Int

    enum CodingKeys: String, CodingKey {
        case year, announced
        case daysOff = "days_off"
        case workingDays = "working_days"
        case workingDayCount = "working_day_count"
    }

    init(year: Int, calendar: WorkingCalendar) {
        self.year = year
        announced = calendar.isAnnounced(year)
        daysOff = calendar.daysOff(in: year).map {
            Day(date: $0.date, reason: $0.reason, kind: $0.kind, source: $0.source)
        }
        workingDays = calendar.workedDays(in: year).map {
            Day(date: $0.date, reason: $0.reason, kind: nil, source: $0.source)
        }
        workingDayCount = calendar.workingDayCount(in: year)
    }

    var text: String {
        var lines = ["Lịch làm việc năm \(year): \(workingDayCount) ngày làm việc", ""]
        if !announced {
            lines += [
                "Lịch nghỉ năm \(year) chưa được công bố: Tết và ngày liền kề 2/9 tính theo quy tắc, có thể khác "
                    + "quyết định sẽ ban hành. Khi có quyết định, thêm tệp calendar/\(year).toml bên cạnh "
                    + "nhacviec.toml (docs/calendar.md).",
                "",
            ]
        }
        lines.append("Ngày nghỉ (ngoài thứ Bảy, Chủ nhật thường lệ):")
        lines += daysOff.map(\.line)
        if !workingDays.isEmpty {
            lines += ["", "Thứ Bảy, Chủ nhật đi làm:"]
            lines += workingDays.map(\.line)
        }
        return lines.joined(separator: "\n")
    }
}
