import Foundation
import Planner

/// `plan --json`, written as it is produced: an array with one reminder object per line, keys sorted.
/// A year of a large plan is a million items; building them all first and encoding them at once took
/// gigabytes, so each is serialised into a buffer flushed to standard output every megabyte.
enum PlanJSON {
    static func write(_ digests: [Digest], sendTime: SendTime) {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 21)
        var sendAt: [Int: String] = [:]
        var first = true
        buffer += Array("[\n".utf8)
        for digest in digests {
            let instant = sendAt[digest.sendDay.julianDay] ?? sendTime.iso8601(on: digest.sendDay)
            sendAt[digest.sendDay.julianDay] = instant
            for reminder in digest.reminders {
                if !first { buffer += Array(",\n".utf8) }
                first = false
                append(reminder, digest: digest, sendAt: instant, to: &buffer)
                if buffer.count > 1 << 20 {
                    FileHandle.standardOutput.write(Data(buffer))
                    buffer.removeAll(keepingCapacity: true)
                }
            }
        }
        buffer += Array("\n]\n".utf8)
        FileHandle.standardOutput.write(Data(buffer))
    }

    /// The fields of docs/cli.md, in key order.
    private static func append(_ reminder: Reminder, digest: Digest, sendAt: String, to buffer: inout [UInt8]) {
        let occurrence = reminder.occurrence
        buffer += Array("{\"channel\":".utf8)
        string(reminder.channel.description, &buffer)
        buffer += Array(",\"data_period\":".utf8)
        if let period = occurrence.dataPeriod {
            buffer += Array("[\"\(period.lowerBound.iso)\",\"\(period.upperBound.iso)\"]".utf8)
        } else {
            buffer += Array("null".utf8)
        }
        buffer += Array(
            ",\"days\":\(reminder.stage.days),\"deadline\":\"\(occurrence.deadline!.iso)\",\"digest\":".utf8)
        string(digest.id, &buffer)
        buffer += Array(
            ",\"escalation\":\(reminder.stage.escalation),\"nominal_deadline\":\"\(occurrence.nominalDeadline!.iso)\",\"occurrence\":"
                .utf8)
        if let key = occurrence.key { buffer += Array("\"\(key.iso)\"".utf8) } else { buffer += Array("null".utf8) }
        buffer += Array(",\"recipient\":".utf8)
        string(reminder.recipient, &buffer)
        buffer += Array(
            ",\"role\":\"\(reminder.role.rawValue)\",\"send_at\":\"\(sendAt)\",\"stage\":\"\(reminder.stage.stage.rawValue)\",\"task\":"
                .utf8)
        string(occurrence.task.id, &buffer)
        buffer += Array(",\"title\":".utf8)
        string(occurrence.task.title, &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    /// A JSON string: quotes, backslashes and control characters escaped, UTF-8 as is.
    static func string(_ text: String, _ buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20: buffer += Array(String(format: "\\u%04x", byte).utf8)
            default: buffer.append(byte)
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }
}
