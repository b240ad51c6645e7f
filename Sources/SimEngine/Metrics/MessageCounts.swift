/// What became of a run's messages: how many were sent, accepted and delivered, and how many
/// deliveries were owed and what became of those not made. Thresholds gate on them
/// (`messages.lost==0`), and reports print them beside the latencies.
public struct MessageCounts: Codable, Equatable, Sendable {
    public var sent: Int
    public var accepted: Int
    public var delivered: Int
    /// Deliveries owed: one per accepted message and member it was owed to.
    public var expectedDeliveries: Int
    /// Owed deliveries that never happened and were never reported: silent loss.
    public var lost: Int
    /// Owed deliveries the client was told it cannot have, and showed as a gap.
    public var reportedLost: Int
    /// Owed deliveries of messages accepted within the delivery grace before the end, not
    /// made yet: still on their way.
    public var inFlight: Int
    public var duplicates: Int

    public init(sent: Int = 0, accepted: Int = 0, delivered: Int = 0, expectedDeliveries: Int = 0, lost: Int = 0,
                reportedLost: Int = 0, inFlight: Int = 0, duplicates: Int = 0) {
        self.sent = sent
        self.accepted = accepted
        self.delivered = delivered
        self.expectedDeliveries = expectedDeliveries
        self.lost = lost
        self.reportedLost = reportedLost
        self.inFlight = inFlight
        self.duplicates = duplicates
    }

    /// The counts a threshold may name, as `messages.NAME`, in the order reports list them;
    /// the names are `summary.json`'s keys.
    public static let names = ["sent", "accepted", "delivered", "expected_deliveries", "lost", "reported_lost",
                               "in_flight", "duplicates"]

    /// The count that `name` (one of ``names``) names, or nil.
    public func count(named name: String) -> Int? {
        switch name {
        case "sent": sent
        case "accepted": accepted
        case "delivered": delivered
        case "expected_deliveries": expectedDeliveries
        case "lost": lost
        case "reported_lost": reportedLost
        case "in_flight": inFlight
        case "duplicates": duplicates
        default: nil
        }
    }

    /// Both runs' counts added up.
    public static func + (lhs: MessageCounts, rhs: MessageCounts) -> MessageCounts {
        MessageCounts(sent: lhs.sent + rhs.sent, accepted: lhs.accepted + rhs.accepted, delivered: lhs.delivered + rhs.delivered,
                      expectedDeliveries: lhs.expectedDeliveries + rhs.expectedDeliveries, lost: lhs.lost + rhs.lost,
                      reportedLost: lhs.reportedLost + rhs.reportedLost, inFlight: lhs.inFlight + rhs.inFlight,
                      duplicates: lhs.duplicates + rhs.duplicates)
    }
}
