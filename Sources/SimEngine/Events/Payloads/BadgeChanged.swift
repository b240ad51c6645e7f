/// The unread badge the notification service shows a user changed.
public struct BadgeChanged: TraceEventPayload {
    public static let name = "badge_changed"
    public static let tag: UInt64 = 19
    public static let meaning = "The unread badge the notification service shows a user changed."

    /// The user.
    public var user: Int = .placeholder
    /// The badge now shown.
    public var badge: Int = .placeholder

    public init() {}

    public init(user: Int, badge: Int) {
        self.user = user
        self.badge = badge
    }

    public mutating func fields<Coder: TraceFieldCoder>(_ coder: inout Coder) {
        coder.field("user", &user, "the user")
        coder.field("badge", &badge, "the badge now shown")
    }

    public var event: TraceEvent { .badgeChanged(self) }
}
