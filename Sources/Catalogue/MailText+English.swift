extension MailText {
    private static func days(_ count: Int, working: Bool) -> String {
        (working ? "working day" : "day") + (count == 1 ? "" : "s")
    }

    var english: String {
        switch self {
        case .onDay: "on"
        case .administrator: "Administrator"
        case .deadline: "Deadline"

        case .failureSubject(let digest): "[Reminder] Could not deliver \(digest)"
        case .failure(let digest, let destination, let reason):
            "nhacviec could not deliver \(digest) to \(destination).\nReason: \(reason)\n\nPlease check the address, tell the recipient directly, and see `nhacviec status`."
        case .clockSubject: "[Reminder] The server's clock was wrong"
        case .clock(let ahead, let now, let givenBack):
            """
            The reminder server's clock had run ahead (to \(ahead)) and was set back to \(now). \
            \(givenBack) notification(s) recorded for that time and not delivered are given back to the plan: \
            they go out when their time comes. Nothing delivered is sent again.

            Please have the administrator check the server's clock (timedatectl), and see `nhacviec status`.
            """
        case .testSubject: "[Reminder] Test message"
        case .test: "This is a test message from nhacviec. If it reached you, mail delivery is configured correctly."
        case .rejectedSubject(let errors): "[Reminder] The edited plan or config has \(errors) error(s): not applied"
        case .rejected(let errors, let since):
            """
            The edited config or plan has \(errors.count) error(s), so it was not applied. Reminders go on \
            from the version accepted before\(since.map { " (accepted at \($0))" } ?? "").

            The errors (file:line, or file!sheet:row:column):
            \(errors.map { "- \($0)" }.joined(separator: "\n"))

            Please correct them and save the files: the service reloads them by itself. `nhacviec check` tests \
            them first; `nhacviec status` says which version is in use.
            """
        case .zaloRefreshSubject(let webhook): "[Reminder] Zalo \(webhook): the refresh token expires soon"
        case .zaloRefresh(let webhook, let when):
            """
            The refresh token of the Official Account behind \(webhook) expires \(when) unless it is used. \
            A send to the group before then renews it; after, the administrator must authorize the OA again \
            (nhacviec zalo-token \(webhook) --refresh-token FILE).

            Please tell the administrator, and see `nhacviec status`.
            """
        case .zaloQuotaSubject(let webhook): "[Reminder] Zalo \(webhook): today's ZNS quota is used up"
        case .zaloQuota(let webhook, let waiting, let when):
            """
            Zalo says today's ZNS quota of the Official Account behind \(webhook) is used up. \
            \(waiting) reminders not yet sent stay queued, none lost; they go \(when).

            Officials with an email address still get their reminders by mail. If the quota is often too small, \
            please ask the administrator to have Zalo raise the OA's quota. See `nhacviec status`.
            """

        case .overdueCount(let count): "\(count) overdue"
        case .dueTodayCount(let count): "\(count) due today"
        case .dueSoonCount(let count): "\(count) due soon"
        case .daysOverdue(let days, let working): "\(days) \(Self.days(days, working: working)) overdue"
        case .dueToday: "due today"
        case .daysLeft(let days, let working): "\(days) \(Self.days(days, working: working)) left"
        case .periodsLate(let count, let periods): "\(count) periods overdue: \(periods.joined(separator: ", "))"

        case .week(let week): "week \(week)"
        case .month(let month, let year): "month \(month)/\(year)"
        case .quarter(let roman, let year): "quarter \(roman)/\(year)"
        case .half(let first, let year): "\(first ? "first" : "second") half of \(year)"
        case .year(let year): "year \(year)"
        }
    }
}
