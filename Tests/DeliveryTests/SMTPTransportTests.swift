import Foundation
import TestSupport
import Testing

@testable import Transports

/// A small well-formed message for the transport tests.
func plainMessage(to: String, subject: String = "test") -> [UInt8] {
    Array("From: <vp@x.example>\r\nTo: <\(to)>\r\nSubject: \(subject)\r\n\r\nxin chao\r\n".utf8)
}

@Suite("SMTP through libcurl, against a real server (aiosmtpd)", .serialized)
struct SMTPTransportTests {
    @Test("STARTTLS with a certificate made by the test, and AUTH: delivered, the server's answer returned")
    func startTLSAndAuth() throws {
        let folder = try TemporaryFolder()
        let (server, certificate) = try smtpServer(in: folder, tls: true, auth: "vanphong:s3cret")
        let cert = try #require(certificate)
        let transport = SMTPTransport(
            settings: SMTPSettings(
                url: "smtp://127.0.0.1:\(server.port)", username: "vanphong", password: "s3cret", caFile: cert))
        let results = transport.send([
            MailEnvelope(from: "vp@x.example", to: "thu@x.example", message: plainMessage(to: "thu@x.example"))
        ])
        let receipt = try results[0].get()
        #expect(receipt.answer.hasPrefix("250 2.0.0 Ok: queued as Q0001"))
        let envelope =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: folder.file("mail/0001.json")))) as? [String: Any]
        #expect(envelope?["tls"] as? Bool == true)
        #expect(envelope?["auth"] as? Bool == true)
        #expect(envelope?["rcpt_tos"] as? [String] == ["thu@x.example"])
    }

    @Test("A certificate nobody vouches for is refused, permanently, unless checks are switched off")
    func untrustedCertificate() throws {
        let folder = try TemporaryFolder()
        let (server, _) = try smtpServer(in: folder, tls: true)
        let envelope = MailEnvelope(
            from: "vp@x.example", to: "thu@x.example", message: plainMessage(to: "thu@x.example"))
        let strict = SMTPTransport(settings: SMTPSettings(url: "smtp://127.0.0.1:\(server.port)"))
        let refused = strict.send([envelope])[0]
        #expect(throws: DeliveryError.self) { try refused.get() }
        if case .failure(let error) = refused { #expect(!error.isRetryable && error.message.contains("certificate")) }
        let lax = SMTPTransport(
            settings: SMTPSettings(url: "smtp://127.0.0.1:\(server.port)", verifyCertificates: false))
        #expect(try lax.send([envelope])[0].get().answer.hasPrefix("250"))
    }

    @Test("smtps:// speaks TLS from the first byte")
    func implicitTLS() throws {
        let folder = try TemporaryFolder()
        let (server, certificate) = try smtpServer(in: folder, tls: true, implicit: true)
        let cert = try #require(certificate)
        let transport = SMTPTransport(settings: SMTPSettings(url: "smtps://127.0.0.1:\(server.port)", caFile: cert))
        #expect(
            try transport.send([
                MailEnvelope(from: "vp@x.example", to: "a@x.example", message: plainMessage(to: "a@x.example"))
            ])[0].get().answer.hasPrefix("250"))
    }

    @Test("A wrong password is a permanent failure that says the login was refused, and never shows the password")
    func wrongPassword() throws {
        let folder = try TemporaryFolder()
        let (server, certificate) = try smtpServer(in: folder, tls: true, auth: "vanphong:s3cret")
        let cert = try #require(certificate)
        let transport = SMTPTransport(
            settings: SMTPSettings(
                url: "smtp://127.0.0.1:\(server.port)", username: "vanphong", password: "wrong-Pa55", caFile: cert))
        let result = transport.send([
            MailEnvelope(from: "vp@x.example", to: "a@x.example", message: plainMessage(to: "a@x.example"))
        ])[0]
        guard case .failure(let error) = result else {
            Issue.record("delivered with a wrong password")
            return
        }
        #expect(!error.isRetryable)
        #expect(error.message.contains("refused the login"))
        #expect(!error.message.contains("wrong-Pa55"))
    }

    @Test("451 is worth a retry; the retry goes through")
    func deferredThenAccepted() throws {
        let folder = try TemporaryFolder()
        let server = try TestServer(
            script: "smtp_server.py", arguments: ["--store", folder.file("mail"), "--defer", "1"])
        let transport = SMTPTransport(settings: SMTPSettings(url: "smtp://127.0.0.1:\(server.port)"))
        let envelope = MailEnvelope(from: "vp@x.example", to: "a@x.example", message: plainMessage(to: "a@x.example"))
        guard case .failure(let first) = transport.send([envelope])[0] else {
            Issue.record("the 451 was not seen")
            return
        }
        #expect(first.isRetryable)
        #expect(first.message.contains("451"))
        #expect(try transport.send([envelope])[0].get().answer.hasPrefix("250"))
    }

    @Test("550 for one recipient of two: that message fails for good, the other is delivered")
    func oneRecipientRefused() throws {
        let folder = try TemporaryFolder()
        let server = try TestServer(
            script: "smtp_server.py", arguments: ["--store", folder.file("mail"), "--reject", "nobody@x.example"])
        let transport = SMTPTransport(settings: SMTPSettings(url: "smtp://127.0.0.1:\(server.port)"))
        let results = transport.send([
            MailEnvelope(from: "vp@x.example", to: "nobody@x.example", message: plainMessage(to: "nobody@x.example")),
            MailEnvelope(from: "vp@x.example", to: "thu@x.example", message: plainMessage(to: "thu@x.example")),
        ])
        guard case .failure(let refused) = results[0] else {
            Issue.record("the refused recipient was delivered")
            return
        }
        #expect(!refused.isRetryable)
        #expect(refused.message.contains("550") && refused.message.contains("nobody@x.example"), "\(refused.message)")
        #expect(try results[1].get().answer.hasPrefix("250"))
        #expect(folder.files(in: "mail", withExtension: ".eml").count == 1)
    }

    @Test("A batch goes over one connection")
    func connectionReuse() throws {
        let folder = try TemporaryFolder()
        let server = try TestServer(script: "smtp_server.py", arguments: ["--store", folder.file("mail")])
        let transport = SMTPTransport(settings: SMTPSettings(url: "smtp://127.0.0.1:\(server.port)"))
        let batch = (1...20).map {
            MailEnvelope(from: "vp@x.example", to: "u\($0)@x.example", message: plainMessage(to: "u\($0)@x.example"))
        }
        let results = transport.send(batch)
        #expect(results.allSatisfy { (try? $0.get()) != nil })
        #expect(folder.files(in: "mail", withExtension: ".eml").count == 20)
        let connections = try String(contentsOfFile: folder.file("mail/connections"), encoding: .utf8)
        #expect(connections.split(separator: "\n").count == 1)
    }

    @Test("A server that is down is a temporary failure")
    func serverDown() throws {
        let transport = SMTPTransport(
            settings: SMTPSettings(url: "smtp://127.0.0.1:\(try closedPort())", connectTimeout: 2))
        guard
            case .failure(let error) = transport.send([
                MailEnvelope(from: "a@x.example", to: "b@x.example", message: plainMessage(to: "b@x.example"))
            ])[0]
        else {
            Issue.record("delivered to nothing")
            return
        }
        #expect(error.isRetryable)
        #expect(error.message.contains("cannot reach the mail server"))
    }

    @Test(
        "STARTTLS may be skipped only when every address the name resolves to is loopback",
        arguments: [
            ("127.0.0.1", true), ("127.8.9.10", true), ("localhost", true), ("::1", true), ("::ffff:127.0.0.1", true),
            ("10.0.0.5", false), ("0.0.0.0", false), ("::ffff:10.0.0.5", false), ("128.0.0.1", false),
            // A name that only looks like a loopback address, and resolves to nothing here.
            ("127.relay.example", false),
        ])
    func loopbackRule(host: String, loopback: Bool) {
        #expect(ServerAddresses.resolve(host).areLoopback == loopback)
    }

    @Test("The port of the URL, else the scheme's")
    func ports() {
        #expect(SMTPSettings(url: "smtp://mail.x.example:587").port == 587)
        #expect(SMTPSettings(url: "smtp://user@[::1]:2525").port == 2525)
        #expect(SMTPSettings(url: "smtp://mail.x.example").port == 25)
        #expect(SMTPSettings(url: "smtps://mail.x.example").port == 465)
    }
}
