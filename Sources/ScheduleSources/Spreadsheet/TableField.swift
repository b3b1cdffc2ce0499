/// A column of the assignment table, found by its Vietnamese header (docs/config.md, "Spreadsheet plans").
enum TableField: String, CaseIterable, Sendable {
    case id, stt, title, lead, responsible, coordinating, deadline, completed, focus, note, document, target
    case carriedOverFrom = "carried_over_from"
    case report
    /// In a completions sheet: which occurrence of a recurring task a completion is for.
    case occurrence

    /// Headers accepted, folded (no diacritics, lower case); a header matches one exactly or begins with
    /// it ("Thời gian hoàn thành (phân kỳ)"), the longest winning.
    static let headers: [TableField: [String]] = [
        .id: ["ma", "ma nhiem vu", "ma so", "ma nv"],
        .stt: ["stt", "tt", "so tt", "so thu tu"],
        .title: ["noi dung", "noi dung nhiem vu", "nhiem vu", "ten nhiem vu", "noi dung cong viec", "cong viec"],
        .lead: ["lanh dao chi dao", "chi dao", "can bo chi dao", "lanh dao phu trach"],
        .responsible: [
            "chu tri", "bo phan chu tri", "nguoi thuc hien", "don vi chu tri", "can bo chu tri", "co quan chu tri",
        ],
        .coordinating: ["phoi hop", "don vi phoi hop", "bo phan phoi hop", "co quan phoi hop"],
        .deadline: [
            "thoi gian hoan thanh", "thoi han", "thoi gian thuc hien", "phan ky", "thoi han hoan thanh",
            "han hoan thanh",
        ],
        .completed: ["ngay hoan thanh"],
        .focus: ["trong tam", "nhiem vu trong tam"],
        .note: ["ghi chu"],
        .document: ["van ban giao", "can cu", "van ban"],
        .target: ["chi tieu"],
        .carriedOverFrom: ["chuyen tiep", "chuyen tiep tu nam", "nam chuyen tiep"],
        .report: ["ky bao cao", "bao cao dinh ky"],
        .occurrence: ["ky", "ky han", "han cua ky"],
    ]

    /// The field a header names, if any. `overrides` maps folded header texts to fields from the config.
    static func field(forHeader header: String, overrides: [String: TableField]) -> TableField? {
        let folded = VietnameseText.folded(header).filter { !":.*".contains($0) }
        if let field = overrides[folded] { return field }
        var best: (field: TableField, length: Int)?
        for (field, names) in headers {
            for name in names where folded == name || folded.hasPrefix(name + " ") || folded.hasPrefix(name + "(") {
                if name.count > (best?.length ?? -1) { best = (field, name.count) }
            }
        }
        return best?.field
    }
}
