/// A notification was created for a user: it is unread and its delivery begins.
public struct NotificationCreated: TraceEventPayload {
    public static let name = "notification_created"
    public static let tag: UInt64 = 15
    public static let meaning = "A notification was created for a user: it is unread and its delivery begins."

    /// The notification.
    public var id: UInt64 = .placeholder
    /// The recipient.
    public var user: Int = .placeholder

    public init() {}

    public init(id: UInt64, user: Int) {
        self.id = id
        self.user = user
    }

    public mutating func fields<Coder: TraceFieldCoder>(_ coder: inout Coder) {
        coder.field("id", &id, "the notification")
        coder.field("user", &user, "the recipient")
    }

    public var event: TraceEvent { .notificationCreated(self) }
}
