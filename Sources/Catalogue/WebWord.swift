/// A word of the web workspace's pages, by the name the page templates give it (`{{w.signIn}}`): one case a
/// word, so that a word without its Vietnamese or its English does not compile. Beside the commands' and the
/// mails' words, so that the pages say things as they do.
public enum WebWord: String, CaseIterable, Sendable {
    case app
    case signIn
    case signOut
    case signInHelp
    case email
    case sendLink
    case linkSent
    case linkRefused
    case tooMany
    case forbidden
    case notFound
    case unavailable
    case badForm
    case overview
    case signedInAs
    case today
    case counts
    case doneOnTime
    case doneLate
    case overdue
    case inProgress
    case ongoing
    case noFixedDeadline
    case overdueTasks
    case noOverdue
    case task
    case deadline
    case late
    case workingDays
    case responsible
    case nextSend
    case nothingToSend
    case recipient
    case items
    case failures
    case noFailures
    case lastReload
    case rejected
    case accepted
    case refused
    case reportDone
    case reportHelp
    case reportSent
    case reportCounted
    case reportRefused
    case alreadyDone
    case waiting
    case noWaiting
    case reportedBy
    case confirm
    case sendBack
    case reasonNeeded
    case returnedSubject
    case returnedMail
    case reports
    case period
    case periodHelp
    case notAPeriod
    case total
    case cameDue
    case download
    case printable
    case calendar
    case year
    case workingDayCount
    case daysOff
    case workedDays
    case notAnnounced
    case source
    case reason
    case show
    case tasks
    case section
    case lead
    case status
    case any
    case search
    case filter
    case shown
    case page
    case `none`
    case occurrences
    case nominal
    case effective
    case completedOn
    case note
    case record
    case reopen
    case sent
    case noSent
    case day
    case to
    case state
    case answer
    case history
    case noHistory
    case completed
    case reopened
    case by
    case from
    case badDate
    case linkSubject
    case linkMail
    case plans
    case inUse
    case version
    case configFile
    case notApplied
    case configFileNewer
    case workingCopy
    case uploadVersion
    case uploadHelp
    case check
    case versions
    case uploadedBy
    case preview
    case restore
    case apply
    case applied
    case restored
    case changes
    case newPlan
    case planFile
    case planYear
    case appliedNotice
    case chooseFile
    case errorsFound
    case nothingChanged
    case file
    case sheet
    case row
    case column
    case written
    case error
    case fix
    case unchanged
    case added
    case removed
    case changed
    case completionsChanged
    case before
    case after
    case remindersNext
    case underCurrent
    case underNew
    case fieldTitle = "field.title"
    case fieldDeadline = "field.deadline"
    case fieldResponsible = "field.responsible"
    case fieldLead = "field.lead"
    case fieldFocus = "field.focus"
    case stageBefore = "stage.before"
    case stageDue = "stage.due"
    case stageOverdue = "stage.overdue"
    case yes
    case no

    public func text(_ language: Language) -> String {
        switch language {
        case .vi: vietnamese
        case .en: english
        }
    }
}

/// The words of a page, by name, for the templates.
public enum WebWords {
    public static func words(_ language: Language) -> [String: String] {
        Dictionary(uniqueKeysWithValues: WebWord.allCases.map { ($0.rawValue, $0.text(language)) })
    }
}
