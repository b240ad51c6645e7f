public import SimRuntime

/// A user read a notification, one at a time or with a mark-all.
public struct NotificationRead: TraceEventPayload {
    public static let name = "notification_read"
    public static let tag: UInt64 = 18
    public static let meaning = "A user read a notification, one at a time or with a mark-all."

    /// The notification.
    public var id: UInt64 = .placeholder
    /// The reader.
    public var user: Int = .placeholder
    /// The cutoff of the mark-all that read it; none when read on its own.
    public var cutoff: SimulationInstant? = .placeholder

    public init() {}

    public init(id: UInt64, user: Int, cutoff: SimulationInstant?) {
        self.id = id
        self.user = user
        self.cutoff = cutoff
    }

    public mutating func fields<Coder: TraceFieldCoder>(_ coder: inout Coder) {
        coder.field("id", &id, "the notification")
        coder.field("user", &user, "the reader")
        coder.field("cutoff", &cutoff, "the cutoff of the mark-all that read it; none when read on its own")
    }

    public var event: TraceEvent { .notificationRead(self) }
}
