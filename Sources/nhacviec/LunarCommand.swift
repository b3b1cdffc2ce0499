import ArgumentParser
import Catalogue
import Foundation
import WorkingCalendar

/// `nhacviec lunar`: a solar date to the Vietnamese lunar calendar, or back with `--to-solar`. It reads no
/// config, so it speaks Vietnamese.
struct LunarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lunar",
        abstract: "Convert a solar date to the Vietnamese lunar calendar (today by default), or back with --to-solar."
    )

    @Argument(help: "A solar date, YYYY-MM-DD or DD/MM/YYYY; today in Vietnam when omitted.")
    var date: String?

    @Option(name: .customLong("to-solar"), help: "A lunar date D/M/YYYY to convert to the solar calendar.")
    var lunarDate: String?

    @Flag(help: "With --to-solar: the date is in the year's leap month (tháng nhuận).")
    var leap = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if lunarDate != nil && date != nil {
            throw ValidationError("Give either a solar DATE or --to-solar, not both.")
        }
        if leap && lunarDate == nil {
            throw ValidationError("--leap only applies with --to-solar.")
        }
    }

    func run() throws {
        let conversion: LunarConversion
        if let lunarDate {
            let lunar = try Self.parseLunar(lunarDate, isLeapMonth: leap)
            do {
                conversion = LunarConversion(solar: try LunarCalendar.solar(from: lunar), lunar: lunar)
            } catch {
                throw CommandFailure(.lunarDate(lunarDate, leap: leap, error.problem), in: .vi)
            }
        } else {
            let solar = try date.map(Self.parseSolar) ?? Self.today()
            do {
                conversion = LunarConversion(solar: solar, lunar: try LunarCalendar.lunar(from: solar))
            } catch {
                throw CommandFailure(.solarDate(date ?? solar.iso, error.problem), in: .vi)
            }
        }
        if output.json {
            try JSONOutput.print(conversion)
        } else {
            print(conversion.text)
        }
    }

    static func parseSolar(_ text: String) throws -> CivilDate {
        do {
            return try CivilDate.parse(text)
        } catch {
            throw CommandFailure(text: Message.date(error).text(.vi))
        }
    }

    /// Reads `D/M/YYYY` as a lunar day, month and year.
    static func parseLunar(_ text: String, isLeapMonth: Bool) throws -> LunarDate {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map {
            Int($0.trimmingCharacters(in: .whitespaces))
        }
        guard parts.count == 3, let day = parts[0], let month = parts[1], let year = parts[2] else {
            throw CommandFailure(.notALunarDate(text), in: .vi)
        }
        return LunarDate(day: day, month: month, year: year, isLeapMonth: isLeapMonth)
    }

    /// Today's date in Vietnam, whatever the machine's own time zone.
    static func today() -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

/// One solar day and its lunar date, as `lunar` prints them.
struct LunarConversion: Encodable {
    let solar: CivilDate
    let lunar: LunarDate

    enum CodingKeys: String, CodingKey { case solar, weekday, day, month, year, leap, yearName = "year_name" }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(solar.iso, forKey: .solar)
        try container.encode(solar.weekday.vietnamese, forKey: .weekday)
        try container.encode(lunar.day, forKey: .day)
        try container.encode(lunar.month, forKey: .month)
        try container.encode(lunar.year, forKey: .year)
        try container.encode(lunar.isLeapMonth, forKey: .leap)
        try container.encode(lunar.yearName, forKey: .yearName)
    }

    var text: String {
        let leap = lunar.isLeapMonth ? " nhuận" : ""
        return
            "Dương lịch \(solar.weekday.vietnamese) \(solar.vietnamese) = âm lịch ngày \(lunar.day) tháng \(lunar.month)\(leap)"
            + " năm \(lunar.yearName) (\(lunar.year))"
    }
}
