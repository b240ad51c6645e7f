/// What one guarantee's checker found over a run.
public struct GuaranteeFinding: Equatable, Sendable {
    /// The guarantee's name in reports, such as `per_room_order`.
    public var name: String
    /// Violations found.
    public var violations: Int
    /// The first violation: the offending events with their clients, rooms, sequence numbers,
    /// virtual times and trace lines.
    public var firstViolation: String?
    /// The trace line of the event that showed the first violation (the file's line when the
    /// run was written with `--trace`; its header is line 1).
    public var firstLine: Int?

    public init(name: String, violations: Int = 0, firstViolation: String? = nil, firstLine: Int? = nil) {
        self.name = name
        self.violations = violations
        self.firstViolation = firstViolation
        self.firstLine = firstLine
    }

    /// Whether the guarantee held.
    public var held: Bool { violations == 0 }

    /// One line that says how the guarantee was violated, or that it held.
    public var summaryLine: String {
        held ? "\(name): held" : "\(name): \(violations) violation(s); first: \(firstViolation ?? "not recorded")"
    }

    /// Counts one violation, keeping the description of the first and the trace line of the
    /// event that showed it.
    public mutating func record(_ description: @autoclosure () -> String, line: Int? = nil) {
        if violations == 0 {
            firstViolation = description() + (line.map { " (trace line \($0))" } ?? "")
            firstLine = line
        }
        violations += 1
    }
}
