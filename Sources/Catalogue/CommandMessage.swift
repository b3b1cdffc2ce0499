/// What the commands say to the clerk (`check`, `import`, `done`, `reopen`, `status`, `report`): their
/// results, warnings and refusals, as values, in the catalogue beside ``Message`` so that the command
/// line and later interfaces say them the same way in the config's language.
///
/// Dates come already written as the clerk reads them (dd/mm/yyyy); ids, paths, keys and what the clerk
/// typed are quoted as they are.
public indirect enum CommandMessage: Hashable, Sendable {
    // MARK: check
    case checked(file: String, plans: Int, tasks: Int, deadlines: Int, officials: Int, units: Int)
    case calendarNotAnnounced(year: Int)
    /// Where a secret the config names was found: `[email] password_file "smtp-password": /etc/…`.
    case secretAt(purpose: String, name: String, path: String)
    case secretNotFound(purpose: String, name: String, places: [String], credential: String)
    case secretsUnusable(count: Int)

    // MARK: Secrets (check, serve, send-test)
    case secretMissing(purpose: String, name: String, places: [String])
    case secretUnreadable(purpose: String, path: String)
    case secretEmpty(purpose: String, path: String)
    case secretNotSigningSecret(purpose: String)
    case secretReadableByAll(purpose: String, path: String)

    // MARK: import
    case importReads(file: String)
    case nothingRead(file: String)
    case imported(file: String, tasks: Int, problems: Int, namesChecked: Bool)
    /// The import's counts: task rows read, kept by `--for` (nil without it), with no fixed deadline, refused.
    case importCounts(read: Int, kept: Int?, noFixedDeadline: Int, refused: Int)
    case importUnusedColumns([String])
    /// Columns given a role by their cells: "header → role".
    case importRolesByContent([String])
    case importFilled(cells: Int, numbered: [Int])
    case importOutsideBodies([String])
    /// `check`: the tasks whose deadline is a condition.
    case withoutFixedDeadline([String])

    // MARK: done and reopen
    case noSuchTask(String, suggestion: String?)
    case recursWhichOccurrence(task: String, open: [String])
    case noSuchOccurrence(task: String, date: String, occurrences: [String])
    case doneInTheFuture(day: String, today: String)
    case doneBeforePlanYear(day: String, year: Int)
    case doneAfterPlanYear(day: String, year: Int)
    case alreadyDone(label: String, day: String)
    /// `deadline` nil: the task has none (ongoing).
    case done(label: String, day: String, deadline: String?, late: Bool, replaced: String?)
    case nothingToReopen(label: String)
    case reopened(label: String, was: String)
    case cannotRecord(reason: String)

    // MARK: web-link
    case webOff
    case linkIssued(official: String, minutes: Int)
    case sessionsRevoked(official: String, count: Int)

    // MARK: Kế hoạch (plans replaced in the workspace)
    case planFileKind(name: String)
    case planNotAWorkbook(name: String)
    case planTooLarge(name: String, megabytes: Int)
    case planNotReplaceable(name: String)
    case planChangedMeanwhile(user: String, at: String)
    case noSuchPlanVersion

    // MARK: zalo-token
    case noZaloWebhook(String, configured: [String])
    case zaloAuthorized(webhook: String)

    // MARK: report
    case notAPeriod(String)
    case cannotWriteWorkbook(reason: String)

    // MARK: calendar, lunar, tasks
    case notAYear(String)
    case yearOutOfRange(Int, lower: Int, upper: Int)
    case notALunarDate(String)
    case lunarDate(String, leap: Bool, LunarProblem)
    case solarDate(String, LunarProblem)

    // MARK: Any command
    /// A date typed for an option (`--on`, `--occurrence`).
    case option(String, DateInputError)
    /// A name typed for an option (`--official`).
    case optionName(String, NameError)
    case cannotWrite(path: String, reason: String)
    /// A problem with the state folder: "the state in /var/lib/nhacviec: …".
    case state(directory: String, CommandMessage)
    case noStateYet(file: String)
    case stateDeleted(file: String)
    case openedWithoutState
    case cannotReadCompletions(reason: String)
    case cannotActAsOwner(uid: UInt32, reason: String)
    case lunar(LunarProblem)
    case warning(CommandMessage)
    /// Words another program wrote (SQLite's, the file system's), shown as they are.
    case verbatim(String)

    // MARK: status
    case status(StatusLine)
    /// What the reload log keeps of a good start or reload, for `status`.
    case serviceStarted(tasks: Int)
    case reloaded(tasks: Int)

    /// The message in a language.
    public func text(_ language: Language) -> String {
        switch language {
        case .vi: vietnamese
        case .en: english
        }
    }
}

/// Why a lunar date cannot be had.
public enum LunarProblem: Hashable, Sendable {
    case outOfRange(lower: Int, upper: Int)
    case noLeapMonth(year: Int, month: Int, leapMonth: Int?)
    case noSuchDay(day: Int, month: Int, year: Int, leap: Bool, daysInMonth: Int?)
}

/// The lines of `nhacviec status`, field by field.
public enum StatusLine: Hashable, Sendable {
    case nextSend(String?)
    case queued(Int)
    case delivered(Int)
    case failed(Int)
    case missed(Int)
    case lastDelivery(at: String, digest: String, destination: String, answer: String)
    case noDelivery
    case lastReload(at: String, ok: Bool, message: String)
    case noReload
    case lastRound(at: String, secondsAgo: Int)
    case noRound
    case roundsStopped(minutes: Int, waiting: Int)
    case diskFull(directory: String, kibibytes: Int)
    case batchHangs(since: String, minutes: Int)
    case retrying
    case retry(digest: String, destination: String, attempts: Int, next: String, answer: String)
    case scheduleRejected(errors: Int, since: String)
    case clockWentBack(from: String, to: String, noticed: String, givenBack: Int)
    case failures
    case failure(digest: String, destination: String, answer: String)
    /// A Zalo webhook's tokens: until when each works.
    case zaloTokens(webhook: String, accessUntil: String?, refreshUntil: String)
    case zaloRefreshSoon(webhook: String, until: String)
    case zaloAuthorizeAgain(webhook: String, reason: String)
    case zaloQuota(webhook: String, remaining: Int, daily: Int?, at: String, usedUp: Bool)
}
