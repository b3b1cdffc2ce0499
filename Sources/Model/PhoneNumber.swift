import Foundation

/// A Vietnamese mobile number as Zalo's ZNS takes it: the country code 84 and the nine digits after the
/// leading 0 (`0912 345 678`, `+84 912 345 678`, `84912345678` are all `84912345678`). Spaces, dots,
/// hyphens and brackets are what people write between the digits; anything else is refused.
public enum PhoneNumber {
    public static func zalo(_ text: String) -> String? {
        var digits = ""
        for (index, character) in text.trimmingCharacters(in: .whitespaces).enumerated() {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if character == "+" && index == 0 {
                continue
            } else if !" .-()".contains(character) {
                return nil
            }
        }
        let national: Substring
        if digits.hasPrefix("84") {
            national = digits.dropFirst(2)
        } else if digits.hasPrefix("0") {
            national = digits.dropFirst()
        } else {
            return nil
        }
        // Mobile numbers: nine digits after 0, the first 3, 5, 7, 8 or 9.
        guard national.count == 9, let first = national.first, "35789".contains(first) else { return nil }
        return "84" + national
    }
}
