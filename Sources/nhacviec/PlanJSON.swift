import Foundation
import Planner
import WorkingCalendar

/// `plan --json`, written as it is produced: an array with one reminder object per line, keys sorted.
/// A year of a large plan is a million items: each is serialised byte by byte (no intermediate strings),
/// the send days side by side on every core, and each day's bytes are written out as soon as it is its turn.
struct PlanJSON: Sendable {
    let sendTime: SendTime

    /// Writes the digests of `window` to standard output, a few send days at a time rendered side by side
    /// on every core and written in send order, so memory stays that of a few days.
    func write(_ planner: Planner, window: ClosedRange<CivilDate>) {
        var first = true
        FileHandle.standardOutput.write(Data("[\n".utf8))
        let days = planner.sendDays(in: window)
        let batch = 8 * max(1, ProcessInfo.processInfo.activeProcessorCount)
        for start in stride(from: 0, to: days.count, by: batch) {
            let rendered = concurrentMap(min(batch, days.count - start)) { offset in
                render(planner.digests(of: days[start + offset]))
            }
            for offset in rendered.indices where !rendered[offset].isEmpty {
                if !first { FileHandle.standardOutput.write(Data(",\n".utf8)) }
                first = false
                FileHandle.standardOutput.write(rendered[offset])
            }
        }
        FileHandle.standardOutput.write(Data("\n]\n".utf8))
    }

    /// Writes `digests` (already planned) to standard output.
    func write(_ digests: [Digest]) {
        let items = render(digests)
        FileHandle.standardOutput.write(Data("[\n".utf8) + items + Data("\n]\n".utf8))
    }

    /// The items of one send day's digests, one per line, separated by commas.
    @Sendable func render(_ digests: [Digest]) -> Data {
        var buffer = JSONBytes(capacity: 1 << 18)
        var first = true
        var sendAt = (day: CivilDate?.none, text: "")
        for digest in digests {
            if sendAt.day != digest.sendDay { sendAt = (digest.sendDay, sendTime.iso8601(on: digest.sendDay)) }
            let shared = DigestFields(digest, sendAt: sendAt.text)
            for reminder in digest.reminders {
                if !first { buffer.literal(",\n") }
                first = false
                append(reminder, shared, to: &buffer)
            }
        }
        return buffer.take()
    }

    /// The fields every reminder of a digest shares, written once per digest with the keys around them.
    private struct DigestFields {
        /// `{"channel":"email","data_period":`
        let opening: [UInt8]
        /// `,"digest":"2024-03-25/lam/email","escalation":`
        let digest: [UInt8]
        /// `,"recipient":"lam","role":`
        let recipient: [UInt8]
        /// `,"send_at":"2024-03-25T07:30:00+07:00","stage":`
        let sendAt: [UInt8]

        init(_ digest: Digest, sendAt: String) {
            func fields(_ build: (inout JSONBytes) -> Void) -> [UInt8] {
                var bytes = JSONBytes(capacity: 256)
                build(&bytes)
                return bytes.array
            }
            opening = fields {
                $0.literal("{\"channel\":")
                $0.string(digest.channel.description)
                $0.literal(",\"data_period\":")
            }
            self.digest = fields {
                $0.literal(",\"digest\":")
                $0.string(digest.id.description)
                $0.literal(",\"escalation\":")
            }
            recipient = fields {
                $0.literal(",\"recipient\":")
                $0.string(digest.recipient)
                $0.literal(",\"role\":")
            }
            self.sendAt = fields {
                $0.literal(",\"send_at\":")
                $0.string(sendAt)
                $0.literal(",\"stage\":")
            }
        }
    }

    /// The fields of docs/cli.md, in key order.
    private func append(_ reminder: Reminder, _ shared: DigestFields, to buffer: inout JSONBytes) {
        let occurrence = reminder.occurrence
        buffer.raw(shared.opening)
        if let period = occurrence.dataPeriod {
            buffer.literal("[")
            buffer.date(period.lowerBound)
            buffer.literal(",")
            buffer.date(period.upperBound)
            buffer.literal("]")
        } else {
            buffer.literal("null")
        }
        buffer.literal(",\"days\":")
        buffer.integer(reminder.stage.days)
        buffer.literal(",\"deadline\":")
        buffer.date(occurrence.deadline!)
        buffer.raw(shared.digest)
        buffer.integer(reminder.stage.escalation)
        buffer.literal(",\"nominal_deadline\":")
        buffer.date(occurrence.nominalDeadline!)
        buffer.literal(",\"occurrence\":")
        if let key = occurrence.key { buffer.date(key) } else { buffer.literal("null") }
        buffer.raw(shared.recipient)
        // Role and Stage's raw values, as literals: two string copies fewer for each of a million items.
        switch reminder.role {
        case .to: buffer.literal("\"to\"")
        case .cc: buffer.literal("\"cc\"")
        }
        buffer.raw(shared.sendAt)
        switch reminder.stage.stage {
        case .before: buffer.literal("\"before\"")
        case .due: buffer.literal("\"due\"")
        case .overdue: buffer.literal("\"overdue\"")
        }
        buffer.literal(",\"task\":")
        buffer.string(occurrence.task.id)
        buffer.literal(",\"title\":")
        buffer.string(occurrence.task.title)
        buffer.literal("}")
    }
}
