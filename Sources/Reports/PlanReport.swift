import Model
import Planner
import WorkingCalendar

/// The clerk's periodic report (plan section IV.6): the tasks of a period by section and by lead
/// official, by status, with the completion rate, what is overdue and by how many working days, what
/// was carried over, the report tasks with their data periods, and the deliveries that failed.
public struct PlanReport: Sendable {
    /// One task occurrence in the report.
    public struct Row: Sendable {
        public let task: String
        public let occurrence: CivilDate?
        public let title: String
        public let section: String?
        public let lead: String?
        public let leadName: String?
        public let responsible: [String]
        public let deadline: CivilDate?
        public let nominalDeadline: CivilDate?
        public let status: TaskStatus
        /// Working days past the effective deadline at the report date, for overdue tasks.
        public let workingDaysLate: Int?
        public let completedOn: CivilDate?
        public let carriedOverFrom: Int?
        public let dataPeriod: ClosedRange<CivilDate>?
        public let focus: Bool
        public let target: String?
    }

    /// Counts by status, and the rates as the government's task tracking counts them: of the tasks that
    /// have come due (or been completed) by the report date, how many are completed, and how many on
    /// time. Tasks not yet due (chưa đến hạn, trong hạn) and ongoing ones stay out of both.
    public struct Tally: Sendable, Equatable {
        public var doneOnTime = 0
        public var doneLate = 0
        public var inProgress = 0
        public var overdue = 0
        public var ongoing = 0
        /// Chưa có thời hạn cụ thể: listed, never in the rates.
        public var noFixedDeadline = 0

        public var total: Int { doneOnTime + doneLate + inProgress + overdue + ongoing + noFixedDeadline }
        /// Completed on time or late, or overdue: the tasks the rates count.
        public var cameDue: Int { doneOnTime + doneLate + overdue }
        /// Completed (on time or late) over those that came due; nil when none has.
        public var completionRate: Double? {
            cameDue == 0 ? nil : Double(doneOnTime + doneLate) / Double(cameDue)
        }
        /// Completed on time over those that came due.
        public var onTimeRate: Double? { cameDue == 0 ? nil : Double(doneOnTime) / Double(cameDue) }

        mutating func add(_ status: TaskStatus) {
            switch status {
            case .doneOnTime: doneOnTime += 1
            case .doneLate: doneLate += 1
            case .inProgress: inProgress += 1
            case .overdue: overdue += 1
            case .ongoing: ongoing += 1
            case .noFixedDeadline: noFixedDeadline += 1
            }
        }
    }

    public struct Group: Sendable {
        public let id: String
        public let title: String
        public let tally: Tally
    }

    /// A delivery that failed for good in the period.
    public struct FailedDelivery: Sendable {
        public let digest: String
        public let destination: String
        public let answer: String

        public init(digest: String, destination: String, answer: String) {
            self.digest = digest
            self.destination = destination
            self.answer = answer
        }
    }

    public let title: String
    public let period: Period
    /// Statuses are judged at the end of this day: the period's last day, or today if it is earlier.
    public let asOf: CivilDate
    public let rows: [Row]
    public let bySection: [Group]
    public let byLead: [Group]
    public let total: Tally
    public let failures: [FailedDelivery]

    public var overdue: [Row] {
        rows.filter { $0.status == .overdue }.sorted { ($0.workingDaysLate ?? 0) > ($1.workingDaysLate ?? 0) }
    }
    public var carriedOver: [Row] { rows.filter { $0.carriedOverFrom != nil } }
    public var reportTasks: [Row] { rows.filter { $0.dataPeriod != nil } }
}
