/// Reads the unquoted scalars of TOML: integers, floats, dates, times and date-times.
enum TOMLScalar {
    static func parse(_ token: String) -> TOMLValue? {
        let chars = Array(token.utf8)
        if let first = chars.first, isDigit(first), chars.count >= 10, chars[4] == UInt8(ascii: "-") {
            return dateOrDateTime(chars)
        }
        if chars.count >= 5, chars[2] == UInt8(ascii: ":"), let time = time(chars[...]) {
            return .time(time)
        }
        if let integer = integer(token) { return .integer(integer) }
        if let float = float(token) { return .float(float) }
        return nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// The fixed-width digits of a date or a time (2 or 4 of them).
    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for byte in bytes {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func dateOrDateTime(_ chars: [UInt8]) -> TOMLValue? {
        guard chars[7] == UInt8(ascii: "-"), let year = number(chars[0..<4]), let month = number(chars[5..<7]),
            let day = number(chars[8..<10]), (1...12).contains(month), (1...daysIn(month, year)).contains(day)
        else { return nil }
        let date = TOMLDate(year: year, month: month, day: day)
        if chars.count == 10 { return .date(date) }
        guard [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(chars[10]) else { return nil }
        var rest = chars[11...]
        var offset: Int?
        if let last = rest.last, last == UInt8(ascii: "Z") || last == UInt8(ascii: "z") {
            offset = 0
            rest = rest.dropLast()
        } else if rest.count >= 6, [UInt8(ascii: "+"), UInt8(ascii: "-")].contains(rest[rest.endIndex - 6]),
            rest[rest.endIndex - 3] == UInt8(ascii: ":"),
            let hours = number(rest[(rest.endIndex - 5)..<(rest.endIndex - 3)]),
            let minutes = number(rest[(rest.endIndex - 2)...]), hours < 24, minutes < 60
        {
            let sign = rest[rest.endIndex - 6] == UInt8(ascii: "-") ? -1 : 1
            offset = sign * (hours * 60 + minutes)
            rest = rest.dropLast(6)
        }
        // The time of a date-time has its seconds (TOML 1.0); only a local time may omit them.
        guard rest.count >= 8, let time = time(rest) else { return nil }
        return .dateTime(date, time, offsetMinutes: offset)
    }

    private static func time(_ chars: ArraySlice<UInt8>) -> TOMLTime? {
        let c = Array(chars)
        guard c.count >= 5, c[2] == UInt8(ascii: ":"), let hour = number(c[0..<2]), let minute = number(c[3..<5]),
            hour < 24, minute < 60
        else { return nil }
        if c.count == 5 { return TOMLTime(hour: hour, minute: minute, second: 0) }
        guard c.count >= 8, c[5] == UInt8(ascii: ":"), let second = number(c[6..<8]), second < 61 else { return nil }
        if c.count > 8 {
            guard c[8] == UInt8(ascii: "."), c.count > 9, c[9...].allSatisfy(isDigit) else { return nil }
        }
        return TOMLTime(hour: hour, minute: minute, second: second)
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Underscores only between digits; no leading zeros; hex, octal and binary with a prefix.
    private static func integer(_ token: String) -> Int? {
        var text = Substring(token)
        var sign = 1
        if let first = text.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            text = text.dropFirst()
            guard !text.hasPrefix("0x"), !text.hasPrefix("0o"), !text.hasPrefix("0b") else { return nil }
        }
        var radix = 10
        for (prefix, base) in [("0x", 16), ("0o", 8), ("0b", 2)] where text.hasPrefix(prefix) {
            radix = base
            text = text.dropFirst(2)
        }
        guard underscoresBetweenDigits(text, radix: radix) else { return nil }
        let digits = text.replacingOccurrences(of: "_", with: "")
        if radix == 10 && digits.count > 1 && digits.hasPrefix("0") { return nil }
        // The sign goes with the digits: -9223372036854775808 has no positive counterpart.
        return Int((sign < 0 ? "-" : "") + digits, radix: radix)
    }

    private static func float(_ token: String) -> Double? {
        var text = Substring(token)
        var sign = 1.0
        if let first = text.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            text = text.dropFirst()
        }
        if text == "inf" { return sign * .infinity }
        if text == "nan" { return .nan }
        // Decimal point needs digits on both sides; the exponent may follow either form.
        let parts = text.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "E", maxSplits: 1, omittingEmptySubsequences: false) }
        guard let mantissa = parts.first, parts.count <= 2 else { return nil }
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= 2, pieces.allSatisfy({ underscoresBetweenDigits($0, radix: 10) }) else { return nil }
        if pieces[0].count > 1 && pieces[0].hasPrefix("0") { return nil }
        if parts.count == 2 {
            var exponent = parts[1]
            if let first = exponent.first, first == "+" || first == "-" { exponent = exponent.dropFirst() }
            guard underscoresBetweenDigits(exponent, radix: 10) else { return nil }
        } else if pieces.count == 1 {
            return nil
        }
        guard let value = Double(String(text).replacingOccurrences(of: "_", with: "")) else { return nil }
        return sign * value
    }

    private static func underscoresBetweenDigits(_ text: Substring, radix: Int) -> Bool {
        guard let first = text.first, let last = text.last, first != "_", last != "_", !text.contains("__") else {
            return false
        }
        return text.allSatisfy { $0 == "_" || $0.hexDigitValue.map { $0 < radix } == true }
    }
}

extension Substring {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        String(self).split(separator: Character(target), omittingEmptySubsequences: false).joined(
            separator: replacement)
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
