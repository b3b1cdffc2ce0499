import WorkingCalendar

/// `d(2024, 2, 10)`: a date literal for tables of expectations.
func d(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
    CivilDate(year: year, month: month, day: day)!
}
