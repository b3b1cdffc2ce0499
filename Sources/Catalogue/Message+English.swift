extension Message {
    /// The English text: for an office that writes `language = "en"`, and for developers.
    var english: String {
        switch self {
        case .toml(let problem): problem.english
        case .deadline(let error): error.english
        case .name(let error): error.english
        case .date(let error): error.english
        case .spreadsheet(let error): error.english
        case .of(let key, let place?, let message): "\(key) of \(place.english): \(message.english)"
        case .of(let key, nil, let message): "\(key): \(message.english)"

        case .unknownKey(let key, let place): "unknown key \"\(key)\" in \(place.english)"
        case .missingKey(let key, let place): "\(place.english) needs the key \"\(key)\""
        case .wrongType(let key, let place, let expected, let found):
            "\(key) in \(place.english) must be \(expected.english), not \(found.english)"
        case .outOfRange(let key, let place, let lower, let upper, let found):
            "\(key) in \(place.english) must be between \(lower) and \(upper), not \(found)"
        case .notWholeNumbers(let key, let place, let lower, let upper):
            "\(key) in \(place.english) must hold whole numbers from \(lower) to \(upper)"
        case .notOneOf(let key, let place, let choices, let found):
            "\(key) in \(place.english) must be one of \(Self.quoted(choices)), not \"\(found)\""

        case .cannotReadListed(let path, let reason): "cannot read \(path): \(reason.english)"
        case .cannotReadFile(let reason): "cannot read the file: \(reason.english)"
        case .notUTF8: "the file is not UTF-8 text"
        case .cannotReadAsPlan(let path): "cannot read \(path) as a plan"
        case .noPlans: "no plans are listed"
        case .templateNotUTF8: "the template cannot be read as UTF-8 text"
        case .templateUnreadable(let reason): "the template cannot be read: \(reason)"
        case .templateSyntax(let reason, let column): "the template cannot be read: \(reason) at column \(column)"
        case .templateMissingPartial(let name, let known):
            "the template includes {{> \(name)}}, which does not exist (templates: \(known.joined(separator: ", ")))"
        case .templatePartialCycle(let names):
            "the templates include each other without end: \(names.joined(separator: " → "))"
        case .templateTooDeep(let limit): "sections nest deeper than \(limit) levels here"

        case .unknownTimeZone(let zone): "unknown time zone \"\(zone)\""
        case .secondScheduleForYear(let year): "a second schedule for \(year)"
        case .plansNotAnArray(let found): "plans must be an array of paths, not \(found.english)"
        case .plansEntryWrongType(let found):
            "plans must hold paths or { path = …, year = … } tables, not \(found.english)"
        case .notATimeOfDay(let key, let found): "\(key) \"\(found)\" is not a time of day"
        case .notADuration(let key, let found): "\(key) \"\(found)\" is not a duration"
        case .escalationOrder(let top, let after):
            "escalate_top_after (\(top)) is before escalate_after (\(after))"
        case .urlScheme(let what, let url, let schemes):
            "\(what) url \"\(url)\" must start with \(Self.list(schemes, or: "or"))"
        case .maildirNotAbsolute(let path):
            "the Maildir \"\(path)\" must be an absolute path: file:/// followed by the folder"
        case .maildirSystemFolder(let path):
            "the Maildir cannot be the system's folder \(path); give a folder of its own"
        case .maildirNotAFolder(let path): "the Maildir \(path) is a file, not a folder"
        case .fromOnOneLine: "email from must be one line"
        case .secondWebhookName(let name): "a second webhook is named \"\(name)\""
        case .notAZaloWebhook(let name, let configured):
            "tokens_from: \"\(name)\" is not a Zalo webhook with tokens of its own"
                + (configured.isEmpty ? "" : " (there are: \(configured.joined(separator: ", ")))")
        case .reportLinkWithoutWeb(let key):
            "\(key) = \"report_link\": the report link exists only with the web workspace on ([web])"
        case .emptyTemplateData: "template_data must fill at least one parameter of the ZNS template"
        case .reportDayChoice: "report_day in [summary] must be a day of the month (1–31) or \"decree09\""
        case .reportWithoutRecipient: "the periodic report has no recipient"
        case .overdueListWithoutClerk: "the overdue list goes to the clerk, and no clerk is set"
        case .secondOfficialID(let id): "a second official or unit has the id \"\(id)\""
        case .notAnEmailAddress(let text): "\"\(text)\" is not an email address"
        case .notAPhoneNumber(let text):
            "\"\(text)\" is not a Vietnamese mobile number (write it as \"0912 345 678\" or \"+84 912 345 678\")"
        case .severalTopOfficials(let count, let ids):
            "\(count) officials are marked top = true (\(ids.joined(separator: ", "))); only the Chairman is"
        case .unreachableOfficial(let id): "official \(id) has no email and no webhook reaches them"
        case .notAListenAddress(let text): "listen must be ADDRESS:PORT, not \"\(text)\""
        case .notAnIPAddress(let text): "\"\(text)\" is not an IP address (a proxy is named by its address)"
        case .notAListedPlan(let path, let listed):
            "\"\(path)\" is not one of the plans listed in `plans` (\(listed.joined(separator: ", ")))"

        case .planNeedsHeader: "a plan file needs a [plan] table with id, title and year"
        case .planHasNoTasks: "the plan has no [[task]]"
        case .taskNeedsDeadline(let place):
            "\(place.english) needs a deadline: due = 2024-03-31, due = \"Quý I/2024\", or every = \"month\""
        case .dueAndEvery(let place): "\(place.english) has both due and every; keep one"
        case .dueWrongType(let place, let found):
            "due of \(place.english) must be a date or a phrase, not \(found.english)"
        case .weeklyDay: "day of a weekly task is 1 (Monday) to 7 (Sunday)"
        case .untilBeforeFrom(let until, let from): "until \(until) is before from \(from)"
        case .onlyWithEvery: "day, month, from and until only apply with every"
        case .recurringCompletedOnce:
            "a recurring task is completed per occurrence: completed_occurrences = { \"2024-01-31\" = 2024-01-30 }"
        case .completedOccurrencesShape: "completed_occurrences is a table of the recurring task's occurrence dates"
        case .notAnOccurrence(let key, let task): "\"\(key)\" is not an occurrence of task \(task)"
        case .completionNotADate(let key): "the completion of \(key) must be a date"
        case .secondTaskID(let id): "a second task has the id \"\(id)\""

        case .noTaskRows: "no task rows under the header row"
        case .rowWithoutTask(let text): "the row has text but no task (\(text))"
        case .rowWithoutTitle: "the row has no task title (Nội dung)"
        case .taskWithoutResponsible(let id): "task \(id) names no one responsible (Chủ trì)"
        case .taskWithoutDeadline(let id): "task \(id) has no deadline"
        case .recurringCompletedCell(let id):
            "task \(id) recurs: record each occurrence's completion in a completions sheet (Mã, Kỳ, Ngày hoàn thành)"
        case .notACarryOverYear(let text): "\"\(text)\" is not a year to carry over from"
        case .notAReportPeriod(let text): "\"\(text)\" is not a report period"
        case .cellNotADeadline(let text): "cannot read \(text) as a deadline"
        case .cellNotADate(let text): "\"\(text)\" is not a date"
        case .notAFocusMark(let text): "\"\(text)\" is not a yes or no for Trọng tâm"
        case .completionWithoutTask: "the completion has no task id (Mã)"
        case .completionWithoutDate(let task): "the completion of \(task) has no date"
        case .completionOfUnknownTask(let task): "a completion names task \"\(task)\", which the table does not have"
        case .noSuchOccurrence(let task, let occurrence):
            "task \(task) has no occurrence \(occurrence ?? "(none given)")"
        case .noSuchSheet(let file, let sheet): "\(file) has no sheet \"\(sheet)\""
        case .emptySheet: "the sheet is empty"
        case .noHeaderRow: "no header row names the task and its deadline or responsible"
        case .emptySpreadsheet: "the spreadsheet is empty"
        case .outsideBodyWithoutClerk(let name):
            "the body \"\(name)\" is not in the config: its reminders go to the clerk, but the config names no clerk"
        case .noTaskSheet: "no sheet has the headers of an assignment table"
        case .headersSeen(let seen):
            "the columns seen: "
                + seen.map { "\($0.column) \"\($0.header)\" → \($0.role ?? "not used")" }.joined(separator: "; ")
        case .deadlineOutsidePlanYear(let phrase, let year):
            "the deadline \"\(phrase)\" is not in the plan's year \(year); read all the same, have a look"
        case .noPlanYear(let file): "cannot tell the plan year of \(file): no deadline names a year"

        case .scheduleYearRange: "the year must be 1900–2100"
        case .tetBreakLength: "the Tết break must be 1–15 days"
        case .dateNotInYear(let date, let year): "\(date) is not in \(year)"
        case .scheduleNeeds(let key, let expected): "\(key) must be \(expected.english)"
        case .scheduleUnknownKey(let key, let known): "unknown key \"\(key)\" (known: \(known.joined(separator: ", ")))"

        case .didYouMean(let text): "did you mean \"\(text)\"?"
        case .knownKeys(let keys): "known keys: \(keys.joined(separator: ", "))"
        case .write(let examples): "write \(Self.list(examples.map { "\"\($0)\"" }, or: "or"))"
        case .example(let line): line
        case .forVietnam: "for Vietnam write \"Asia/Ho_Chi_Minh\""
        case .theFirstIs(let place): "the first is \(place)"
        case .theFirstIsOnRow(let row): "the first is on row \(row)"
        case .atColumn(let column): "column \(column)"
        case .near(let text): "near \"\(text)\""
        case .saveAsUTF8: "save it as UTF-8"
        case .saveAsXLSX: "save it as .xlsx (Excel 2007 and later) or .csv"
        case .planFileKinds: "plans are .toml, .xlsx or .csv files"
        case .giveAContact: "give them an email, or a telegram id and a telegram webhook"
        case .fillInTheTitle: "fill in its Nội dung, or delete the row"
        case .writeOngoing: "write \"Thường xuyên\" for a task without one"
        case .writeResponsible: "write the official or the unit in charge, by name, as the directory has it"
        case .reportPeriods: "tháng, quý, 6 tháng or năm"
        case .formatAsDate: "format the cell as a date, or write the phrase as text"
        case .writeADate: "write dd/mm/yyyy or format the cell as a date"
        case .focusMark: "write x for a focus task, or leave it empty"
        case .occurrencesFallOn(let dates): "occurrences fall on \(dates.joined(separator: ", "))…"
        case .occurrenceIsTheDeadline(let dates): "Kỳ is the occurrence's deadline: \(dates.joined(separator: ", "))…"
        case .sheetsAre(let names): "its sheets: \(Self.quoted(names))"
        case .headersExpected:
            "headers such as \"Nội dung\", \"Chủ trì\", \"Thời gian hoàn thành\", or a columns map in the config"
        case .writeTheYear: "write it beside the path: { path = \"…\", year = 2024 }"
        case .writeColumns(let entries):
            "a task, a deadline or a responsible column is needed: write columns = { \(entries.joined(separator: ", ")) } "
                + "in the config, or nhacviec import --columns \(entries.map { $0.replacing(" = ", with: "=") }.joined(separator: " --columns "))"

        case .verbatim(let text): text
        }
    }

    /// `"a", "b"`.
    static func quoted(_ words: [String]) -> String { words.map { "\"\($0)\"" }.joined(separator: ", ") }

    /// `a, b or c`.
    static func list(_ words: [String], or word: String) -> String {
        guard let last = words.last, words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " \(word) " + last
    }
}

