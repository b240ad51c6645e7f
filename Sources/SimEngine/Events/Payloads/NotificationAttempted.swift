/// The notification service made an attempt to deliver a notification to a user over a channel.
public struct NotificationAttempted: TraceEventPayload {
    public static let name = "notification_attempted"
    public static let tag: UInt64 = 16
    public static let meaning = "The notification service made an attempt to deliver a notification to a user over a channel."

    /// The notification.
    public var id: UInt64 = .placeholder
    /// The recipient.
    public var user: Int = .placeholder
    /// The channel tried.
    public var channel: NotificationChannel = .placeholder
    /// The attempt on this channel, from 1.
    public var attempt: Int = .placeholder

    public init() {}

    public init(id: UInt64, user: Int, channel: NotificationChannel, attempt: Int) {
        self.id = id
        self.user = user
        self.channel = channel
        self.attempt = attempt
    }

    public mutating func fields<Coder: TraceFieldCoder>(_ coder: inout Coder) {
        coder.field("id", &id, "the notification")
        coder.field("user", &user, "the recipient")
        coder.field("channel", &channel, "the channel tried")
        coder.field("attempt", &attempt, "the attempt on this channel, from 1")
    }

    public var event: TraceEvent { .notificationAttempted(self) }
}
