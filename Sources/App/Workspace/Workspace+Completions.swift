import Catalogue
import Foundation
import Model
import Outbox
import Planner
import Reports
import WorkingCalendar

/// Completions: the clerk's (or an editor's) from a task's page, an official's report by the signed link of
/// a reminder, and the clerk's decision on such a report.
extension Workspace {
    /// An official's report as the clerk decides on it.
    public typealias WaitingReport = CompletionReports.Report

    /// What became of an official's report.
    public enum ReportOutcome: Sendable {
        /// Waiting for the clerk; its reminders paused meanwhile.
        case waiting
        /// Counted at once (`[web] completion = "direct"`).
        case counted
    }

    /// What a report link leads to.
    public enum Reportable: Sendable {
        case open(Occurrence)
        case alreadyDone(Occurrence)
    }

    /// The clerk's (or an editor's) completion, or with `reopen` its withdrawal, from a task's page: in the
    /// audit log with who and from which address. `occurrence` names the occurrence of a recurring task (a
    /// one-off task is done as a whole); `date` is the completion date, today when nil.
    public func record(
        task id: TaskID, occurrence: CivilDate?, date: CivilDate?, note: String, reopen: Bool, by viewer: Viewer,
        client: String
    ) throws(WorkspaceError) {
        try requireEditor(viewer)
        let occurrences = office.planner.occurrences.filter { $0.task.id == id }
        guard let first = occurrences.first else { throw refusal(.notFound, .notFound) }
        var named: CivilDate?
        if case .recurring = first.task.deadline {
            guard let day = occurrence, occurrences.contains(where: { $0.key == day }) else {
                throw refusal(.invalid, .badForm)
            }
            named = day
        }
        let completedOn = reopen ? nil : try completionDay(date, of: first.task)
        try using {
            try office.record(
                task: id, occurrence: named, completedOn: completedOn, note: note.isEmpty ? nil : note,
                user: viewer.official, client: client)
        }
        // The page that follows shows it at once; the service's next round, started now, sends accordingly.
        try rereadCompletions()
        tell(.send)
    }

    /// A completion, or with nil a reopening, recorded from the command line (`done`, `reopen`) by the user
    /// who ran it on the server: the schedule's checks are the command's, the role is the server's.
    public func record(
        task id: TaskID, occurrence: CivilDate?, completedOn: CivilDate?, note: String?, commandLineUser user: String
    ) throws(WorkspaceError) {
        try using {
            try office.record(task: id, occurrence: occurrence, completedOn: completedOn, note: note, user: user)
        }
        try rereadCompletions()
    }

    /// The occurrence a report link names, when the link is this service's, unexpired and not taken, and
    /// names an official and an occurrence of the schedule.
    ///
    /// - Throws: ``WorkspaceError/Kind/forbidden`` otherwise.
    public func reportable(_ token: String) throws(WorkspaceError) -> Reportable {
        let (_, occurrence) = try reported(token)
        if let completion = occurrence.completion, completion.date <= office.today() { return .alreadyDone(occurrence) }
        return .open(occurrence)
    }

    /// An official's report by the link of a reminder: waiting for the clerk, its reminders paused; or, with
    /// `[web] completion = "direct"`, recorded at once. `date` is the completion date, today when nil.
    ///
    /// - Throws: ``WorkspaceError/Kind/forbidden`` for a link that is not this service's, expired or taken,
    ///   and for an occurrence already done or with a report waiting for the clerk (by any link).
    public func reportDone(token: String, date: CivilDate?, note: String, client: String) throws(WorkspaceError)
        -> ReportOutcome
    {
        let (link, occurrence) = try reported(token)
        if let completion = occurrence.completion, completion.date <= office.today() {
            throw refusal(.forbidden, .alreadyDone)
        }
        let day = try completionDay(date, of: occurrence.task)
        let note = note.isEmpty ? nil : note
        let direct = office.configuration.web?.completion == .direct
        let now = now()
        guard
            try using({
                try CompletionReports(database: state).submit(
                    linkHash: Tokens.hash(token), task: link.task, occurrence: link.occurrence?.iso ?? "",
                    official: link.official, completedOn: day.iso, note: note, client: client,
                    at: now.timeIntervalSince1970, state: direct ? .confirmed : .waiting)
            })
        else { throw refusal(.forbidden, .reportRefused) }
        if direct {
            try using {
                try office.record(
                    task: link.task, occurrence: link.occurrence, completedOn: day, note: note, user: link.official,
                    client: client)
            }
            try rereadCompletions()
        }
        tell(.send)
        return direct ? .counted : .waiting
    }