extension TablePlace {
    var english: String {
        switch self {
        case .topLevel: "the top level"
        case .plansEntry: "a plans entry"
        case .table(let written): written
        case .task(let id): "task \(id)"
        case .official(let id): "official \(id)"
        case .unit(let name): "unit \"\(name)\""
        }
    }
}

extension FileReason {
    var english: String {
        switch self {
        case .missing: "no such file"
        case .folder: "it is a folder"
        case .permissions: "it cannot be read (permissions?)"
        }
    }
}

extension ValueKind {
    var english: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a float"
        case .boolean: "a boolean"
        case .date: "a date"
        case .time: "a time"
        case .dateTime: "a date-time"
        case .array: "an array"
        case .table: "a table"
        }
    }
}

extension Expected {
    var english: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .boolean: "true or false"
        case .date: "a date (write it bare, 2024-03-31)"
        case .table: "a table"
        case .tables: "an array of tables"
        case .strings: "an array of strings"
        case .stringOrStrings: "a string or an array of strings"
        case .integers: "an array of integers"
        }
    }
}

extension TOMLProblem {
    var english: String {
        switch self {
        case .headerNotClosed(let array, let found):
            "expected \"]\" to close the \(array ? "array-of-tables header" : "table header"), found \(found.english)"
        case .arrayHeaderOnValue(let key): "[[\(key)]] names a key that is already defined as something else"
        case .tableDefinedTwice(let key): "table [\(key)] is defined twice"
        case .keyDefinedTwice(let key): "the key \"\(key)\" is defined twice"
        case .equalsAfterKey(let key, let found): "expected \"=\" after the key \"\(key)\", found \(found.english)"
        case .multilineKey: "a key cannot be a multi-line string"
        case .expectedKey: "expected a key (letters, digits, _ and -, or a quoted string)"
        case .controlInComment: "control character in a comment"
        case .expectedEndOfLine(let found): "expected the end of the line, found \(found.english)"
        case .missingValue: "a value is missing after \"=\""
        case .expectedInArray(let found): "expected \",\" or \"]\" in the array, found \(found.english)"
        case .expectedInInlineTable(let found): "expected \",\" or \"}\" in the inline table, found \(found.english)"
        case .expectedValue(let found):
            "expected a value (a string in quotes, a number, a date, true or false), found \(found.english)"
        case .unquotedValue(let token): "cannot read \(token) as a value (strings need quotes: \"\(token)\")"
        case .stringNotClosed(let kind):
            "the \(kind.isMultiline ? "multi-line string" : "string") is not closed with \(kind.delimiter)"
        case .stringNotClosedOnLine: "the string is not closed before the end of the line"
        case .controlInString(true): "control character in a string; write it as an escape"
        case .controlInString(false): "control character in a string"
        case .escapeAtEnd: "the string ends inside an escape"
        case .escapeNeedsHexDigits(let escape, let count): "\\\(escape) needs \(count) hex digits of a Unicode scalar"
        case .unknownEscape(let escape): "unknown escape \\\(escape) in a string"
        case .alreadyAValue(let key, let kind, let line):
            "\"\(key)\" is already \(kind.english) (line \(line)), not a table"
        case .tableAlreadyDefined(let key, let line):
            "table \"\(key)\" is already defined (line \(line)); add to it there"
        case .arrayOfTablesNotTable(let key): "\"\(key)\" is an array of tables, not a table"
        case .tooDeep(let limit): "arrays, inline tables and dotted keys nest deeper than \(limit) levels here"
        }
    }
}

