/// Counts of messages sent and received and order violations, as one client saw them; tallies
/// of many clients merge into the run's totals.
public struct DeliveryTally: Equatable, Sendable {
    /// Messages the client sent and saw accepted.
    public var sent = 0
    /// Messages the client received.
    public var delivered = 0
    /// Messages received out of per-room order.
    public var orderViolations = 0
    /// The first order violation, described with ids and virtual time.
    public var firstOrderViolation: String?

    public init() {}

    mutating func recordDelivery() {
        delivered += 1
    }

    mutating func recordOrderViolation(_ description: String) {
        orderViolations += 1
        if firstOrderViolation == nil { firstOrderViolation = description }
    }

    /// Adds `other`'s counts to this tally; the first violation of `self` wins.
    public mutating func merge(_ other: DeliveryTally) {
        sent += other.sent
        delivered += other.delivered
        orderViolations += other.orderViolations
        if firstOrderViolation == nil { firstOrderViolation = other.firstOrderViolation }
    }
}
