/// A user came into a room's reach on its node, or left it.
public struct PresenceChanged: TraceEventPayload {
    public static let name = "presence_changed"
    public static let tag: UInt64 = 13
    public static let meaning = "A user came into a room's reach on its node, or left it."

    /// The room.
    public var room: Int = .placeholder
    /// The user.
    public var user: Int = .placeholder
    /// Whether the user is now online.
    public var online: Bool = .placeholder

    public init() {}

    public init(room: Int, user: Int, online: Bool) {
        self.room = room
        self.user = user
        self.online = online
    }

    public mutating func fields<Coder: TraceFieldCoder>(_ coder: inout Coder) {
        coder.field("room", &room, "the room")
        coder.field("user", &user, "the user")
        coder.field("online", &online, "whether the user is now online")
    }

    public var event: TraceEvent { .presenceChanged(self) }
}