extension TOMLProblem.Found {
    var english: String {
        switch self {
        case .endOfFile: "the end of the file"
        case .endOfLine: "the end of the line"
        case .text(let text): "\"\(text)\""
        }
    }
}

extension TOMLProblem.StringKind {
    var isMultiline: Bool { self == .multilineBasic || self == .multilineLiteral }

    var delimiter: String {
        switch self {
        case .basic: "\""
        case .literal: "'"
        case .multilineBasic: "\"\"\""
        case .multilineLiteral: "'''"
        }
    }
}

extension DeadlinePhraseError {
    var english: String {
        switch self {
        case .empty: "the deadline is empty (write \"Thường xuyên\" for a task without one)"
        case .unreadable(let phrase, let suggestion?, _):
            "cannot read \"\(phrase)\" as a deadline (did you mean \"\(suggestion)\"?)"
        case .unreadable(let phrase, nil, let examples):
            "cannot read \"\(phrase)\" as a deadline (write, for example, \(Message.quoted(examples)))"
        case .inPhrase(let phrase, let error): "the deadline \"\(phrase)\": \(error.english)"
        case .noSuchQuarter(let quarter): "there is no quarter \(quarter) (quarters are I to IV)"
        case .noSuchMonth(let month): "there is no month \(month)"
        case .noSuchDayOfMonth(let day): "day \(day) of the month is not a day of the calendar"
        case .noSuchDate(let date): "\(date) is not a day of the calendar"
        case .unsupportedYear(let year, let lower, let upper): "the year \(year) is outside \(lower)–\(upper)"
        }
    }
}

