import App
import ArgumentParser
import Foundation
import Outbox
import Reports

/// `nhacviec report`: the clerk's periodic report.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The periodic report: tasks by status per section and lead, overdue, carried over.")

    @Option(help: "The period: 2024-Q1, 2024-03, 2024-H1 or 2024 (default: this month).")
    var period: String?

    @Option(help: "html, md, csv or json (default md).")
    var format: String = "md"

    @Option(help: "Write the report here instead of standard output.")
    var output: String?

    @OptionGroup var config: ConfigOptions

    func run() throws {
        let runtime = try config.runtime()
        let today = runtime.today()
        let code = period ?? "\(today.year)-\(today.month < 10 ? "0" : "")\(today.month)"
        guard let spec = ReportPeriodSpec.parse(code) else {
            throw CommandFailure("--period \"\(code)\" is not a period (write 2024-Q1, 2024-03, 2024-H1 or 2024)")
        }
        let renderers: [String: (PlanReport) -> String] = [
            "md": MarkdownReport.render, "html": HTMLReport.render, "csv": CSVReport.render, "json": JSONReport.render,
        ]
        guard let render = renderers[format] else {
            throw CommandFailure("--format \"\(format)\" is not one of html, md, csv, json")
        }
        let report = ReportBuilder.build(
            planner: runtime.planner, period: spec, today: today, failures: try failures(runtime, spec))
        let text = render(report)
        if let output {
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                throw CommandFailure("cannot write \(output): \(error.localizedDescription)")
            }
        } else {
            print(text, terminator: "")
        }
    }

    /// Deliveries that failed for good with a send time in the period, from the state database.
    func failures(_ runtime: Runtime, _ spec: ReportPeriodSpec) throws -> [PlanReport.FailedDelivery] {
        let file = (runtime.stateDirectory() as NSString).appendingPathComponent("nhacviec.sqlite")
        guard FileManager.default.fileExists(atPath: file) else { return [] }
        let from = runtime.sendTime.instant(on: spec.period.firstDay).timeIntervalSince1970 - 86_400
        let to = runtime.sendTime.instant(on: spec.period.lastDay).timeIntervalSince1970 + 86_400
        return try Outbox(database: StateDatabase(directory: runtime.stateDirectory())).failed(
            sentBetween: from, and: to
        )
        .map { PlanReport.FailedDelivery(digest: $0.digest, destination: $0.destination, answer: $0.lastAnswer ?? "") }
    }
}
