/// Everything the planner needs from the sources: who, what, by when, what is done, and the rules.
public struct Schedule: Sendable {
    public let directory: Directory
    public let plans: [Plan]
    public let policy: ReminderPolicy
    /// Completions written in the plans; the service adds those recorded with `done`.
    public let completions: [CompletionKey: Completion]
    /// What the plans say that was read but deserves a look (a deadline outside its plan's year): `check`
    /// says it; nothing is refused for it.
    public let warnings: [Diagnostic]

    public init(
        directory: Directory, plans: [Plan], policy: ReminderPolicy, completions: [CompletionKey: Completion],
        warnings: [Diagnostic] = []
    ) {
        self.warnings = warnings
        self.directory = directory
        self.plans = plans
        self.policy = policy
        self.completions = completions
    }

    public var tasks: [PlanTask] { plans.flatMap(\.tasks) }
}
