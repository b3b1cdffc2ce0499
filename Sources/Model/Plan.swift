/// A plan (kế hoạch) and the tasks it assigns.
public struct Plan: Sendable {
    public let id: String
    public let title: String
    public let year: Int
    public let tasks: [PlanTask]
    /// The plan's sections, in order: id ("2.1") and title ("Lĩnh vực kinh tế…"), for reports.
    public let sections: [Section]
    public let source: SourceLocation
    /// Bodies the plan names that the config does not know (`[[unit]]` of an imported plan: "Sở Tài chính"):
    /// their reminders go to the clerk, who follows them up.
    public let units: [Unit]

    public struct Section: Sendable, Hashable {
        public let id: String
        public let title: String

        public init(id: String, title: String) {
            self.id = id
            self.title = title
        }
    }

    public init(
        id: String, title: String, year: Int, tasks: [PlanTask], sections: [Section] = [], source: SourceLocation,
        units: [Unit] = []
    ) {
        self.units = units
        self.id = id
        self.title = title
        self.year = year
        self.tasks = tasks
        self.sections = sections
        self.source = source
    }
}
