import App
import ArgumentParser
import Catalogue
import Foundation
import Model
import Outbox
import Reports

/// `nhacviec report`: the clerk's periodic report.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The periodic report: tasks by status per section and lead, overdue, carried over.")

    @Option(help: "The period: 2024-Q1, 2024-03, 2024-H1 or 2024 (default: this month).")
    var period: String?

    @Option(help: "\(ReportFormat.allValueStrings.joined(separator: ", ")) (default md).")
    var format: ReportFormat = .md

    @Option(help: "Write the report here instead of standard output.")
    var output: String?

    @Option(help: "The day to judge the report at (default today), as the service's clock had it then.")
    var at: String?

    @OptionGroup var config: ConfigOptions

    func run() throws {
        let office = try config.office(state: .ifPresent)
        let today =
            try at.map { try CommandFailure.date($0, option: "--at", language: office.language) } ?? office.today()
        let chosen: Period
        if let period {
            guard let parsed = Period(code: period) else {
                throw CommandFailure(.notAPeriod(period), in: office.language)
            }
            chosen = parsed
        } else {
            chosen = Period(containing: today, length: .month)
        }
        let report = try office.report(for: chosen, at: today)
        let bytes: Data
        do {
            bytes = try format.render(report)
        } catch {
            throw CommandFailure(.cannotWriteWorkbook(reason: error.localizedDescription), in: office.language)
        }
        if let output {
            do {
                try bytes.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw CommandFailure(
                    .cannotWrite(path: output, reason: error.localizedDescription), in: office.language)
            }
        } else {
            FileHandle.standardOutput.write(bytes)
        }
    }
}

/// `report --format`: how the report is written.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    case html, md, csv, json, xlsx

    func render(_ report: PlanReport) throws -> Data {
        switch self {
        case .md: Data(MarkdownReport.render(report).utf8)
        case .html: Data(HTMLReport.render(report).utf8)
        case .csv: Data(CSVReport.render(report).utf8)
        case .json: Data(JSONReport.render(report).utf8)
        case .xlsx: try XLSXReport.render(report)
        }
    }
}
