import Foundation
import WorkingCalendar

/// JSON text as bytes: literals, integers, dates and escaped strings appended without building strings,
/// into a buffer written by index (the million-item output spends its time here).
struct JSONBytes: ~Copyable {
    private var storage: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(capacity: Int) {
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    /// The bytes so far, as an array.
    var array: [UInt8] { Array(UnsafeBufferPointer(rebasing: storage[0..<count])) }

    /// Bytes already written as JSON.
    mutating func raw(_ json: [UInt8]) {
        json.withUnsafeBufferPointer { bytes($0) }
    }

    /// The bytes so far, leaving the buffer empty.
    mutating func take() -> Data {
        defer { count = 0 }
        return Data(UnsafeBufferPointer(rebasing: storage[0..<count]))
    }

    /// Room for `more` bytes, the buffer doubled when they do not fit. Every write reserves first.
    private mutating func reserve(_ more: Int) {
        guard count + more > storage.count else { return }
        let grown = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 2 * (count + more))
        _ = grown.initialize(fromContentsOf: storage[0..<count])
        storage.deallocate()
        storage = grown
    }

    private mutating func byte(_ value: UInt8) {
        storage[count] = value
        count += 1
    }

    private mutating func bytes(_ source: UnsafeBufferPointer<UInt8>) {
        reserve(source.count)
        UnsafeMutableRawPointer(storage.baseAddress! + count).copyMemory(
            from: source.baseAddress!, byteCount: source.count)
        count += source.count
    }

    mutating func literal(_ text: StaticString) {
        text.withUTF8Buffer { bytes($0) }
    }

    mutating func integer(_ value: Int) {
        reserve(21)
        if value < 0 { byte(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var divisor: UInt = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            byte(UInt8(ascii: "0") + UInt8(magnitude / divisor % 10))
            divisor /= 10
        }
    }

    /// `"2024-03-31"`, twelve bytes written in place.
    mutating func date(_ date: CivilDate) {
        reserve(12)
        let out = storage.baseAddress! + count
        let (year, month, day) = (UInt(date.year) % 10000, UInt(date.month), UInt(date.day))
        let zero = UInt8(ascii: "0")
        out[0] = UInt8(ascii: "\"")
        out[1] = zero + UInt8(year / 1000)
        out[2] = zero + UInt8(year / 100 % 10)
        out[3] = zero + UInt8(year / 10 % 10)
        out[4] = zero + UInt8(year % 10)
        out[5] = UInt8(ascii: "-")
        out[6] = zero + UInt8(month / 10)
        out[7] = zero + UInt8(month % 10)
        out[8] = UInt8(ascii: "-")
        out[9] = zero + UInt8(day / 10)
        out[10] = zero + UInt8(day % 10)
        out[11] = UInt8(ascii: "\"")
        count += 12
    }

    /// A JSON string escaped as Foundation's JSONEncoder escapes it (the golden test holds them together):
    /// quotes, backslashes, `\b \f \n \r \t` and other control characters as `\u00XX`, the rest as UTF-8.
    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            reserve(2 + 6 * utf8.count)
            byte(UInt8(ascii: "\""))
            var plain = true
            for byte in utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                plain = false
                break
            }
            if plain {
                bytes(utf8)
            } else {
                for character in utf8 { escaped(character) }
            }
            byte(UInt8(ascii: "\""))
        }
    }

    private mutating func escaped(_ character: UInt8) {
        switch character {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
            byte(UInt8(ascii: "\\"))
            byte(character)
        case 0x08: literal("\\b")
        case 0x0C: literal("\\f")
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
