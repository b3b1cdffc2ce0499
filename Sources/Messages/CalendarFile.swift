import Foundation
import WorkingCalendar

/// An iCalendar (RFC 5545) file with one all-day event per deadline in a digest, so the deadline lands
/// in the official's calendar.
enum CalendarFile {
    struct Event {
        let uid: String
        let date: CivilDate
        let summary: String
        let description: String
    }

    static func render(_ events: [Event], stamp: String) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//nhacviec//nhac viec//VI", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ]
        for event in events {
            let day = event.date.iso.replacingOccurrences(of: "-", with: "")
            let next = event.date.adding(days: 1).iso.replacingOccurrences(of: "-", with: "")
            lines += [
                "BEGIN:VEVENT", "UID:\(escape(event.uid))", "DTSTAMP:\(stamp)", "DTSTART;VALUE=DATE:\(day)",
                "DTEND;VALUE=DATE:\(next)", "SUMMARY:\(escape(event.summary))",
                "DESCRIPTION:\(escape(event.description))",
                "TRANSP:TRANSPARENT", "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.flatMap(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT values escape backslash, semicolon, comma and line breaks.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\n")
    }

    /// Lines longer than 75 octets continue on lines starting with a space, never splitting a character.
    static func fold(_ line: String) -> [String] {
        var lines: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > (lines.isEmpty ? 75 : 74) {
                lines.append(lines.isEmpty ? current : " " + current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        lines.append(lines.isEmpty ? current : " " + current)
        return lines
    }
}
