import Model
import ScheduleSources

/// A report period as people write it ("Tháng 3/2025", "Quý I/2025", "6 tháng đầu năm", "Năm 2025"), read
/// as the plans' deadline phrases are, or as the command line's codes (`2025-Q1`).
enum ReportPeriod {
    static func read(_ text: String, year: Int) -> Period? {
        if let period = Period(code: text.trimmingCharacters(in: .whitespaces)) { return period }
        // "Đầu năm", "giữa quý III" name a moment of a period, which a deadline rounds up to the period's
        // end; a report of it would cover more than was asked.
        let first = VietnameseText.folded(text).split(separator: " ").first
        guard !["dau", "giua", "suot"].contains(first) else { return nil }
        guard case .periodEnd(let period)? = try? DeadlinePhrase.parse(text, planYear: year) else { return nil }
        return period
    }
}
