/// What one guarantee's checker found over a run.
public struct GuaranteeFinding: Equatable, Sendable {
    /// The guarantee's name in reports, such as `per_room_order`.
    public var name: String
    /// Violations found.
    public var violations: Int
    /// The first violation: the offending events with their ids, virtual times and actors.
    public var firstViolation: String?

    public init(name: String, violations: Int = 0, firstViolation: String? = nil) {
        self.name = name
        self.violations = violations
        self.firstViolation = firstViolation
    }

    /// Whether the guarantee held.
    public var held: Bool { violations == 0 }

    /// One line that says how the guarantee was violated, or that it held.
    public var summaryLine: String {
        held ? "\(name): held" : "\(name): \(violations) violation(s); first: \(firstViolation ?? "not recorded")"
    }

    /// Counts one violation, keeping the description of the first.
    public mutating func record(_ description: @autoclosure () -> String) {
        if violations == 0 { firstViolation = description() }
        violations += 1
    }
}
