import Foundation
import Messages
import Model
import Outbox
import Planner
import Reports
import ScheduleSources
import WorkingCalendar

extension Dispatcher {
    /// The mails of `[summary]` due on a send day: the periodic report to its recipients on the report
    /// day (the working day before it when that is off), and the clerk's overdue list every working day
    /// or on the first working day of the week. They go through the outbox like reminders.
    func summaries(on day: CivilDate, now: Date) -> [OutboxItem] {
        let settings = runtime.configuration.summary
        let calendar = runtime.calendar
        guard calendar.isWorkingDay(day) else { return [] }
        var items: [OutboxItem] = []
        let sendAt = runtime.sendTime.instant(on: day)
        if let reportDay = settings.reportDay {
            let nominal = CivilDate(
                year: day.year, month: day.month,
                day: min(reportDay, CivilDate.daysIn(month: day.month, year: day.year)))!
            if calendar.workingDay(onOrBefore: nominal) == day {
                let code =
                    settings.reportPeriod == .month
                    ? "\(day.year)-\(day.month < 10 ? "0" : "")\(day.month)" : "\(day.year)-Q\((day.month - 1) / 3 + 1)"
                let spec = ReportPeriodSpec.parse(code)!
                let report = ReportBuilder.build(planner: runtime.planner, period: spec, today: day)
                let subject = "[Nhắc việc] Báo cáo kết quả thực hiện kế hoạch \(spec.label) (đến \(day.vietnamese))"
                for id in settings.reportTo {
                    guard let person = runtime.schedule.directory.official(id), let address = person.email else {
                        continue
                    }
                    let key = "report:\(code):\(day.iso):\(id)"
                    let bytes = runtime.composer.document(
                        to: address, name: person.name, subject: subject, text: MarkdownReport.render(report),
                        html: HTMLReport.render(report), date: sendAt, key: key)
                    items.append(
                        item(
                            key: key, digest: "\(day.iso)/\(id)/report", recipient: id, address: address,
                            sendAt: sendAt, bytes: bytes, now: now))
                }
            }
        }
        let listDue =
            settings.overdueList == .daily
            || (settings.overdueList == .weekly && Self.isFirstWorkingDayOfWeek(day, calendar))
        if listDue, let clerk = runtime.configuration.clerk, let person = runtime.schedule.directory.official(clerk),
            let address = person.email
        {
            let report = ReportBuilder.build(
                planner: runtime.planner, period: ReportPeriodSpec.parse("\(day.year)")!, today: day)
            let overdue = report.overdue
            if !overdue.isEmpty {
                let key = "overdue:\(day.iso):\(clerk)"
                let bytes = runtime.composer.document(
                    to: address, name: person.name,
                    subject: "[Nhắc việc] \(overdue.count) nhiệm vụ quá hạn (\(day.vietnamese))",
                    text: OverdueList.text(report), html: OverdueList.html(report), date: sendAt, key: key)
                items.append(
                    item(
                        key: key, digest: "\(day.iso)/\(clerk)/overdue", recipient: clerk, address: address,
                        sendAt: sendAt, bytes: bytes, now: now))
            }
        }
        return items
    }

    /// The first working day of its week (Monday, or the day after a holiday that took the Monday).
    static func isFirstWorkingDayOfWeek(_ day: CivilDate, _ calendar: WorkingCalendar) -> Bool {
        let monday = day.adding(days: -day.weekday.rawValue)
        return calendar.workingDay(onOrAfter: monday) == day
    }

    private func item(
        key: String, digest: String, recipient: String, address: String, sendAt: Date, bytes: [UInt8], now: Date
    ) -> OutboxItem {
        OutboxItem(
            key: key, digest: digest, recipient: recipient, channel: "email", destination: address,
            sendAt: sendAt.timeIntervalSince1970, messageID: nil, payload: Data(bytes),
            createdAt: now.timeIntervalSince1970)
    }
}
