/// How a province's tables name bodies (cơ quan, đơn vị): "Sở Văn hóa, Thể thao và Du lịch", "Ban Quản lý
/// các Khu công nghiệp, khu kinh tế", and collectives, "UBND các xã, phường", "Các sở, ngành".
public enum BodyName {
    /// The first words of a body's name, folded.
    static let openings: [[String]] = [
        "so", "ubnd", "uy ban", "phong", "ban", "cong an", "trung tam", "van phong", "bo", "cuc", "chi cuc", "hoi",
        "doan", "lien doan", "mat tran", "ubmttq", "mttq", "bao", "dai", "truong", "benh vien", "kho bac",
        "ngan hang", "vien", "toa an", "thanh tra", "bch", "cong ty", "tong cong ty", "dang uy", "quan su",
        "hop tac xa", "cac", "tram", "hdnd", "thue", "chi nhanh", "bhxh", "bao hiem", "vks", "cong chuc",
        "bo phan", "cau lac bo", "ttyt", "tinh doan", "thanh doan", "huyen doan", "chinh quyen", "khoi", "to",
        "nhom", "tong", "nha", "thuong truc", "ho", "ca nhan", "doanh nghiep", "lanh dao", "chu tich",
        "pho chu tich", "ubkt", "hdqt", "ky", "tinh uy", "thanh uy", "huyen uy",
    ].map { $0.split(separator: " ").map(String.init) }

    /// Words that open a person's name as tables write it: a title ("Ông", "đ/c", "PCT").
    static let personOpenings: [[String]] = NameResolver.titleWords.map { $0.map(VietnameseText.folded) }

    /// Whether a name reads as a body's: its first words are a body's.
    public static func looksLikeBody(_ name: String) -> Bool { looksLikeBody(words: words(name)) }

    static func looksLikeBody(words: [String]) -> Bool { openings.contains { words.starts(with: $0) } }

    /// Whether a piece after a comma, as its words, begins a new name rather than going on with the one
    /// before it.
    static func beginsName(words: [String]) -> Bool {
        (openings + personOpenings).contains { words.starts(with: $0) } || collective(words: words) != nil
    }

    static func words(_ text: String) -> [String] {
        VietnameseText.folded(text).split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// Levels of local government a collective can name.
    public enum Level: String, Sendable, CaseIterable {
        case commune = "xa", ward = "phuong", specialZone = "dac khu", townlet = "thi tran", district = "huyen"
        case urbanDistrict = "quan", town = "thi xa", city = "thanh pho", province = "tinh"
        case department = "so"
    }

    /// The levels a collective name covers, nil when it is none: "UBND các xã, phường" (communes and
    /// wards), "UBND cấp xã" (communes, wards, special zones), "Các sở, ngành" (departments), "các phường".
    public static func collective(_ name: String) -> Set<Level>? { collective(words: words(name)) }

    static func collective(words: [String]) -> Set<Level>? {
        var words = words
        if words.starts(with: ["ubnd"]) {
            words.removeFirst()
        } else if words.starts(with: ["uy", "ban", "nhan", "dan"]) {
            words.removeFirst(4)
        }
        guard words.first == "cac" || words.first == "cap" else {
            // "UBND xã, phường, đặc khu": a list of levels without "các".
            return levels(words).flatMap { $0.count >= 2 ? $0 : nil }
        }
        if words.first == "cap" {
            switch words.dropFirst().first {
            case "xa": return [.commune, .ward, .specialZone, .townlet]
            case "huyen": return [.district, .urbanDistrict, .town, .city]
            case "tinh": return [.province]
            default: return nil
            }
        }
        words.removeFirst()
        if words.first == "so" || words.first == "co" || words.first == "don" || words.first == "dia" {
            // "Các sở, ngành", "các sở, ban, ngành", "các cơ quan, đơn vị", "các địa phương".
            let known: Set<String> = [
                "so", "ban", "nganh", "co", "quan", "don", "vi", "dia", "phuong", "lien", "tinh",
                "thanh", "pho", "doan", "the", "huyen", "xa", "cap",
            ]
            return words.allSatisfy(known.contains) ? [.department] : nil
        }
        return levels(words)
    }

    /// "xã, phường, đặc khu": the levels a list of level words names, up to "trên địa bàn"; nil when a word is
    /// no level.
    private static func levels(_ words: [String]) -> Set<Level>? {
        var levels: Set<Level> = []
        var index = 0
        while index < words.count {
            if words[index...].starts(with: ["tren", "dia", "ban"]) { break }
            if words[index] == "va" {
                index += 1
                continue
            }
            let found = Level.allCases.first { level in
                words[index...].starts(with: level.rawValue.split(separator: " ").map(String.init))
            }
            guard let level = found else { return nil }
            levels.insert(level)
            index += level.rawValue.split(separator: " ").count
        }
        return levels.isEmpty ? nil : levels
    }

    /// The level a unit's name says it is: "UBND phường Ngô Quyền" is a ward.
    public static func level(of name: String) -> Level? {
        var words = words(name)
        if words.starts(with: ["ubnd"]) { words.removeFirst() }
        if words.starts(with: ["uy", "ban", "nhan", "dan"]) { words.removeFirst(4) }
        return Level.allCases.first { level in
            words.starts(with: level.rawValue.split(separator: " ").map(String.init))
        }
    }

    /// An id for a body a plan adds: its name folded, words joined by hyphens ("so-tai-chinh").
    public static func id(_ name: String) -> String {
        words(name).joined(separator: "-")
    }

    /// A cell of names cut into the names it holds: the whole cell first, then each part between ";" and
    /// line breaks; a part is cut at its commas only where a new name begins, so that "Sở Văn hóa, Thể thao
    /// và Du lịch" stays one and "Các sở, ngành, UBND xã, phường, đặc khu" is two. `isKnown` says whether
    /// the directory knows a name; a known name is never cut.
    static func split(_ cell: String, isKnown: (String) -> Bool) -> [String] {
        let whole = VietnameseText.collapseSpaces(cell)
        if whole.isEmpty { return [] }
        // Most cells name one body or person: nothing to cut.
        if !cell.contains(where: { $0 == "," || $0 == ";" || $0.isNewline }) || isKnown(whole) { return [whole] }
        var names: [String] = []
        let parts = cell.split { $0 == ";" || $0.isNewline }.map { VietnameseText.collapseSpaces(String($0)) }
            .map { $0.trimmingCharacters(in: " -+•.") }.filter { !$0.isEmpty }
        for part in parts {
            let pieces = part.split(separator: ",").map { VietnameseText.collapseSpaces(String($0)) }.filter {
                !$0.isEmpty
            }
            // Each piece folded once; a run of pieces is the run of their words.
            let folded = pieces.map(words)
            var start = 0
            while start < pieces.count {
                // The longest run of pieces that is one known name or one collective.
                var end = start
                for candidate in stride(from: pieces.count - 1, through: start, by: -1) {
                    if isKnown(pieces[start...candidate].joined(separator: ", "))
                        || collective(words: Array(folded[start...candidate].joined())) != nil
                    {
                        end = candidate
                        break
                    }
                }
                if end == start, !isKnown(pieces[start]), collective(words: folded[start]) == nil,
                    looksLikeBody(words: folded[start])
                {
                    // Else the pieces up to the next that begins a name ("Thể thao và Du lịch" goes on).
                    while end + 1 < pieces.count, !beginsName(words: folded[end + 1]), !isKnown(pieces[end + 1]) {
                        end += 1
                    }
                }
                names.append(pieces[start...end].joined(separator: ", "))
                start = end + 1
            }
        }
        return names
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
