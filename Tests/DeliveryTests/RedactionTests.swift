import Foundation
import Testing
import Transports

@Suite("Redaction: every form a request carried a secret in")
struct RedactionTests {
    @Test("As written, percent-encoded in either case, base64, and SMTP AUTH PLAIN; the rest of the text kept")
    func forms() {
        let redaction = Redaction(secrets: ["Mat/Khau:9"], login: (user: "vanphong", password: "Mat/Khau:9"))
        let plain = Data("\0vanphong\0Mat/Khau:9".utf8).base64EncodedString()
        for text in [
            "535 bad Mat/Khau:9", "GET /x/Mat%2FKhau%3A9 404",
            "GET /x/Mat%2fkhau%3a9".replacingOccurrences(
                of: "khau", with: "Khau"),
            "AUTH LOGIN \(Data("Mat/Khau:9".utf8).base64EncodedString())", "AUTH PLAIN \(plain)",
        ] {
            let scrubbed = redaction.scrub(text)
            #expect(scrubbed.contains(Redaction.mark), "\(text) → \(scrubbed)")
            #expect(!scrubbed.contains("Khau"), "\(text) → \(scrubbed)")
        }
        #expect(redaction.scrub("250 2.0.0 Ok: queued as Q0001") == "250 2.0.0 Ok: queued as Q0001")
    }
}
