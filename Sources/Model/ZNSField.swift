/// What nhacviec can put into a parameter of an approved ZNS template (`[webhook.template_data]` maps
/// each of the template's parameters to one of these): the digest's recipient, how many tasks it
/// reminds of, and its first task.
public enum ZNSField: String, CaseIterable, Sendable {
    /// The official's full name.
    case officialName = "official_name"
    /// How many tasks the digest reminds of.
    case count
    /// The first task of the digest: its number and title.
    case firstTask = "first_task"
    /// The first task's deadline, dd/MM/yyyy.
    case firstDeadline = "first_deadline"
    /// The first task's "Báo cáo hoàn thành" link (the web workspace must be on).
    case reportLink = "report_link"
    /// The day the digest is sent, dd/MM/yyyy.
    case sendDay = "send_day"
}
