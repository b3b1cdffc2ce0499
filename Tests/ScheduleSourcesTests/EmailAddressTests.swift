import Model
import Testing

@Suite("Email addresses as SMTP carries them (RFC 5321 Mailbox)")
struct EmailAddressTests {
    @Test(
        "Valid mailboxes",
        arguments: [
            "hung@phuong-ngoquyen.example", "tran.thi.lan@ubnd.haiphong.gov.vn", "a+b@x.example",
            "o'neil@x.example", "\"van phong\"@x.example", "x@[192.0.2.1]", "nhacviec@localhost",
        ])
    func valid(address: String) {
        #expect(EmailAddress.isValid(address))
    }

    @Test(
        "Refused: control characters, spaces, a second @, bad dots and labels, lengths",
        arguments: [
            "hung\u{0}x@x.example", "hung\r\nBcc: y@x.example", "hung x@x.example", "a@b@x.example", ".a@x.example",
            "a.@x.example", "a..b@x.example", "a@x", "a@-x.example", "a@x-.example", "a@x..example", "@x.example",
            "a@", "\"a\"b\"@x.example", "\"a\u{7}\"@x.example", "lê@x.example", "a@x_y.example",
            String(repeating: "a", count: 65) + "@x.example", "a@" + String(repeating: "b", count: 64) + ".example",
        ])
    func refused(address: String) {
        #expect(!EmailAddress.isValid(address))
    }
}
