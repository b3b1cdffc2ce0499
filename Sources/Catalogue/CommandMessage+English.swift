extension CommandMessage {
    /// The English text, for an office that asks for it (`[email] language = "en"`) and for the journal.
    var english: String {
        switch self {
        case .checked(let file, let plans, let tasks, let deadlines, let officials, let units):
            "\(file): OK: \(plans) plan(s), \(tasks) tasks (\(deadlines) deadlines), \(officials) officials, "
                + "\(units) units"
        case .calendarNotAnnounced(let year):
            "the government's schedule of days off for \(year) is not announced yet (or not known to this "
                + "version): Tết and the day beside 2/9 follow the rule; add calendar/\(year).toml beside the "
                + "config when it is (docs/calendar.md)"
        case .secretAt(let purpose, let name, let path): "\(purpose) \"\(name)\": \(path)"
        case .secretNotFound(let purpose, let name, let places, let credential):
            "\(purpose) \"\(name)\" is not in \(places.joined(separator: " nor ")); under systemd the service "
                + "reads \(credential), which the unit loads from the credentials folder beside the config"
        case .secretsUnusable(let count): "\(count) secret file(s) cannot be used as they are"

        case .secretMissing(let purpose, let name, let places):
            "\(purpose): the file \"\(name)\" is not in \(places.joined(separator: " nor "))"
        case .secretUnreadable(let purpose, let path): "\(purpose): \(path) cannot be read"
        case .secretEmpty(let purpose, let path): "\(purpose): \(path) is empty"
        case .secretNotSigningSecret(let purpose):
            "\(purpose): the webhook secret is not \"whsec_\" followed by base64"
        case .secretReadableByAll(let purpose, let path):
            "\(path) (\(purpose)) can be read by every user on this machine; chmod 600 it, or use LoadCredential"

        case .importReads(let file):
            "\(file): import reads .xlsx or .csv files (save an .xls or .ods as .xlsx first)"
        case .nothingRead(let file): "\(file): nothing could be read"
        case .imported(let file, let tasks, let problems, let namesChecked):
            "\(file): \(tasks) tasks read, \(problems) problem(s)"
                + (namesChecked ? "" : "; names not checked (no config)")
        case .importCounts(let read, let kept, let unscheduled, let refused):
            "\(read) task rows" + (kept.map { ", \($0) kept naming the unit" } ?? "")
                + ", \(unscheduled) with no fixed deadline, \(refused) row(s) with errors"
        case .importUnusedColumns(let headers):
            "columns not used: " + headers.map { "\"\($0)\"" }.joined(separator: ", ")
        case .importRolesByContent(let pairs):
            "columns taken by what their cells hold (their headers say nothing known): " + pairs.joined(separator: "; ")
        case .importFilled(let cells, let numbered):
            (cells > 0 ? "\(cells) blank cell(s) given the value above (merged cells)" : "")
                + (cells > 0 && !numbered.isEmpty ? "; " : "")
                + (numbered.isEmpty
                    ? ""
                    : "\(numbered.count) row(s) without a number numbered on (rows "
                        + numbered.map(String.init).joined(separator: ", ") + ")")
        case .withoutFixedDeadline(let tasks):
            "\(tasks.count) task(s) with no fixed deadline (never reminded by date): " + tasks.joined(separator: ", ")
        case .importOutsideBodies(let names):
            "\(names.count) bodies the config does not know, written into the plan as [[unit]] (reminded through the clerk): "
                + names.joined(separator: "; ")

        case .noSuchTask(let id, let suggestion):
            "no task has the id \"\(id)\"" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
        case .recursWhichOccurrence(let task, let open):
            "task \(task) recurs: say which occurrence with --occurrence (open: \(open.joined(separator: ", "))…)"
        case .noSuchOccurrence(let task, let date, let occurrences):
            "task \(task) has no occurrence \(date)"
                + (occurrences.isEmpty ? "" : " (its occurrences fall on \(occurrences.joined(separator: ", "))…)")
        case .doneInTheFuture(let day, let today): "--on \(day) is in the future (today is \(today))"
        case .doneBeforePlanYear(let day, let year): "--on \(day) is before the plan's year \(year)"
        case .doneAfterPlanYear(let day, let year):
            "\(day) is after the plan's year \(year): recorded as done late; check the date if it was done in \(year)"
        case .alreadyDone(let label, let day): "\(label): already recorded as done on \(day)"
        case .done(let label, let day, let deadline, let late, let replaced):
            "\(label): done on \(day)"
                + (deadline.map { late ? " (late: the deadline was \($0))" : " (on time)" } ?? "")
                + (replaced.map { "; this replaces the completion recorded on \($0)" } ?? "")
        case .nothingToReopen(let label): "\(label) is not completed: there is nothing to reopen"
        case .reopened(let label, let was): "\(label): reopened (it was done on \(was))"
        case .cannotRecord(let reason): "cannot record it: \(reason)"

        case .webOff: "the web workspace is off: the config has no [web] listen (docs/web.md)"
        case .linkIssued(let official, let minutes):
            "a sign-in link for \(official), valid \(minutes) minutes and once; hand it over only to them"
        case .sessionsRevoked(let official, let count): "\(official): \(count) session(s) signed out"
        case .notAPeriod(let text): "--period \"\(text)\" is not a period (write 2024-Q1, 2024-03, 2024-H1 or 2024)"
        case .cannotWriteWorkbook(let reason): "cannot write the workbook: \(reason)"
        case .planFileKind(let name): "\(name) is not a plan: send an .xlsx, .csv or .toml file"
        case .planNotAWorkbook(let name):
            "\(name) is not an Excel workbook although it is named .xlsx; open it in Excel and save it as .xlsx"
        case .planTooLarge(let name, let megabytes):
            "\(name) is larger than \(megabytes) MB, the most a plan may be; save the table alone (no pictures)"
        case .planNotReplaceable(let name):
            "\(name) may not be replaced from the browser ([web] replaceable_plans, docs/web.md)"
        case .planChangedMeanwhile(let user, let at):
            "\(user) switched this plan at \(at), after this page was made; look at the plan again before applying"
        case .noSuchPlanVersion: "there is no such version of this plan"
        case .noZaloWebhook(let name, let configured):
            "no Zalo webhook is named \"\(name)\" (configured: \(configured.isEmpty ? "none" : configured.joined(separator: ", ")))"
        case .zaloAuthorized(let webhook):
            "the refresh token of \(webhook) is kept in the state; the next send spends it for the first pair of tokens"

        case .notAYear(let text): "\"\(text)\" is not a year (write it with four digits, for example 2024)"
        case .yearOutOfRange(let year, let lower, let upper): "\(year) is outside the supported years \(lower)–\(upper)"
        case .notALunarDate(let text):
            "\"\(text)\" is not a lunar date (write D/M/YYYY, for example 10/3/2024 for Giỗ Tổ)"
        case .lunarDate(let text, let leap, let problem):
            "lunar \"\(text)\"\(leap ? " (leap month)" : ""): \(problem.english)"
        case .solarDate(let text, let problem): "\"\(text)\": \(problem.english)"
        case .option(let option, let error): "\(option): \(Message.date(error).text(.en))"
        case .optionName(let option, let error): "\(option): \(Message.name(error).text(.en))"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .state(let directory, let message): "the state in \(directory): \(message.english)"
        case .noStateYet(let file):
            "there is no \(file): the service has not started with this config yet (systemctl status nhacviec), "
                + "or its state is elsewhere (state_dir)"
        case .stateDeleted(let file):
            "there is no \(file), though this state has served before (accepted/ is there): the database was "
                + "deleted or moved, and a new one would forget every delivery and completion. Restore the last "
                + "backup (docs/service.md, \"Backups and restore\"), or remove accepted/ to start afresh"
        case .openedWithoutState: "the office was opened without its state"
        case .cannotReadCompletions(let reason): "cannot read the completions: \(reason)"
        case .cannotActAsOwner(let uid, let reason): "cannot act as its owner (uid \(uid)): \(reason)"
        case .lunar(let problem): problem.english
        case .warning(let message): "warning: \(message.english)"
        case .verbatim(let text): text
        case .status(let line): line.english
        case .serviceStarted(let tasks): "started: \(tasks) tasks"
        case .reloaded(let tasks): "reloaded: \(tasks) tasks"
        }
    }
}

