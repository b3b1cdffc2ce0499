/// What nhacviec says to the clerk about their config, plans, calendar files and templates, as values.
///
/// The words are in the catalogue, one switch per language (`Message+Vietnamese.swift`,
/// `Message+English.swift`), so a message without its Vietnamese text does not compile, and every
/// interface (`check`, the clerk's mail, `status`, the web pages) says the same thing the same way.
/// Keys of the config (`send_time`, `[[task]]`) and what the clerk wrote are quoted as written.
public indirect enum Message: Hashable, Sendable {
    // MARK: Problems with their own vocabulary
    case toml(TOMLProblem)
    case deadline(DeadlinePhraseError)
    case name(NameError)
    case date(DateInputError)
    case spreadsheet(SpreadsheetError)
    /// A problem with one key or column: "clerk: …", "due of [[task]] 2.1: …".
    case of(String, in: TablePlace?, Message)

    // MARK: Any table of a TOML file
    case unknownKey(String, in: TablePlace)
    case missingKey(String, in: TablePlace)
    case wrongType(String, in: TablePlace, expected: Expected, found: ValueKind)
    case outOfRange(String, in: TablePlace, lower: Int, upper: Int, found: Int)
    case notWholeNumbers(String, in: TablePlace, lower: Int, upper: Int)
    case notOneOf(String, in: TablePlace, choices: [String], found: String)

    // MARK: Files
    case cannotReadListed(path: String, reason: FileReason)
    case cannotReadFile(reason: FileReason)
    case notUTF8
    case cannotReadAsPlan(path: String)
    case noPlans
    case templateNotUTF8
    case templateUnreadable(reason: String)
    case templateSyntax(reason: String, column: Int)
    case templateMissingPartial(String, known: [String])
    /// The templates of a cycle, the first repeated at the end.
    case templatePartialCycle([String])
    case templateTooDeep(Int)

    // MARK: The config
    case unknownTimeZone(String)
    case secondScheduleForYear(Int)
    case plansNotAnArray(found: ValueKind)
    case plansEntryWrongType(found: ValueKind)
    case notATimeOfDay(String, found: String)
    case notADuration(String, found: String)
    case escalationOrder(top: Int, after: Int)
    case urlScheme(String, url: String, schemes: [String])
    case maildirNotAbsolute(String)
    case maildirSystemFolder(String)
    case maildirNotAFolder(String)
    case fromOnOneLine
    case secondWebhookName(String)
    case notAZaloWebhook(String, configured: [String])
    case reportLinkWithoutWeb(String)
    case emptyTemplateData
    case reportDayChoice
    case reportWithoutRecipient
    case overdueListWithoutClerk
    case secondOfficialID(String)
    case notAnEmailAddress(String)
    case notAPhoneNumber(String)
    case severalTopOfficials(count: Int, ids: [String])
    case unreachableOfficial(String)
    case notAListenAddress(String)
    case notAnIPAddress(String)
    /// `[web] replaceable_plans` names a file that `plans` does not list.
    case notAListedPlan(String, listed: [String])

    // MARK: TOML plans
    case planNeedsHeader
    case planHasNoTasks
    case taskNeedsDeadline(TablePlace)
    case dueAndEvery(TablePlace)
    case dueWrongType(TablePlace, found: ValueKind)
    case weeklyDay
    case untilBeforeFrom(until: String, from: String)
    case onlyWithEvery
    case recurringCompletedOnce
    case completedOccurrencesShape
    case notAnOccurrence(String, task: String)
    case completionNotADate(String)
    case secondTaskID(String)
    /// A plan's `[[unit]]` the config does not know, with no clerk to receive its reminders.
    case outsideBodyWithoutClerk(String)

    // MARK: Spreadsheet plans
    case noTaskRows
    case rowWithoutTask(String)
    case rowWithoutTitle
    case taskWithoutResponsible(String)
    case taskWithoutDeadline(String)
    case recurringCompletedCell(String)
    case notACarryOverYear(String)
    case notAReportPeriod(String)
    case cellNotADeadline(String)
    case cellNotADate(String)
    case notAFocusMark(String)
    case completionWithoutTask
    case completionWithoutDate(task: String)
    case completionOfUnknownTask(String)
    case noSuchOccurrence(task: String, occurrence: String?)
    case noSuchSheet(file: String, sheet: String)
    case emptySheet
    case noHeaderRow
    case emptySpreadsheet
    case noTaskSheet
    case noPlanYear(file: String)
    /// The headers a table's likeliest header row holds, with the role each got: a table refused whole.
    case headersSeen([SeenHeader])
    /// A deadline in another year than the plan's: read, and said.
    case deadlineOutsidePlanYear(String, year: Int)

    // MARK: Published schedules (calendar/YEAR.toml)
    case scheduleYearRange
    case tetBreakLength
    case dateNotInYear(String, year: Int)
    case scheduleNeeds(String, Expected)
    case scheduleUnknownKey(String, known: [String])

    // MARK: Hints
    case didYouMean(String)
    case knownKeys([String])
    case write([String])
    /// A line of the config to copy: `report_to = ["…"]`.
    case example(String)
    case forVietnam
    case theFirstIs(String)
    case theFirstIsOnRow(Int)
    case atColumn(Int)
    case near(String)
    case saveAsUTF8
    case saveAsXLSX
    case planFileKinds
    case giveAContact
    case fillInTheTitle
    case writeOngoing
    case writeResponsible
    case reportPeriods
    case formatAsDate
    case writeADate
    case focusMark
    case occurrencesFallOn([String])
    case occurrenceIsTheDeadline([String])
    case sheetsAre([String])
    case headersExpected
    case writeTheYear
    /// The `columns` entries to write for the roles not found.
    case writeColumns([String])

    /// Words another program wrote (a file system's reason, the template engine's), shown as they are.
    case verbatim(String)

    /// The message in a language.
    public func text(_ language: Language) -> String {
        switch language {
        case .vi: vietnamese
        case .en: english
        }
    }
}

/// A column of a spreadsheet's header as written, with the role nhacviec gave it (nil: none).
public struct SeenHeader: Hashable, Sendable {
    public let column: String
    public let header: String
    public let role: String?

    public init(column: String, header: String, role: String?) {
        self.column = column
        self.header = header
        self.role = role
    }
}

/// A table of a TOML file, as messages name it.
public enum TablePlace: Hashable, Sendable {
    case topLevel
    case plansEntry
    /// As written in the file: "[reminders]", "[[webhook]]", "[[official]] chu-tich".
    case table(String)
    /// A `[[task]]` of a plan, by its id.
    case task(String)
    /// An `[[official]]` by id, a `[[unit]]` by name.
    case official(String)
    case unit(String)
}

/// Why a file cannot be read.
public enum FileReason: Hashable, Sendable {
    case missing, folder, permissions
}

/// The kind of a TOML value, for "must be a date, not a string".
public enum ValueKind: Hashable, Sendable {
    case string, integer, float, boolean, date, time, dateTime, array, table
}

/// What a key must hold.
public enum Expected: Hashable, Sendable {
    case string, integer, boolean, date, table, tables, strings, stringOrStrings, integers
}
