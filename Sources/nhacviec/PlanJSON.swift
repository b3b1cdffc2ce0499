import Foundation
import Planner
import WorkingCalendar

/// `plan --json`, written as it is produced: an array with one reminder object per line, keys sorted.
/// A year of a large plan is a million items; each is serialised byte by byte (no intermediate strings)
/// into a buffer flushed to standard output every megabyte, as the planner hands over each day's digests.
struct PlanJSON {
    private let buffer = JSONBytes()
    private var sendAt: (day: CivilDate, text: String)?
    private var first = true
    private let sendTime: SendTime

    init(sendTime: SendTime) {
        self.sendTime = sendTime
        buffer.literal("[\n")
    }

    mutating func write(_ digest: Digest) {
        if sendAt?.day != digest.sendDay { sendAt = (digest.sendDay, sendTime.iso8601(on: digest.sendDay)) }
        for reminder in digest.reminders {
            if !first { buffer.literal(",\n") }
            first = false
            append(reminder, digest: digest, sendAt: sendAt!.text)
            if buffer.count > 1 << 20 { flush() }
        }
    }

    mutating func finish() {
        buffer.literal("\n]\n")
        flush()
    }

    private func flush() {
        FileHandle.standardOutput.write(buffer.take())
    }

    /// The fields of docs/cli.md, in key order.
    private func append(_ reminder: Reminder, digest: Digest, sendAt: String) {
        let occurrence = reminder.occurrence
        buffer.literal("{\"channel\":")
        buffer.string(reminder.channel.description)
        buffer.literal(",\"data_period\":")
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
        buffer.literal(",\"digest\":")
        buffer.string(digest.id)
        buffer.literal(",\"escalation\":")
        buffer.integer(reminder.stage.escalation)
        buffer.literal(",\"nominal_deadline\":")
        buffer.date(occurrence.nominalDeadline!)
        buffer.literal(",\"occurrence\":")
        if let key = occurrence.key { buffer.date(key) } else { buffer.literal("null") }
        buffer.literal(",\"recipient\":")
        buffer.string(reminder.recipient)
        buffer.literal(",\"role\":")
        buffer.string(reminder.role.rawValue)
        buffer.literal(",\"send_at\":")
        buffer.string(sendAt)
        buffer.literal(",\"stage\":")
        buffer.string(reminder.stage.stage.rawValue)
        buffer.literal(",\"task\":")
        buffer.string(occurrence.task.id)
        buffer.literal(",\"title\":")
        buffer.string(occurrence.task.title)
        buffer.literal("}")
    }
}

/// JSON text as bytes: literals, integers, dates and escaped strings appended without building strings,
/// into a buffer of fixed capacity written by index (the million-item output spends its time here).
final class JSONBytes {
    private var storage: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(capacity: Int = 1 << 21) {
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    /// The bytes so far, leaving the buffer empty.
    func take() -> Data {
        defer { count = 0 }
        return Data(UnsafeBufferPointer(rebasing: storage[0..<count]))
    }

    /// Room for `more` bytes: the caller flushes long before the buffer fills, and one string is never
    /// more than the buffer; past that, the buffer grows rather than writes out of bounds.
    private func reserve(_ more: Int) {
        guard count + more > storage.count else { return }
        let grown = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 2 * (count + more))
        _ = grown.initialize(fromContentsOf: storage[0..<count])
        storage.deallocate()
        storage = grown
    }

    private func byte(_ value: UInt8) {
        storage[count] = value
        count += 1
    }

    private func bytes(_ source: UnsafeBufferPointer<UInt8>) {
        reserve(source.count)
        UnsafeMutableRawPointer(storage.baseAddress! + count).copyMemory(
            from: source.baseAddress!, byteCount: source.count)
        count += source.count
    }

    func literal(_ text: StaticString) {
        text.withUTF8Buffer { bytes($0) }
    }

    func integer(_ value: Int) {
        reserve(21)
        if value < 0 { byte(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var width = 1
        var power: UInt = 10
        while width < 19 && magnitude >= power {
            width += 1
            power *= 10
        }
        digits(magnitude, width)
    }

    /// `"2024-03-31"`.
    func date(_ date: CivilDate) {
        reserve(12)
        byte(UInt8(ascii: "\""))
        digits(UInt(date.year), 4)
        byte(UInt8(ascii: "-"))
        digits(UInt(date.month), 2)
        byte(UInt8(ascii: "-"))
        digits(UInt(date.day), 2)
        byte(UInt8(ascii: "\""))
    }

    private func digits(_ value: UInt, _ width: Int) {
        var divisor: UInt = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            byte(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped, UTF-8 as is.
    func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            reserve(2 + 6 * utf8.count)
            byte(UInt8(ascii: "\""))
            if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                bytes(utf8)
            } else {
                for character in utf8 { escaped(character) }
            }
            byte(UInt8(ascii: "\""))
        }
    }

    private func escaped(_ character: UInt8) {
        switch character {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
            byte(UInt8(ascii: "\\"))
            byte(character)
        case UInt8(ascii: "\n"): literal("\\n")
        case UInt8(ascii: "\r"): literal("\\r")
        case UInt8(ascii: "\t"): literal("\\t")
        case 0..<0x20:
            literal("\\u00")
            byte(Self.hex[Int(character >> 4)])
            byte(Self.hex[Int(character & 0xF)])
        default: byte(character)
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)
}
