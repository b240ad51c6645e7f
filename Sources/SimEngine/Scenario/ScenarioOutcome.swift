/// What a scenario's run produced: counts, the checks' findings and the verdict.
public struct ScenarioOutcome: Equatable, Sendable {
    /// Synthetic clients that took part.
    public var clients: Int
    /// Messages accepted by rooms.
    public var accepted: Int
    /// Deliveries the system owed its clients.
    public var expectedDeliveries: Int
    /// What the clients saw.
    public var tally: DeliveryTally

    public init(clients: Int, accepted: Int, expectedDeliveries: Int, tally: DeliveryTally) {
        self.clients = clients
        self.accepted = accepted
        self.expectedDeliveries = expectedDeliveries
        self.tally = tally
    }

    /// Deliveries owed but never made.
    public var lostDeliveries: Int { Swift.max(0, expectedDeliveries - tally.delivered) }

    /// Descriptions of every guarantee that was violated; empty when all held.
    public var violations: [String] {
        var found: [String] = []
        if let first = tally.firstOrderViolation {
            found.append("per-room order: \(tally.orderViolations) violation(s); first: \(first)")
        }
        if tally.delivered != expectedDeliveries {
            found.append("exactly-once delivery: \(tally.delivered) deliveries made, \(expectedDeliveries) owed")
        }
        return found
    }

    /// `pass` when every guarantee held.
    public var verdict: Verdict { violations.isEmpty ? .pass : .fail }
}
