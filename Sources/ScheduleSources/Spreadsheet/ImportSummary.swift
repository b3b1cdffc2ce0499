/// What `import` says of a table beside its plan: the rows read, kept and refused, the columns it did not
/// read, what it filled in, and the bodies the config does not know.
public struct ImportSummary: Sendable, Equatable {
    /// Task rows read (before `--for`).
    public var rowsRead = 0
    /// Task rows kept (after `--for`).
    public var kept = 0
    /// Kept rows with no fixed deadline (a condition: "Khi có phát sinh").
    public var noFixedDeadline = 0
    /// Rows with an error.
    public var refusedRows = 0
    /// Headers as written of the columns not read.
    public var unusedColumns: [String] = []
    /// Columns given their role by their cells: (header as written, role).
    public var byContent: [Pair] = []
    /// Blank cells of a CSV's merged columns given the value above.
    public var filledCells = 0
    /// Rows without a number, given the next.
    public var numberedRows: [Int] = []
    /// Bodies the config does not know, written as the plan's `[[unit]]`.
    public var outsideBodies: [String] = []

    public struct Pair: Sendable, Equatable {
        public let header: String
        public let role: String

        public init(header: String, role: String) {
            self.header = header
            self.role = role
        }
    }

    init() {}

    init(
        rowsRead: Int, kept: Int, noFixedDeadline: Int, refusedRows: Int, unusedColumns: [String],
        byContent: [(String, String)], filledCells: Int, numberedRows: [Int], outsideBodies: [String]
    ) {
        self.rowsRead = rowsRead
        self.kept = kept
        self.noFixedDeadline = noFixedDeadline
        self.refusedRows = refusedRows
        self.unusedColumns = unusedColumns
        self.byContent = byContent.map { Pair(header: $0.0, role: $0.1) }
        self.filledCells = filledCells
        self.numberedRows = numberedRows
        self.outsideBodies = outsideBodies
    }
}