extension NameError {
    var english: String {
        switch self {
        case .empty: "a name is empty"
        case .unknown(let name, let suggestion?):
            "unknown official or unit \"\(name)\" (did you mean \"\(suggestion)\"?)"
        case .unknown(let name, nil):
            "unknown official or unit \"\(name)\" (add it under [[official]] or [[unit]] in the config, or as an alias)"
        case .ambiguous(let name, let candidates):
            "\"\(name)\" could be any of \(Message.quoted(candidates)) (write the full name or an alias)"
        case .notAnOfficial(let name, let unit): "\"\(name)\" is the unit \"\(unit)\"; a lead official must be a person"
        }
    }
}

extension DateInputError {
    var english: String {
        switch self {
        case .notADate(let text):
            "\"\(text)\" is not a date (write YYYY-MM-DD or DD/MM/YYYY, for example 2024-02-10 or 10/02/2024)"
        case .noSuchDay(let text, let month, let year, let days?):
            "\"\(text)\" does not exist: month \(month)/\(year) has \(days) days"
        case .noSuchDay(let text, let month, _, nil): "\"\(text)\" does not exist: there is no month \(month)"
        }
    }
}

extension SpreadsheetError {
    var english: String {
        switch self {
        case .notASpreadsheet(let reason):
            "not an .xlsx workbook (\(reason)); save it from Excel or LibreOffice as .xlsx"
        case .tooLarge(let reason):
            "the workbook expands beyond a sane size (\(reason)); is it really the assignment table?"
        case .malformed(let reason): "the workbook's XML is broken: \(reason)"
        case .missingPart(let part): "the workbook has no \(part); save it again from Excel or LibreOffice"
        case .unclosedQuote(let row): "a quoted field opened on row \(row) is never closed"
        }
    }
}
