extension WebWord {
    var english: String {
        switch self {
        case .app:
            "Reminders"
        case .signIn:
            "Sign in"
        case .signOut:
            "Sign out"
        case .signInHelp:
            "Type your work email address; a one-time sign-in link, valid for 15 minutes, is sent to it."
        case .email:
            "Email"
        case .sendLink:
            "Send the sign-in link"
        case .linkSent:
            "If this address is in the office's directory, a sign-in link has just been sent to it. The link works once, for 15 minutes."
        case .linkRefused:
            "This sign-in link cannot be used: it has expired, was used already, or is not right. Ask for a new one."
        case .tooMany:
            "Too many sign-in requests from this address in the last hour. Try again later."
        case .forbidden:
            "You may not see or do this."
        case .unavailable:
            "The service cannot answer just now. Please try again in a few minutes; if it goes on, tell the administrator."
        case .notFound:
            "There is no such page."
        case .badForm:
            "The form has expired or is not right. Reload the page and try again."
        case .overview:
            "Overview"
        case .signedInAs:
            "Signed in"
        case .today:
            "Today"
        case .counts:
            "Tasks by status"
        case .doneOnTime:
            "Done on time"
        case .doneLate:
            "Done late"
        case .overdue:
            "Not done, overdue"
        case .inProgress:
            "Not yet due"
        case .ongoing:
            "Ongoing"
        case .noFixedDeadline:
            "No fixed deadline"
        case .overdueTasks:
            "Overdue tasks"
        case .noOverdue:
            "No task is overdue."
        case .task:
            "Task"
        case .deadline:
            "Deadline"
        case .late:
            "Late"
        case .workingDays:
            "working days"
        case .responsible:
            "Responsible"
        case .nextSend:
            "Next send"
        case .nothingToSend:
            "Nothing to send."
        case .recipient:
            "Recipient"
        case .items:
            "Items"
        case .failures:
            "Failed deliveries"
        case .noFailures:
            "No delivery failed."
        case .lastReload:
            "Last config reload"
        case .rejected:
            "The config or plans on disk have errors; the service runs on the version it accepted"
        case .accepted:
            "accepted"
        case .refused:
            "refused"
        case .reportDone:
            "Report it done"
        case .reportHelp:
            "You report this task done: give the day it was completed and, if useful, a note (a document number, the result)."
        case .reportSent:
            "Your report is sent. The office will confirm it; meanwhile this task is not reminded."
        case .reportCounted:
            "The task is recorded as completed. Thank you."
        case .reportRefused:
            "This report link cannot be used: it was used already, has expired, or is not right."
        case .alreadyDone:
            "This task is recorded as completed already."
        case .waiting:
            "Completion reports waiting"
        case .noWaiting:
            "No report is waiting."
        case .reportedBy:
            "Reported by"
        case .confirm:
            "Confirm"
        case .sendBack:
            "Send back"
        case .reasonNeeded:
            "Give a reason when sending a report back."
        case .returnedSubject:
            "[Reminders] Your completion report was sent back"
        case .returnedMail:
            "The office sent your completion report back; the task is reminded again. The reason:"
        case .reports:
            "Reports"
        case .period:
            "Period"
        case .periodHelp:
            "Write it as people do: Tháng 3/2025, Quý I/2025, 6 tháng đầu năm, Năm 2025."
        case .notAPeriod:
            "The period cannot be read; write, say, Tháng 3/2025, Quý I/2025, 6 tháng đầu năm, Năm 2025."
        case .total:
            "Total"
        case .cameDue:
            "Came due"
        case .download:
            "Download"
        case .printable:
            "Printable (A4)"
        case .calendar:
            "Working calendar"
        case .year:
            "Year"
        case .workingDayCount:
            "working days"
        case .daysOff:
            "Days off (besides the usual Saturdays and Sundays)"
        case .workedDays:
            "Saturdays and Sundays worked"
        case .notAnnounced:
            "This year's days off are not announced yet: Tết and the day beside 2/9 follow the rule."
        case .source:
            "Source"
        case .reason:
            "Reason"
        case .show:
            "Show"
        case .tasks:
            "Tasks"
        case .section:
            "Section"
        case .lead:
            "Lead"
        case .status:
            "Status"
        case .any:
            "Any"
        case .search:
            "Search"
        case .filter:
            "Filter"
        case .shown:
            "tasks"
        case .page:
            "Page"
        case .none:
            "No task."
        case .occurrences:
            "Deadlines"
        case .nominal:
            "Deadline as planned"
        case .effective:
            "Deadline on the working calendar"
        case .completedOn:
            "Completed on"
        case .note:
            "Note"
        case .record:
            "Record completion"
        case .reopen:
            "Reopen"
        case .sent:
            "Reminders sent"
        case .noSent:
            "No reminder sent yet."
        case .day:
            "Day"
        case .to:
            "To"
        case .state:
            "Result"
        case .answer:
            "Server's answer"
        case .history:
            "History"
        case .noHistory:
            "Nothing recorded here yet."
        case .completed:
            "completed"
        case .reopened:
            "reopened"
        case .by:
            "By"
        case .from:
            "From"
        case .badDate:
            "The completion date cannot be read, is in the future, or is before the plan's year"
        case .linkSubject:
            "[Reminders] Your sign-in link"
        case .linkMail:
            "You (or someone who typed your address) asked to sign in to the reminders workspace. Follow the link below within 15 minutes; it works once. If you did not ask, ignore this mail."
        case .plans:
            "Plans"
        case .inUse:
            "In use"
        case .version:
            "Version"
        case .configFile:
            "the file in the config folder"
        case .notApplied:
            "no version applied yet"
        case .configFileNewer:
            "The file in the config folder was edited after the last version applied here, so it is in use."
        case .workingCopy:
            "Download the working copy (.xlsx, with the completions recorded)"
        case .uploadVersion:
            "New version"
        case .uploadHelp:
            "An .xlsx, .csv or .toml file. It is checked in full first, then previewed; nothing changes until you press Apply. At most"
        case .check:
            "Check"
        case .versions:
            "Versions uploaded"
        case .uploadedBy:
            "Uploaded by"
        case .preview:
            "Preview"
        case .restore:
            "Restore"
        case .apply:
            "Apply"
        case .applied:
            "Applied"
        case .restored:
            "Restored"
        case .changes:
            "Changes"
        case .newPlan:
            "Add a new plan"
        case .planFile:
            "Plan file"
        case .planYear:
            "Plan year (when the table does not say)"
        case .appliedNotice:
            "Applied. The reminders follow this version from the next send."
        case .chooseFile:
            "Choose a plan file to upload."
        case .errorsFound:
            "error(s)"
        case .nothingChanged:
            "The file has errors, so nothing changed; the reminders follow the version in use. Mend the errors below and upload it again."
        case .file:
            "File"
        case .sheet:
            "Sheet"
        case .row:
            "Row"
        case .column:
            "Column"
        case .written:
            "Cell text"
        case .error:
            "Error"
        case .fix:
            "What to do"
        case .unchanged:
            "Nothing differs from the version in use."
        case .added:
            "Tasks added"
        case .removed:
            "Tasks removed"
        case .changed:
            "Tasks changed"
        case .completionsChanged:
            "Occurrences with another completion"
        case .before:
            "In use"
        case .after:
            "New version"
        case .remindersNext:
            "Reminders of the next working days"
        case .underCurrent:
            "Under the version in use"
        case .underNew:
            "Under the new version"
        case .fieldTitle:
            "Title"
        case .fieldDeadline:
            "Deadline"
        case .fieldResponsible:
            "Responsible"
        case .fieldLead:
            "Lead"
        case .fieldFocus:
            "Focus"
        case .stageBefore:
            "due soon"
        case .stageDue:
            "due today"
        case .stageOverdue:
            "overdue"
        case .yes:
            "yes"
        case .no:
            "no"
        }
    }
}
