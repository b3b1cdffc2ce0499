import App
import ArgumentParser
import Foundation
import Model
import Planner
import Transports
import WorkingCalendar

/// `nhacviec plan`: every reminder that would go out in a window, as digests.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Show every reminder that would go out between two dates, as digests.")

    @OptionGroup var config: ConfigOptions

    @Option(help: "The first day (default today).")
    var from: String?

    @Option(help: "The last day (default 30 days after --from).")
    var to: String?

    @Option(help: "Also write every email of the window into this Maildir folder, to read them before they go out.")
    var previewMaildir: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let office = try config.office(state: .ifPresent)
        let first =
            try from.map { try CommandFailure.date($0, option: "--from", language: office.language) } ?? office.today()
        let last =
            try to.map { try CommandFailure.date($0, option: "--to", language: office.language) }
            ?? first.adding(days: 30)
        guard first <= last else { throw CommandFailure(text: "--to \(last.iso) is before --from \(first.iso)") }
        guard first.days(to: last) <= 3 * 366 else {
            throw CommandFailure(text: "the window is longer than three years")
        }
        // Reported done by their officials and waiting for the clerk: the service does not remind them.
        let paused = try office.waitingForConfirmation()
        if output.json && previewMaildir == nil && paused.isEmpty {
            PlanJSON(sendTime: office.sendTime).write(office.planner, window: first...last)
            // Everything is written (unbuffered). A large plan is a few million objects, and freeing them
            // one by one on the way out only delays the exit.
            Foundation.exit(0)
        }
        let digests = office.planner.without(paused, in: office.planner.digests(in: first...last))
        if let previewMaildir { try preview(digests, office: office, into: previewMaildir) }
        if output.json {
            PlanJSON(sendTime: office.sendTime).write(digests)
        } else {
            print(PlanText.render(digests, office: office, window: first...last))
        }
    }
}

extension PlanCommand {
    /// Writes the email digests as the service would send them, into a Maildir.
    func preview(_ digests: [Digest], office: Office, into folder: String) throws {
        let envelopes = digests.filter { $0.channel == .email }.compactMap { digest -> MailEnvelope? in
            office.composer.compose(digest, date: office.sendTime.instant(on: digest.sendDay)).map {
                MailEnvelope(from: $0.envelope.from, to: $0.envelope.to, message: $0.bytes)
            }
        }
        for result in MaildirTransport(url: folder).send(envelopes) {
            if case .failure(let error) = result { throw CommandFailure(text: error.message) }
        }
        printError("nhacviec: \(envelopes.count) message(s) written to \(folder)/new")
    }
}

/// The plan as the clerk reads it: one block per digest.
enum PlanText {
    static func render(_ digests: [Digest], office: Office, window: ClosedRange<CivilDate>) -> String {
        let directory = office.schedule.directory
        let count = office.configuration.policy.count == .workingDays ? "ngày làm việc" : "ngày"
        var lines = [
            "Nhắc việc từ \(window.lowerBound.vietnamese) đến \(window.upperBound.vietnamese): \(digests.count) thư/tin nhắn"
        ]
        for digest in digests {
            let person = directory.official(digest.recipient)
            lines.append("")
            lines.append(
                "\(digest.sendDay.weekday.vietnamese) \(digest.sendDay.vietnamese) "
                    + "\(office.sendTime.iso8601(on: digest.sendDay).dropFirst(11).prefix(5)) → "
                    + "\(person?.name ?? digest.recipient) (\(digest.channel))")
            for (title, group) in [
                ("Quá hạn", digest.overdue), ("Đến hạn hôm nay", digest.dueToday), ("Sắp đến hạn", digest.dueSoon),
            ]
            where !group.isEmpty {
                lines.append("  \(title):")
                for reminder in group {
                    let stage = reminder.stage
                    let when =
                        switch stage.stage {
                        case .overdue: "quá hạn \(stage.days) \(count)"
                        case .due: "hạn hôm nay"
                        case .before: "còn \(stage.days) \(count)"
                        }
                    let copy = reminder.role == .cc ? " [đồng gửi]" : ""
                    lines.append(
                        "    [\(reminder.occurrence.task.id)] \(reminder.occurrence.task.title): hạn "
                            + "\(reminder.occurrence.deadline!.vietnamese), \(when)\(copy)")
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