    /// The reports waiting for the clerk, oldest first; for editors.
    public func waitingReports(for viewer: Viewer) throws(WorkspaceError) -> [WaitingReport] {
        try requireEditor(viewer)
        return try using { try CompletionReports(database: state).waiting() }
    }

    /// The clerk confirms a waiting report (then it is a completion, by its official, in the audit log) or
    /// sends it back with a reason, mailed to the official; its reminders resume.
    public func decide(report id: Int64, confirm: Bool, reason: String, by viewer: Viewer, client: String)
        throws(WorkspaceError)
    {
        try requireEditor(viewer)
        let reports = CompletionReports(database: state)
        guard let report = try using({ try reports.report(id) }), report.state == .waiting else {
            throw refusal(.notFound, .notFound)
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard confirm || !reason.isEmpty else { throw refusal(.invalid, .reasonNeeded) }
        let now = now()
        guard
            try using({
                try reports.decide(
                    id, confirm ? .confirmed : .returned, reason: confirm ? nil : reason, by: viewer.official,
                    at: now.timeIntervalSince1970)
            })
        else { throw refusal(.notFound, .notFound) }
        if confirm {
            try using {
                try office.record(
                    task: report.task,
                    occurrence: report.occurrenceDay, completedOn: report.completedDay, note: report.note,
                    user: "\(report.official) (\(viewer.official))", client: client)
            }
            try rereadCompletions()
        } else if let person = office.schedule.directory.official(report.official), let address = person.email {
            let words = WebWords.words(language)
            let title = office.schedule.tasks.first { $0.id == report.task }?.title ?? ""
            let text = "\(words[WebWord.returnedMail])\n\n\(reason)\n\n[\(report.task)] \(title)\n"
            let html =
                "<p>\(HTMLReport.escape(words[WebWord.returnedMail]))</p>"
                + "<blockquote>\(HTMLReport.escape(reason))</blockquote>"
                + "<p>[\(HTMLReport.escape(report.task))] \(HTMLReport.escape(title))</p>"
            try send(
                to: person, address: address, kind: .reportReturned, mail: .reportReturned,
                key: "report-returned:\(id)", subject: words[WebWord.returnedSubject], text: text, html: html)
        }
        tell(.send)
    }

    // MARK: Helpers

    private func reported(_ token: String) throws(WorkspaceError) -> (ReportLink, Occurrence) {
        guard let signer = reportLinks, let link = signer.read(token, now: now()),
            office.schedule.directory.official(link.official) != nil,
            !(try using { try CompletionReports(database: state).isTaken(linkHash: Tokens.hash(token)) }),
            let occurrence = office.planner.occurrences.first(where: {
                $0.task.id == link.task && (link.occurrence == nil || $0.key == link.occurrence)
            })
        else { throw refusal(.forbidden, .reportRefused) }
        return (link, occurrence)
    }

    /// The completion date given (today when none), when it is not in the future and not before the plan's
    /// year, as `done --on` takes it.
    private func completionDay(_ given: CivilDate?, of task: PlanTask) throws(WorkspaceError) -> CivilDate {
        let today = office.today()
        let day = given ?? today
        guard day <= today, day.year >= task.planYear else { throw refusal(.invalid, .badDate) }
        return day
    }
}
