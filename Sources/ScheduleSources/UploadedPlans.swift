import Model

/// The plan versions the clerk applied in the workspace (*Kế hoạch*), as files in the state folder: read
/// in place of the files the config lists, and the plans added there read besides them.
public struct UploadedPlans: Sendable, Equatable {
    /// The path the config lists a plan at, to the file of the version that replaces it.
    public var replacing: [String: String]
    /// Plans added in the workspace, not listed in the config.
    public var added: [PlanSource]

    public init(replacing: [String: String] = [:], added: [PlanSource] = []) {
        self.replacing = replacing
        self.added = added
    }
}
