import Model
import WorkingCalendar

func d(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
    CivilDate(year: year, month: month, day: day)!
}

/// The plan year of 2024, January to December, for recurrences.
func every(_ frequency: Recurrence.Frequency, year: Int = 2024) -> Deadline {
    .recurring(Recurrence(frequency: frequency, start: d(year, 1, 1), end: d(year, 12, 31)))
}

/// A range of years, "2026 - 2030": a checkpoint on 31/12 of each.
func years(_ first: Int, _ last: Int) -> Deadline {
    .recurring(Recurrence(frequency: .yearly(month: 12, day: 31), start: d(first, 1, 1), end: d(last, 12, 31)))
}

/// A yearly checkpoint on a day, from a year through 2025, the plan's year in these tests.
func yearlyOn(_ month: Int, _ day: Int, from year: Int) -> Deadline {
    .recurring(
        Recurrence(frequency: .yearly(month: month, day: day), start: d(year, 1, 1), end: d(max(year, 2025), 12, 31)))
}
