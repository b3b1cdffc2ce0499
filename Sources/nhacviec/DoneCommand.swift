import App
import ArgumentParser
import Catalogue
import Foundation
import Model
import Planner
import ScheduleSources
import WorkingCalendar

/// `nhacviec done` and `reopen`: completions recorded in the audit log, with who and when.
struct DoneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done", abstract: "Record that a task (or one occurrence of a recurring task) is completed.")

    @OptionGroup var target: TaskOccurrenceOptions

    @Option(help: "The day it was completed (default today).")
    var on: String?

    @Option(help: "A note kept with the completion.")
    var note: String?

    @OptionGroup var config: ConfigOptions

    func run() async throws {
        let office = try config.office(state: .existing)
        let language = office.language
        let found = try CompletionTarget.find(target.task, occurrence: target.occurrence, in: office)
        let today = office.today()
        let day = try on.map { try CommandFailure.date($0, option: "--on", language: language) } ?? today
        guard day <= today else {
            throw CommandFailure(.doneInTheFuture(day: day.vietnamese, today: today.vietnamese), in: language)
        }
        guard day.year >= found.planYear else {
            throw CommandFailure(.doneBeforePlanYear(day: day.vietnamese, year: found.planYear), in: language)
        }
        if let recorded = found.completion, recorded.date == day {
            print(CommandMessage.alreadyDone(label: found.label, day: day.vietnamese).text(language))
            return
        }
        try await CompletionTarget.record(found, completedOn: day, note: note, office: office)
        print(
            CommandMessage.done(
                label: found.label, day: day.vietnamese, deadline: found.deadline?.vietnamese,
                late: found.deadline.map { $0 < day } ?? false, replaced: found.completion?.date.vietnamese
            ).text(language))
        // Recorded (a task finished late, after its year, is real), but said: the year may be a typo. A
        // carried-over occurrence due in that later year is not late for it.
        if day.year > found.planYear, found.deadline.map({ $0.year < day.year }) ?? true {
            printError(
                "nhacviec: "
                    + CommandMessage.warning(.doneAfterPlanYear(day: day.vietnamese, year: found.planYear)).text(
                        language))
        }
    }
}

struct ReopenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen", abstract: "Reopen a completed task; its reminders are armed again.")

    @OptionGroup var target: TaskOccurrenceOptions

    @OptionGroup var config: ConfigOptions

    func run() async throws {
        let office = try config.office(state: .existing)
        let found = try CompletionTarget.find(target.task, occurrence: target.occurrence, in: office)
        guard let recorded = found.completion else {
            throw CommandFailure(.nothingToReopen(label: found.label), in: office.language)
        }
        try await CompletionTarget.record(found, completedOn: nil, note: nil, office: office)
        print(CommandMessage.reopened(label: found.label, was: recorded.date.vietnamese).text(office.language))
    }
}

/// The task, and the occurrence of a recurring one, that `done` and `reopen` name.
struct TaskOccurrenceOptions: ParsableArguments {
    @Argument(help: "The task id.")
    var task: String

    @Option(help: "For a recurring or carried-over task: the occurrence's deadline as the plan states it.")
    var occurrence: String?
}

/// The task occurrence a `done` or `reopen` names, checked against the schedule.
struct CompletionTarget {
    let task: TaskID
    let occurrence: CivilDate?
    let deadline: CivilDate?
    /// The completion recorded now, by the plan or the audit log.
    let completion: Completion?
    let planYear: Int

    /// "2.1.4", or "BC.THANG @2024-03-18" for an occurrence.
    var label: String { task + (occurrence.map { " @\($0.iso)" } ?? "") }

    static func find(_ task: TaskID, occurrence text: String?, in office: Office) throws -> CompletionTarget {
        let language = office.language
        let occurrences = office.planner.occurrences.filter { $0.task.id == task }
        guard let first = occurrences.first else {
            let ids = office.schedule.tasks.map(\.id)
            throw CommandFailure(
                .noSuchTask(task, suggestion: VietnameseText.closest(to: task, among: ids)), in: language)
        }
        let dates = occurrences.prefix(3).compactMap { $0.key?.vietnamese }
        guard case .recurring = first.task.deadline else {
            // A one-off task is completed as a whole, its carry-over included.
            if let text {
                let date = try CommandFailure.date(text, option: "--occurrence", language: language)
                guard occurrences.contains(where: { $0.key == date }) else {
                    throw CommandFailure(
                        .noSuchOccurrence(task: task, date: date.vietnamese, occurrences: dates), in: language)
                }
            }
            return CompletionTarget(
                task: task, occurrence: nil, deadline: occurrences.last?.deadline, completion: first.completion,
                planYear: first.task.planYear)
        }
        guard let text else {
            let open = occurrences.filter { $0.completion == nil }.prefix(4).compactMap { $0.key?.iso }
            throw CommandFailure(.recursWhichOccurrence(task: task, open: open), in: language)
        }
        let date = try CommandFailure.date(text, option: "--occurrence", language: language)
        guard let match = occurrences.first(where: { $0.key == date }) else {
            throw CommandFailure(
                .noSuchOccurrence(task: task, date: date.vietnamese, occurrences: dates), in: language)
        }
        return CompletionTarget(
            task: task, occurrence: date, deadline: match.deadline, completion: match.completion,
            planYear: match.task.planYear)
    }

    /// Recorded through the workspace, as the pages record, by the user who ran the command.
    static func record(_ target: CompletionTarget, completedOn: CivilDate?, note: String?, office: Office) async throws
    {
        let environment = ProcessInfo.processInfo.environment
        let user = environment["SUDO_USER"] ?? environment["USER"] ?? environment["LOGNAME"] ?? "uid \(getuid())"
        do {
            try await Workspace(office: office).record(
                task: target.task, occurrence: target.occurrence, completedOn: completedOn, note: note,
                commandLineUser: user)
        } catch {
            throw CommandFailure(.cannotRecord(reason: error.message), in: office.language)
        }
    }
}
