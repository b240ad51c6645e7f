/// The delivery of a notification to a user ended: delivered over a channel, or failed on every channel.
public struct NotificationEnded: TraceEventPayload {
    public static let name = "notification_ended"
    public static let tag: UInt64 = 17
    public static let meaning = "The delivery of a notification to a user ended: delivered over a channel, or failed on every channel."

    /// The notification.
    public var id: UInt64 = .placeholder
    /// The recipient.
    public var user: Int = .placeholder
    /// Whether a channel delivered it.
    public var delivered: Bool = .placeholder
    /// The channel that delivered it; none when it failed.
    public var channel: NotificationChannel? = .placeholder

    public init() {}

    public init(id: UInt64, user: Int, delivered: Bool, channel: NotificationChannel?) {
        self.id = id
        self.user = user
        self.delivered = delivered
        self.channel = channel
    }

    public mutating func fields<Coder: TraceFieldCoder>(_ coder: inout Coder) {
        coder.field("id", &id, "the notification")
        coder.field("user", &user, "the recipient")
        coder.field("delivered", &delivered, "whether a channel delivered it")
        coder.field("channel", &channel, "the channel that delivered it; none when it failed")
    }

    public var event: TraceEvent { .notificationEnded(self) }
}
