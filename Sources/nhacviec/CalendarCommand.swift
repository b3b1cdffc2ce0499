import ArgumentParser
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
        let year = try Self.parseYear(self.year)
        let calendar = try config.calendar()
        let report = CalendarYearReport(year: year, calendar: calendar)
        if output.json {
            try JSONOutput.print(report)
        } else {
            print(report.text)
        }
    }

    static func parseYear(_ text: String) throws -> Int {
        guard let year = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw CommandFailure("\"\(text)\" is not a year (write it with four digits, for example 2024)")
        }
        guard WorkingCalendar.supportedYears.contains(year) else {
            let range = WorkingCalendar.supportedYears
            throw CommandFailure("\(year) is outside the supported years \(range.lowerBound)–\(range.upperBound)")
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

        enum CodingKeys: String, CodingKey { case date, weekday, reason, kind }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(date.iso, forKey: .date)
            try container.encode(date.weekday.vietnamese, forKey: .weekday)
            try container.encode(reason, forKey: .reason)
            try container.encodeIfPresent(kind?.rawValue, forKey: .kind)
        }

        var line: String {
            "  \(date.weekday.vietnamese.padding(toLength: 9, withPad: " ", startingAt: 0)) \(date.vietnamese)  \(reason)"
        }
    }

    let year: Int
    let daysOff: [Day]
    let workingDays: [Day]
    let workingDayCount: Int

    enum CodingKeys: String, CodingKey {
        case year
        case daysOff = "days_off"
        case workingDays = "working_days"
        case workingDayCount = "working_day_count"
    }

    init(year: Int, calendar: WorkingCalendar) {
        self.year = year
        daysOff = calendar.daysOff(in: year).map { Day(date: $0.date, reason: $0.reason, kind: $0.kind) }
        workingDays = calendar.workedDays(in: year).map { Day(date: $0.date, reason: $0.reason, kind: nil) }
        workingDayCount = calendar.workingDayCount(in: year)
    }

    var text: String {
        var lines = ["Lịch làm việc năm \(year): \(workingDayCount) ngày làm việc", ""]
        lines.append("Ngày nghỉ (ngoài thứ Bảy, Chủ nhật thường lệ):")
        lines += daysOff.map(\.line)
        if !workingDays.isEmpty {
            lines += ["", "Thứ Bảy, Chủ nhật đi làm:"]
            lines += workingDays.map(\.line)
        }
        return lines.joined(separator: "\n")
    }
}
