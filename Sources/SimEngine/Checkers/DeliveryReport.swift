/// What the delivery checks found over a run's events.
public struct DeliveryReport: Equatable, Sendable {
    /// Messages clients sent.
    public var sent = 0
    /// Messages rooms accepted.
    public var accepted = 0
    /// Deliveries clients received.
    public var delivered = 0
    /// Deliveries owed: every member is owed every message its room accepted after it joined.
    public var owed = 0
    /// Owed deliveries never made and never reported: silent loss.
    public var lost = 0
    /// Owed deliveries the client was told it cannot have (recovery refused): reported loss.
    public var reportedLost = 0
    /// Owed deliveries not made yet of messages accepted within the delivery grace before the
    /// end: still on their way, neither lost nor delivered.
    public var inFlight = 0
    /// Deliveries made more often than owed.
    public var duplicates = 0
    /// Deliveries out of their room's order (a gap or a step back).
    public var orderViolations = 0
    /// The first order violation, with ids and virtual time.
    public var firstOrderViolation: String?

    public init() {}
}
