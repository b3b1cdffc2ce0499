/// A column of the assignment table, found by its Vietnamese header (docs/config.md, "Spreadsheet plans").
public enum TableField: String, CaseIterable, Sendable {
    case id, stt, title, lead, responsible, coordinating, deadline, completed, focus, note, document, target
    case carriedOverFrom = "carried_over_from"
    case report
    /// In a completions sheet: which occurrence of a recurring task a completion is for.
    case occurrence
    /// Sản phẩm, kết quả dự kiến: recognised, so that the summary says it is not read, and so that it is
    /// never taken for another role.
    case product

    /// The names `columns` (config) and `import --columns` take for a field besides its own: the roles as
    /// people say them.
    static let aliases: [String: TableField] = [
        "task": .title, "in_charge": .responsible, "assisting": .coordinating, "time": .deadline,
    ]

    /// Every name `columns` and `--columns` take.
    public static let names = allCases.map(\.rawValue) + aliases.keys.sorted()

    /// The field a name of `columns` or `--columns` means: its own name or an alias.
    init?(name: String) {
        guard let field = TableField(rawValue: name) ?? Self.aliases[name] else { return nil }
        self = field
    }

    /// Headers accepted, folded (no diacritics, lower case, punctuation as spaces); a header matches one
    /// exactly or begins with it ("Thời gian hoàn thành (phân kỳ)"), the longest winning.
    static let headers: [TableField: [String]] = [
        .id: ["ma", "ma nhiem vu", "ma so", "ma nv"],
        .stt: ["stt", "tt", "so tt", "so thu tu"],
        .title: [
            "noi dung", "noi dung nhiem vu", "nhiem vu", "ten nhiem vu", "noi dung cong viec", "cong viec",
            "nhiem vu giai phap", "ten cong viec", "noi dung thuc hien", "noi dung hoat dong",
        ],
        .lead: ["lanh dao chi dao", "chi dao", "can bo chi dao", "lanh dao phu trach"],
        .responsible: [
            "chu tri", "bo phan chu tri", "nguoi thuc hien", "don vi chu tri", "can bo chu tri", "co quan chu tri",
            "don vi thuc hien", "co quan thuc hien", "co quan don vi chu tri", "bo phan thuc hien",
        ],
        .coordinating: ["phoi hop", "don vi phoi hop", "bo phan phoi hop", "co quan phoi hop"],
        .deadline: [
            "thoi gian hoan thanh", "thoi han", "thoi gian thuc hien", "phan ky", "thoi han hoan thanh",
            "han hoan thanh", "thoi gian", "thoi gian du kien hoan thanh", "tien do", "tien do thuc hien",
        ],
        .completed: ["ngay hoan thanh"],
        .focus: ["trong tam", "nhiem vu trong tam"],
        .note: ["ghi chu"],
        .document: ["van ban giao", "can cu", "van ban"],
        .target: ["chi tieu"],
        .carriedOverFrom: ["chuyen tiep", "chuyen tiep tu nam", "nam chuyen tiep"],
        .report: ["ky bao cao", "bao cao dinh ky"],
        .occurrence: ["ky", "ky han", "han cua ky"],
        .product: ["san pham", "san pham du kien", "ket qua du kien", "ket qua", "hinh thuc san pham"],
    ]

    /// A header none of the above names, read by its meaning: the first of these whose words it holds.
    /// "Cơ quan, đơn vị chủ trì thực hiện" is in charge, "Thời điểm trình" is a time, "Đơn vị thực hiện" is in
    /// charge unless it says "phối hợp".
    static let meanings: [(TableField, [String])] = [
        (.completed, ["ngay hoan thanh"]),
        (.coordinating, ["phoi hop"]),
        (.responsible, ["chu tri"]),
        (.deadline, ["thoi gian", "thoi han", "tien do", "han hoan thanh", "phan ky", "thoi diem", "moc"]),
        (.lead, ["lanh dao", "chi dao", "phu trach"]),
        (.product, ["san pham", "ket qua"]),
        (.note, ["ghi chu"]),
        (.title, ["nhiem vu", "noi dung", "cong viec", "giai phap", "hoat dong", "de an", "chuong trinh"]),
        (.responsible, ["thuc hien", "trach nhiem", "don vi", "co quan"]),
    ]

    /// A header folded for comparing: no diacritics, lower case, punctuation as spaces.
    static func fold(_ header: String) -> String {
        VietnameseText.collapseSpaces(
            String(VietnameseText.folded(header).map { $0.isLetter || $0.isNumber ? $0 : " " }))
    }

    /// The field a header names, if any. `overrides` maps folded header texts to fields from the config.
    static func field(forHeader header: String, overrides: [String: TableField]) -> TableField? {
        let folded = fold(header)
        if let field = overrides[folded] { return field }
        var best: (field: TableField, length: Int)?
        for (field, names) in headers {
            for name in names where folded == name || folded.hasPrefix(name + " ") {
                if name.count > (best?.length ?? -1) { best = (field, name.count) }
            }
        }
        if let best { return best.field }
        let words = " \(folded) "
        return meanings.first { _, keys in keys.contains { words.contains(" \($0) ") } }?.0
    }
}
