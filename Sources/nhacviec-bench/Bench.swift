import App
import Foundation
import Messages
import Planner
import ScheduleSources
import TOML
import Transports
import WorkingCalendar

/// In-process measurements for `make bench` (scripts/bench.py drives it and prints the table):
///   nhacviec-bench day CONFIG DATE          one day's evaluation (digests of one day), best of 5, in ms
///   nhacviec-bench smtp URL COUNT           COUNT messages over one SMTP connection: messages per second
///   nhacviec-bench webhook URL COUNT        COUNT POSTs over one kept connection: requests per second
/// Each prints one line of JSON.
@main
enum Bench {
    static func main() {
        do {
            try run()
        } catch {
            FileHandle.standardError.write(Data("nhacviec-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run() throws {
        let arguments = CommandLine.arguments.dropFirst().map { $0 }
        guard let mode = arguments.first else {
            FileHandle.standardError.write(Data("usage: nhacviec-bench day|smtp|webhook …\n".utf8))
            exit(2)
        }
        switch mode {
        case "day": try day(config: arguments[1], date: arguments[2])
        case "load": try load(config: arguments[1], plan: arguments[2])
        case "smtp": smtp(url: arguments[1], count: Int(arguments[2])!)
        case "webhook": webhook(url: arguments[1], count: Int(arguments[2])!)
        default: exit(2)
        }
    }

    static func seconds(_ work: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try work()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func day(config: String, date: String) throws {
        var office: Office!
        let load = try seconds { office = try Office.open(config: config, state: .none) }
        let day = try CivilDate.parse(date)
        var digests = 0
        var reminders = 0
        var others = 0
        var best = Double.infinity
        var bestOthers = Double.infinity
        for _ in 0..<5 {
            var result: [Digest] = []
            best = min(
                best,
                seconds {
                    result = office.planner.digests(in: day...day)
                    digests = result.count
                    reminders = result.reduce(0) { $0 + $1.reminders.count }
                })
            // What the service adds to each digest: the recipient's other open overdue tasks.
            bestOthers = min(
                bestOthers,
                seconds { others = office.planner.withOtherOverdue(result).reduce(0) { $0 + $1.otherOverdue.count } })
        }
        print(
            "{\"tasks\": \(office.schedule.tasks.count), \"load_s\": \(load), \"day_ms\": \(best * 1000), \"digests\": \(digests), \"reminders\": \(reminders), \"others_ms\": \(bestOthers * 1000), \"others\": \(others)}"
        )
    }

    /// Where loading time goes: the TOML parser alone, the schedule (config and plans), the whole office.
    static func load(config: String, plan: String) throws {
        let text = try String(contentsOfFile: plan, encoding: .utf8)
        let parse = try seconds { _ = try TOMLParser.parse(text) }
        let schedule = try seconds { _ = try ScheduleLoader.load(config: config) }
        let office = try seconds { _ = try Office.open(config: config, state: .none) }
        print("{\"toml_s\": \(parse), \"schedule_s\": \(schedule), \"office_s\": \(office)}")
    }

    static func smtp(url: String, count: Int) {
        let transport = SMTPTransport(settings: SMTPSettings(url: url))
        let message = Array("From: <vp@x.example>\r\nTo: <a@x.example>\r\nSubject: bench\r\n\r\nxin chao\r\n".utf8)
        let envelopes = (0..<count).map { MailEnvelope(from: "vp@x.example", to: "u\($0)@x.example", message: message) }
        var delivered = 0
        let elapsed = seconds { delivered = transport.send(envelopes).filter { (try? $0.get()) != nil }.count }
        print("{\"messages\": \(delivered), \"seconds\": \(elapsed), \"per_second\": \(Double(delivered) / elapsed)}")
    }

    static func webhook(url: String, count: Int) {
        let transport = WebhookTransport()
        let body = Array("{\"type\":\"nhacviec.bench\"}".utf8)
        var delivered = 0
        let elapsed = seconds {
            for _ in 0..<count
            where
                (try? transport.post(
                    WebhookRequest(url: url, headers: [("Content-Type", "application/json")], body: body)
                ).get()) != nil
            {
                delivered += 1
            }
        }
        print("{\"requests\": \(delivered), \"seconds\": \(elapsed), \"per_second\": \(Double(delivered) / elapsed)}")
    }
}