extension LunarProblem {
    var english: String {
        switch self {
        case .outOfRange(let lower, let upper): "the date is outside the supported years \(lower)–\(upper)"
        case .noLeapMonth(let year, let month, let leap?):
            "lunar year \(year) has no leap month \(month); its leap month is \(leap)"
        case .noLeapMonth(let year, _, nil): "lunar year \(year) has no leap month"
        case .noSuchDay(let day, let month, let year, let leap, let length?):
            "lunar \(leap ? "leap " : "")month \(month)/\(year) has \(length) days, not \(day)"
        case .noSuchDay(let day, let month, _, _, nil):
            "\(day)/\(month) is not a lunar date (days run 1–30, months 1–12)"
        }
    }
}

extension StatusLine {
    var english: String {
        switch self {
        case .nextSend(let time): "Next send:      \(time ?? "not known (is the service running?)")"
        case .queued(let count): "Queued:         \(count)"
        case .delivered(let count): "Delivered:      \(count)"
        case .failed(let count): "Failed:         \(count)"
        case .missed(let count): "Missed:         \(count)"
        case .lastDelivery(let at, let digest, let destination, let answer):
            "Last delivery:  \(at) \(digest) → \(destination): \(answer)"
        case .noDelivery: "Last delivery:  none"
        case .lastReload(let at, let ok, let message): "Last reload:    \(at) \(ok ? "ok" : "REJECTED"): \(message)"
        case .noReload: "Last reload:    none"
        case .lastRound(let at, let seconds): "Last round:     \(at) (\(seconds) s ago)"
        case .noRound: "Last round:     none"
        case .roundsStopped(let minutes, let waiting):
            "WARNING:        no round for \(minutes) min while \(waiting) notification(s) wait: the service is "
                + "stopped, hangs, or cannot write its database (a full disk?); see journalctl -u nhacviec"
        case .diskFull(let directory, let kibibytes):
            "WARNING:        the disk of \(directory) has \(kibibytes) KiB free: the service cannot write its "
                + "database (deliveries and completions are not recorded); free some space"
        case .batchHangs(let since, let minutes):
            "WARNING:        a delivery batch has been going on since \(since) (\(minutes) min): it hangs"
        case .retrying: "Retrying:"
        case .retry(let digest, let destination, let attempts, let next, let answer):
            "  \(digest) → \(destination): \(attempts) attempt(s), next at \(next): \(answer)"
        case .scheduleRejected(let errors, let since):
            "Schedule:       REJECTED: the config or plans on disk have \(errors) error(s); the service serves "
                + "the version accepted at \(since)"
        case .clockWentBack(let from, let to, let noticed, let givenBack):
            "Clock:          WENT BACK from \(from) to \(to) (noticed \(noticed)): it had run ahead; \(givenBack) "
                + "notification(s) given back to the plan"
        case .failures: "Failures:"
        case .failure(let digest, let destination, let answer): "  \(digest) → \(destination): \(answer)"
        case .zaloTokens(let webhook, let access, let refresh):
            "Zalo \(webhook): access token \(access.map { "until \($0)" } ?? "not yet taken"), refresh token until \(refresh) unused"
        case .zaloRefreshSoon(let webhook, let until):
            "Zalo \(webhook): the refresh token expires unused at \(until); the service refreshes it at its next send, or authorize the OA again (nhacviec zalo-token)"
        case .zaloAuthorizeAgain(let webhook, let reason):
            "Zalo \(webhook): authorize the OA again (nhacviec zalo-token \(webhook) --refresh-token FILE): \(reason)"
        case .zaloQuota(let webhook, let remaining, let daily, let at, let usedUp):
            usedUp
                ? "Zalo \(webhook): today's ZNS quota is used up (Zalo said so at \(at)); the rest wait for the next send time"
                : "Zalo \(webhook): \(remaining)\(daily.map { " of \($0)" } ?? "") ZNS messages left today (Zalo said so at \(at))"
        }
    }
}
