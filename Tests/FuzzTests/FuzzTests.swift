import Foundation
import Model
import TestSupport
import Testing

@testable import ScheduleSources
@testable import TOML

/// Generated inputs for everything that reads outside input: each corpus file mutated many times (bytes
/// flipped, inserted, deleted, duplicated, tokens of the formats spliced in) and fed to its reader,
/// which must answer with a value or an error, never crash. `make test` runs a short session;
/// `make fuzz` sets FUZZ_ITERATIONS for a long one. A crash found becomes a test in RegressionTests.
@Suite("Fuzzing the readers of outside input")
struct FuzzTests {
    static let iterations = Int(ProcessInfo.processInfo.environment["FUZZ_ITERATIONS"] ?? "") ?? 1_500
    static let seed = UInt64(ProcessInfo.processInfo.environment["FUZZ_SEED"] ?? "") ?? 20_240_210

    static func corpus(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Corpus"))
        return Array(try Data(contentsOf: url))
    }

    static let tokens: [[UInt8]] = [
        "quý", "Quý V", "/", "-", "–", ",", "\"", "'", "[[", "]]", "[", "=", "\n", "\r\n", "{", "}", "\\u", "&#x", "<",
        ">",
        "&amp;", "<c r=\"A99999999999999999999\"", "999999999999999999999", "-0", "\u{0301}", "\u{0323}", "Đ/c", "\t",
        "\0",
        "hằng", "tháng 13", "ngày 32", "<![CDATA[", "<!DOCTYPE", "\"\"\"", "'''", "2024-02-30", "0x", "1e999",
    ].map { Array($0.utf8) }

    static func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0...Int(rng.next() % 4) {
            let position = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count))
            switch rng.next() % 6 {
            case 0 where !bytes.isEmpty: bytes[position] ^= UInt8(truncatingIfNeeded: rng.next() | 1)
            case 1: bytes.insert(contentsOf: tokens[Int(rng.next() % UInt64(tokens.count))], at: position)
            case 2 where !bytes.isEmpty:
                bytes.removeSubrange(position..<min(bytes.count, position + Int(rng.next() % 16) + 1))
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int(rng.next() % 64) + 1)
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            case 4: bytes = Array(bytes.prefix(position))
            default: bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: position)
            }
        }
        return bytes
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("Deadline phrases")
    func phrases() throws {
        var rng = SplitMix64(seed: Self.seed)
        let lines = Self.text(try Self.corpus("phrases.txt")).split(separator: "\n").map { Array($0.utf8) }
        for _ in 0..<Self.iterations * 4 {
            _ = try? DeadlinePhrase.parse(
                Self.text(Self.mutate(lines[Int(rng.next() % UInt64(lines.count))], &rng)), planYear: 2024)
        }
    }

    @Test("Names")
    func names() throws {
        var rng = SplitMix64(seed: Self.seed)
        let loaded = try ScheduleLoader.load(
            config: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("config").path)
        let resolver = NameResolver(directory: loaded.schedule.directory)
        let lines = Self.text(try Self.corpus("names.txt")).split(separator: "\n").map { Array($0.utf8) }
        for _ in 0..<Self.iterations * 2 {
            _ = try? resolver.assignee(Self.text(Self.mutate(lines[Int(rng.next() % UInt64(lines.count))], &rng)))
        }
    }

    @Test("TOML: the config and a plan")
    func toml() throws {
        var rng = SplitMix64(seed: Self.seed)
        let inputs = [try Self.corpus("config.toml"), try Self.corpus("plan.toml")]
        for index in 0..<Self.iterations {
            _ = try? TOMLParser.parse(Self.text(Self.mutate(inputs[index % 2], &rng)))
        }
    }

    @Test("CSV tables")
    func csv() throws {
        var rng = SplitMix64(seed: Self.seed)
        let input = try Self.corpus("plan.csv")
        for _ in 0..<Self.iterations {
            if let sheet = try? CSVReader.read(Self.text(Self.mutate(input, &rng))) {
                let log = DiagnosticLog()
                let source = PlanSource(
                    path: "t.csv", year: nil, sheet: nil, columns: [:], listedAt: SourceLocation(file: "c"))
                _ = AssignmentTable.read([sheet], file: "t.csv", source: source, columns: ColumnMapping(), log: log)
            }
        }
    }

    @Test("The .xlsx reader: the archive's bytes, and the XML inside it")
    func xlsx() throws {
        var rng = SplitMix64(seed: Self.seed)
        let input = try Self.corpus("plan.xlsx")
        let path = NSTemporaryDirectory() + "fuzz-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        for _ in 0..<max(50, Self.iterations / 10) {
            try Data(Self.mutate(input, &rng)).write(to: URL(fileURLWithPath: path))
            _ = try? XLSXReader.read(path: path)
        }
        let xml = Array(
            #"<sst><si><t>Nội &amp; dung</t></si><si><r><t>a</t></r><rPh><t>x</t></rPh></si></sst><row r="3"><c r="B3" t="s" s="1"><v>0</v></c></row><mergeCell ref="A2:A5"/>"#
                .utf8)
        for _ in 0..<Self.iterations * 2 {
            var scanner = XMLScanner(Self.mutate(xml, &rng))
            while let event = try? scanner.next() { _ = event }
        }
    }
}
