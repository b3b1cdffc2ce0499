import Foundation

/// A `multipart/form-data` body (RFC 7578), as a browser sends a form with a file: each part's name, its
/// file name when it is a file, and its bytes. Only what an upload form needs; a body that is not one
/// reads as no parts.
struct MultipartForm {
    struct Part {
        let name: String
        let fileName: String?
        let data: Data
    }

    let parts: [Part]

    /// The text of a field that is not a file.
    subscript(field: String) -> String? {
        parts.first { $0.name == field && $0.fileName == nil }.map { String(decoding: $0.data, as: UTF8.self) }
    }

    /// The first file sent.
    var file: Part? { parts.first { $0.fileName != nil } }

    init(body: Data, contentType: String) {
        guard let boundary = Self.boundary(contentType) else {
            parts = []
            return
        }
        let delimiter = Data("\r\n--\(boundary)".utf8)
        // The first delimiter has no line break before it.
        var rest = Data("\r\n".utf8) + body
        var parts: [Part] = []
        guard let first = rest.range(of: delimiter) else {
            self.parts = []
            return
        }
        rest = rest[first.upperBound...]
        while !rest.starts(with: Data("--".utf8)), let next = rest.range(of: delimiter) {
            let section = rest[rest.startIndex..<next.lowerBound]
            rest = rest[next.upperBound...]
            guard let split = section.range(of: Data("\r\n\r\n".utf8)) else { continue }
            let head = String(decoding: section[section.startIndex..<split.lowerBound], as: UTF8.self)
            guard
                let disposition = head.split(separator: "\r\n").first(where: {
                    $0.lowercased().hasPrefix("content-disposition:")
                }), let name = Self.parameter("name", in: String(disposition))
            else { continue }
            parts.append(
                Part(
                    name: name, fileName: Self.parameter("filename", in: String(disposition)),
                    data: Data(section[split.upperBound...])))
        }
        self.parts = parts
    }

    /// `boundary=…` of the content type, quoted or not.
    static func boundary(_ contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        return parameter("boundary", in: contentType)
    }

    /// A `key=value` or `key="value"` parameter of a header (a quoted value may hold `;`).
    static func parameter(_ key: String, in header: String) -> String? {
        var index = header.startIndex
        while let range = header.range(of: key + "=", options: .caseInsensitive, range: index..<header.endIndex) {
            index = range.upperBound
            let before = range.lowerBound == header.startIndex ? " " : header[header.index(before: range.lowerBound)]
            guard before == " " || before == ";" else { continue }
            let value = header[range.upperBound...]
            if value.first == "\"" {
                var text = ""
                var escaped = false
                for character in value.dropFirst() {
                    if escaped {
                        text.append(character)
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        return text
                    } else {
                        text.append(character)
                    }
                }
                return text
            }
            return String(value.prefix { $0 != ";" }).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
