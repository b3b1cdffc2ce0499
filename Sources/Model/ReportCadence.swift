/// A report whose period Decree 09/2019/NĐ-CP fixes, shown in its reminders.
public enum ReportCadence: String, Hashable, Sendable, CaseIterable {
    case monthly, quarterly, halfYearly = "half_yearly", yearly
}
