/// Counts of messages sent and received, delivery latency, and order violations, as one
/// client saw them; tallies of many clients merge into the run's totals.
public struct DeliveryTally: Equatable, Sendable {
    /// Messages the client sent and saw accepted.
    public var sent = 0
    /// Messages the client received.
    public var delivered = 0
    /// Messages received out of per-room order.
    public var orderViolations = 0
    /// The first order violation, described with ids and virtual time.
    public var firstOrderViolation: String?
    /// The sum of delivery latencies, from the intended send time, in nanoseconds.
    public var latencySumNanoseconds: Int64 = 0
    /// The largest delivery latency, in nanoseconds.
    public var latencyMaxNanoseconds: Int64 = 0

    public init() {}

    mutating func recordDelivery(latencyNanoseconds: Int64) {
        delivered += 1
        latencySumNanoseconds &+= latencyNanoseconds
        latencyMaxNanoseconds = Swift.max(latencyMaxNanoseconds, latencyNanoseconds)
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
        latencySumNanoseconds &+= other.latencySumNanoseconds
        latencyMaxNanoseconds = Swift.max(latencyMaxNanoseconds, other.latencyMaxNanoseconds)
    }

    /// The mean delivery latency in seconds, or zero without deliveries.
    public var meanLatencySeconds: Double {
        delivered == 0 ? 0 : Double(latencySumNanoseconds) / Double(delivered) / 1e9
    }
}
