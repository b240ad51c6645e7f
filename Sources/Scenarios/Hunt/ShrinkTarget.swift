public import SimReports

/// What a shrink keeps failing: one guarantee, or one threshold as written.
public enum ShrinkTarget: Equatable, Sendable, CustomStringConvertible {
    case guarantee(String)
    case threshold(String)

    /// The target a failure group's label names: `guarantee.NAME` or `threshold.TEXT`.
    public init?(label: String) {
        if label.hasPrefix("guarantee.") {
            self = .guarantee(String(label.dropFirst("guarantee.".count)))
        } else if label.hasPrefix("threshold.") {
            self = .threshold(String(label.dropFirst("threshold.".count)))
        } else {
            return nil
        }
    }

    /// The first failure of `summary`, guarantees before thresholds; nil for a run that passed.
    public init?(firstFailureOf summary: RunSummary) {
        if let invariant = summary.invariants.first(where: { $0.status == .fail }) {
            self = .guarantee(invariant.name)
        } else if let threshold = summary.thresholds.first(where: { !$0.passed }) {
            self = .threshold(threshold.condition)
        } else {
            return nil
        }
    }

    /// Whether the run `summary` describes fails this way.
    public func isFailed(by summary: RunSummary) -> Bool {
        switch self {
        case .guarantee(let name): summary.invariants.contains { $0.name == name && $0.status == .fail }
        case .threshold(let condition): summary.thresholds.contains { $0.condition == condition && !$0.passed }
        }
    }

    /// Whether the target is a guarantee (a threshold otherwise).
    public var isGuarantee: Bool {
        if case .guarantee = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .guarantee(let name): "guarantee \(name)"
        case .threshold(let condition): "threshold \(condition)"
        }
    }
}
