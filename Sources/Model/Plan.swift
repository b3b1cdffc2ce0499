/// A plan (kế hoạch) and the tasks it assigns.
public struct Plan: Sendable {
    public let id: String
    public let title: String
    public let year: Int
    public let tasks: [PlanTask]
    public let source: SourceLocation

    public init(id: String, title: String, year: Int, tasks: [PlanTask], source: SourceLocation) {
        self.id = id
        self.title = title
        self.year = year
        self.tasks = tasks
        self.source = source
    }
}
