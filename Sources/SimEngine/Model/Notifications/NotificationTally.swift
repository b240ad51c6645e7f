public import SimEvents

/// What a notification service did: notifications created, how each delivery ended, and the
/// attempts made per channel.
public struct NotificationTally: Equatable, Sendable {
    /// Deliveries started: one per (notification, recipient).
    public var created = 0
    /// Deliveries that ended delivered, by the channel that succeeded.
    public var deliveredBy: [NotificationChannel: Int] = [:]
    /// Deliveries that ended failed on every channel.
    public var failed = 0
    /// Deliveries never started because the notification could not be stored.
    public var unstored = 0
    /// Attempts made, by channel.
    public var attempts: [NotificationChannel: Int] = [:]
    /// The most attempts any one delivery made on any one channel.
    public var mostAttemptsOnOneChannel = 0

    public init() {}

    /// Deliveries that ended delivered.
    public var delivered: Int { deliveredBy.values.reduce(0, +) }
    /// Deliveries not yet ended.
    public var inFlight: Int { created - delivered - failed }
}
