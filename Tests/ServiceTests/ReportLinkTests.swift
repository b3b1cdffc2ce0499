import App
import Foundation
import Testing
import WorkingCalendar

@Suite("The signed report links: one text per link")
struct ReportLinkTests {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    /// Other spellings of the same bytes of one part of a token: with `=` padding, and with other values in
    /// the unused low bits of its last character.
    static func respellings(of part: Substring) -> [String] {
        var spellings: [String] = []
        let text = String(part)
        if text.count % 4 != 0 { spellings.append(text + String(repeating: "=", count: 4 - text.count % 4)) }
        let unused = text.count % 4 == 2 ? 4 : text.count % 4 == 3 ? 2 : 0
        if unused > 0, let last = text.last, let index = alphabet.firstIndex(of: last) {
            for low in 0..<(1 << unused) where low != index & ((1 << unused) - 1) {
                spellings.append(String(text.dropLast()) + String(alphabet[(index & ~((1 << unused) - 1)) | low]))
            }
        }
        return spellings
    }

    @Test("A link read back is the link made; every other spelling of its bytes, and any tampering, is refused")
    func canonicalOnly() throws {
        let signer = ReportLink.Signer(key: Data(repeating: 7, count: 32), base: "https://nhacviec.example")
        let now = Date(timeIntervalSince1970: 1_710_376_200)
        // Payloads of each length modulo 3, so that both parts end in every way base64 can end.
        for task in ["2.1", "2.1.4", "BC.THANG"] {
            let link = ReportLink(
                task: task, occurrence: CivilDate(year: 2024, month: 3, day: 18), official: "hung",
                expires: now.addingTimeInterval(86_400))
            let token = signer.token(link)
            #expect(signer.read(token, now: now) == link)
            let parts = token.split(separator: ".")
            var variants: [String] = []
            for spelling in Self.respellings(of: parts[0]) { variants.append(spelling + "." + parts[1]) }
            for spelling in Self.respellings(of: parts[1]) { variants.append(parts[0] + "." + spelling) }
            #expect(!variants.isEmpty)
            for variant in variants {
                #expect(signer.read(variant, now: now) == nil, "\(variant) is \(token) spelled otherwise")
            }
            #expect(signer.read(token, now: now.addingTimeInterval(86_401)) == nil, "expired")
            #expect(signer.read(String(token.dropLast()) + "A", now: now) == nil || token.hasSuffix("A"))
        }
    }
}
