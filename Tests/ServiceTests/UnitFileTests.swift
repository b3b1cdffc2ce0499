import Foundation
import TestSupport
import Testing

@Suite("systemd/nhacviec.service", .enabled(if: FileManager.default.fileExists(atPath: "/usr/bin/systemd-analyze")))
struct UnitFileTests {
    let unit = repositoryRoot + "/systemd/nhacviec.service"

    @Test("systemd-analyze verify finds nothing wrong (with ExecStart pointing at the binary just built)")
    func verify() throws {
        let folder = try TemporaryFolder()
        let text = try String(contentsOfFile: unit, encoding: .utf8)
        #expect(text.contains("ExecStart=/usr/local/bin/nhacviec serve --config /etc/nhacviec/nhacviec.toml"))
        try text.replacingOccurrences(of: "/usr/local/bin/nhacviec", with: CommandLineRun.binary.path)
            .write(toFile: folder.file("nhacviec.service"), atomically: true, encoding: .utf8)
        let (status, said) = try runCapturing("/usr/bin/systemd-analyze", ["verify", folder.file("nhacviec.service")])
        #expect(status == 0, "\(said)")
        #expect(said.isEmpty, "\(said)")
    }

    @Test("systemd-analyze security --offline=yes rates the exposure at most 1.5")
    func security() throws {
        let said = try run("/usr/bin/systemd-analyze", ["security", "--offline=yes", "--no-pager", unit])
        let line = try #require(said.split(separator: "\n").first { $0.contains("Overall exposure level") })
        let score = try #require(line.split(separator: ":").last?.split(separator: " ").first.flatMap { Double($0) })
        #expect(score <= 1.5, "\(line)")
    }

    @Test("The unit is hardened the way docs/service.md says, secrets through LoadCredential")
    func hardening() throws {
        let text = try String(contentsOfFile: unit, encoding: .utf8)
        for line in [
            // A fixed user, which the command line run by root switches to (docs/service.md, "One state").
            "Type=notify", "User=nhacviec", "StateDirectory=nhacviec",
            // The credentials folder made when missing, so that LoadCredential= never fails the start.
            "ConfigurationDirectory=nhacviec/credentials\nConfigurationDirectoryMode=0700",
            "LoadCredential=nhacviec:/etc/nhacviec/credentials", "ProtectSystem=strict", "TimeoutStopSec=10s",
            "ExecReload=/bin/kill -HUP $MAINPID", "WatchdogSec=",
        ] {
            #expect(text.contains(line), "\(line)")
        }
    }

    @Test(
        "The template unit for several wards: verified, as hardened as the plain unit, each ward its own config, state, secrets and journal name"
    )
    func template() throws {
        let template = repositoryRoot + "/systemd/nhacviec@.service"
        let said = try run("/usr/bin/systemd-analyze", ["security", "--offline=yes", "--no-pager", template])
        let line = try #require(said.split(separator: "\n").first { $0.contains("Overall exposure level") })
        let score = try #require(line.split(separator: ":").last?.split(separator: " ").first.flatMap { Double($0) })
        #expect(score <= 1.5, "\(line)")
        func hardening(_ path: String) throws -> [Substring] {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let start = try #require(text.range(of: "CapabilityBoundingSet="))
            let end = try #require(text.range(of: "SystemCallErrorNumber=EPERM"))
            return text[start.lowerBound..<end.upperBound].split(separator: "\n").filter { !$0.hasPrefix("#") }
        }
        #expect(try hardening(template) == hardening(unit), "the two units' hardening must not drift apart")
        let text = try String(contentsOfFile: template, encoding: .utf8)
        for line in [
            "ExecStart=/usr/bin/nhacviec serve --config /etc/nhacviec/%i/nhacviec.toml", "StateDirectory=nhacviec/%i",
            "LoadCredential=nhacviec:/etc/nhacviec/%i/credentials", "ConfigurationDirectory=nhacviec/%i/credentials",
            "SyslogIdentifier=nhacviec-%i", "User=nhacviec",
        ] {
            #expect(text.contains(line), "\(line)")
        }
    }
}
