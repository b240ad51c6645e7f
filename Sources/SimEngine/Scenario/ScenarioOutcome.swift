/// What a scenario's run produced: how many clients took part and what the checks found.
public struct ScenarioOutcome: Equatable, Sendable {
    /// Synthetic clients that took part.
    public var clients: Int
    /// The delivery checks' findings.
    public var delivery: DeliveryReport

    public init(clients: Int, delivery: DeliveryReport) {
        self.clients = clients
        self.delivery = delivery
    }

    /// Descriptions of every guarantee that was violated; empty when all held.
    public var violations: [String] {
        var found: [String] = []
        if let first = delivery.firstOrderViolation {
            found.append("per-room order: \(delivery.orderViolations) violation(s); first: \(first)")
        }
        if delivery.lost > 0 || delivery.duplicates > 0 {
            found.append("exactly-once delivery: \(delivery.lost) lost and \(delivery.duplicates) duplicated "
                         + "of \(delivery.owed) owed")
        }
        return found
    }

    /// `pass` when every guarantee held.
    public var verdict: Verdict { violations.isEmpty ? .pass : .fail }
}
