import Catalogue
import Foundation
import Model
import ScheduleSources
import Testing

@Suite("Names and units (docs/config.md)")
struct NameResolverTests {
    let resolver: NameResolver = {
        let officials = [
            Official(
                id: "khanh", name: "Vũ Trí Khánh", title: "Chủ tịch UBND phường", email: "k@x.example", isTop: true),
            Official(
                id: "lam", name: "Nguyễn Văn Lâm", title: "Phó Chủ tịch UBND phường", email: "l@x.example",
                aliases: ["PCT Lâm"]),
            Official(id: "tan", name: "Nguyễn Thị Tần", title: "Phó Chủ tịch UBND phường", email: "t@x.example"),
            Official(id: "lam2", name: "Trần Thị Lâm", title: "Công chức", email: "l2@x.example"),
            Official(id: "thu", name: "Lê Thị Thu", title: "Công chức Văn phòng - Thống kê", email: "th@x.example"),
        ]
        let units = [
            Unit(id: "vp-tk", name: "Công chức Văn phòng - Thống kê", contact: "thu"),
            Unit(id: "ca", name: "Công an phường", aliases: ["CA phường"], contact: "khanh"),
        ]
        return NameResolver(directory: Directory(officials: officials, units: units, channels: [:]))
    }()

    @Test(
        "Full names, ids, aliases and titles stripped",
        arguments: [
            ("Vũ Trí Khánh", Assignee.official("khanh")), ("khanh", .official("khanh")),
            ("Ông Vũ Trí Khánh", .official("khanh")),
            ("đ/c Vũ Trí Khánh", .official("khanh")), ("Đồng chí Nguyễn Thị Tần", .official("tan")),
            ("Bà Nguyễn Thị Tần", .official("tan")), ("PCT Lâm", .official("lam")), ("pct lâm", .official("lam")),
            ("CT Khánh", .official("khanh")), ("PCT Tần", .official("tan")), ("NGUYỄN THỊ TẦN", .official("tan")),
            ("Ông Vũ Trí Khánh - Chủ tịch UBND phường", .official("khanh")),
            ("Chủ tịch UBND phường", .official("khanh")),
        ])
    func names(name: String, expected: Assignee) throws {
        #expect(try resolver.assignee(name) == expected)
    }

    @Test("Names written in decomposed Unicode (NFD) resolve")
    func decomposed() throws {
        let nfd = "Nguyễn Thị Tần".decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > "Nguyễn Thị Tần".unicodeScalars.count)
        #expect(try resolver.assignee(nfd) == .official("tan"))
        #expect(try resolver.assignee("Công an phường".decomposedStringWithCanonicalMapping) == .unit("ca"))
    }

    @Test("A unit resolves to itself, whatever its dash, and its reminders go to its contact")
    func units() throws {
        #expect(try resolver.assignee("Công chức Văn phòng – Thống kê") == .unit("vp-tk"))
        #expect(try resolver.assignee("CA phường") == .unit("ca"))
        #expect(throws: NameError.notAnOfficial("Công an phường", unit: "Công an phường")) {
            try resolver.official("Công an phường")
        }
    }

    @Test("A given name alone matches the one official who has it")
    func givenName() throws {
        #expect(try resolver.assignee("đ/c Tần") == .official("tan"))
        #expect(try resolver.assignee("Khánh") == .official("khanh"))
    }

    @Test("A given name several officials share is an error listing them")
    func ambiguous() {
        #expect(throws: NameError.ambiguous("đ/c Lâm", candidates: ["Nguyễn Văn Lâm", "Trần Thị Lâm"])) {
            try resolver.assignee("đ/c Lâm")
        }
    }

    @Test(
        "An unknown name suggests the closest known one",
        arguments: [
            ("Nguyễn Văn Lam", "Nguyễn Văn Lâm"), ("Nguyen Thi Tan", "Nguyễn Thị Tần"),
            ("Công an phuong", "Công an phường"),
        ])
    func unknown(name: String, suggestion: String) {
        #expect(throws: NameError.unknown(name, suggestion: suggestion)) { try resolver.assignee(name) }
    }

    @Test("A name like nothing known suggests nothing, and says where to add it")
    func unknownFar() {
        let error = #expect(throws: NameError.self) { try resolver.assignee("Hội Cựu chiến binh") }
        #expect(error == .unknown("Hội Cựu chiến binh", suggestion: nil))
        #expect(error?.description.contains("[[official]] or [[unit]]") == true)
    }
}
