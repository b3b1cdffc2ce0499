import Catalogue
import Foundation
import Model
import Outbox
import Planner
import Reports
import WorkingCalendar

/// The office being served and what people do with it: sign in, look at tasks, report a task done, decide
/// on a report, switch a plan. The pages, the mail links and the command line (`web-link`, `done`) call
/// these functions; none of them touches the state itself. Each use case checks who may do it
/// (``Access``), and each mail it causes goes through the outbox like the reminders.
///
/// The office is replaced whole: by the service at a reload or after a round that read new completions,
/// and here after a completion or a plan switch, so that the next page shows it at once.
public actor Workspace {
    /// Something written here that the service acts on before its next send time.
    public enum Nudge: Sendable {
        /// Something to send now (a sign-in link, a sent-back report) or a completion to read.
        case send
        /// Read the config and plans again (a plan version switched).
        case reload
    }

    /// The office being served.
    public private(set) var office: Office
    /// How many times the office was replaced: the service's dispatcher takes each new one.
    public private(set) var generation = 0
    let state: StateDatabase
    private let nudge: @Sendable (Nudge) -> Void
    /// What signs and reads the "Báo cáo hoàn thành" links, under the address the links start with: set
    /// while the web listens.
    public private(set) var reportLinks: ReportLink.Signer?
    /// Rung when the web listens, or could not: the service tells systemd it is ready after that.
    public nonisolated let webAnswered = Bell()
    /// Rung when the office is replaced: the web serves anew when `[web]` changed.
    public nonisolated let replaced = Bell()

    /// - Throws: ``WorkspaceError/Kind/unavailable`` when the office was opened without its state.
    public init(office: Office, nudge: @escaping @Sendable (Nudge) -> Void = { _ in }) throws(WorkspaceError) {
        guard let state = office.state else {
            throw WorkspaceError(
                .unavailable,
                message: OfficeError.state(directory: office.stateDirectory, .openedWithoutState).text(office.language),
                cause: "opened without the state database")
        }
        self.office = office
        self.state = state
        self.nudge = nudge
    }

    /// A new version of the office (a reload, completions read by the service's round).
    public func replace(_ office: Office) {
        self.office = office
        generation += 1
        replaced.ring()
    }

    /// The office and its generation.
    public var served: (office: Office, generation: Int) { (office, generation) }

    /// The office with completions the service's round read (`done` on the command line), unless the office
    /// was replaced since `generation`: returns the generation served now.
    public func adopt(_ office: Office, ifStill generation: Int) -> Int {
        if generation == self.generation { replace(office) }
        return self.generation
    }

    /// The web listens, and its links start with `base`: the "Báo cáo hoàn thành" links are signed with
    /// the state's key from now on.
    public func listening(at base: String) throws(WorkspaceError) -> ReportLink.Signer {
        defer { webAnswered.ring() }
        let signer = ReportLink.Signer(key: try using { try WebAccess(database: state).signingKey() }, base: base)
        reportLinks = signer
        return signer
    }

    /// The web stopped, or could not listen: no link is signed or honoured until it listens again.
    public func stoppedListening() {
        reportLinks = nil
        webAnswered.ring()
    }

    // MARK: What every use case shares

    var language: Language { office.language }

    func now() -> Date { office.clock.now() }

    func tell(_ nudge: Nudge) { self.nudge(nudge) }

    /// Queues a mail of the workspace through the outbox, rendered as the reminders are.
    func send(
        to official: Official, address: String, kind: OutboxItem.Kind, mail: DigestID.Mail, key: String,
        subject: String, text: String, html: String
    ) throws(WorkspaceError) {
        let item = OutboxRenderer(office: office).workspaceMail(
            to: official, address: address, kind: kind, mail: mail, key: key, subject: subject, text: text,
            html: html, now: now())
        _ = try using { try Outbox(database: state).enqueue([item]) }
    }

    /// The completions of the audit log read into the office, after one was recorded.
    func rereadCompletions() throws(WorkspaceError) {
        replace(try using { try office.withRecordedCompletions() })
    }

    func refusal(_ kind: WorkspaceError.Kind, _ word: WebWord) -> WorkspaceError {
        WorkspaceError(kind, message: word.text(language))
    }

    /// The editor (the clerk or a `[web] editors` official) among viewers, or a refusal.
    func requireEditor(_ viewer: Viewer) throws(WorkspaceError) {
        guard viewer.canEdit else { throw refusal(.forbidden, .forbidden) }
    }

    /// Someone who sees every task, or a refusal.
    func requireSeesAll(_ viewer: Viewer) throws(WorkspaceError) {
        guard viewer.seesAll else { throw refusal(.forbidden, .forbidden) }
    }

    /// Runs `body`, a failure of the state becoming ``WorkspaceError/Kind/unavailable`` with what failed.
    func using<Value>(_ body: () throws -> Value) throws(WorkspaceError) -> Value {
        do {
            return try body()
        } catch {
            throw failure(error)
        }
    }

    /// An error as the workspace says it: its own as it is, any other as the state unavailable.
    func failure(_ error: any Error) -> WorkspaceError {
        switch error {
        case let error as WorkspaceError: error
        case let error as OfficeError:
            WorkspaceError(.unavailable, message: error.text(language), cause: error.description)
        default: WorkspaceError(.unavailable, message: WebWord.unavailable.text(language), cause: "\(error)")
        }
    }
}
