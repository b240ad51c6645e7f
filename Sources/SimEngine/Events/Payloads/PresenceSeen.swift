public import SimRuntime

/// A member's client learned that a user came or went in a room.
public struct PresenceSeen: TraceEventPayload {
    public static let name = "presence_seen"
    public static let tag: UInt64 = 14
    public static let meaning = "A member's client learned that a user came or went in a room."

    /// The member told.
    public var observer: Int = .placeholder
    /// The room.
    public var room: Int = .placeholder
    /// The user who came or went.
    public var user: Int = .placeholder
    /// Whether the user came online.
    public var online: Bool = .placeholder
    /// When the change happened.
    public var changedAt: SimulationInstant = .placeholder

    public init() {}

    public init(observer: Int, room: Int, user: Int, online: Bool, changedAt: SimulationInstant) {
        self.observer = observer
        self.room = room
        self.user = user
        self.online = online
        self.changedAt = changedAt
    }

    public mutating func fields<Coder: TraceFieldCoder>(_ coder: inout Coder) {
        coder.field("observer", &observer, "the member told")
        coder.field("room", &room, "the room")
        coder.field("user", &user, "the user who came or went")
        coder.field("online", &online, "whether the user came online")
        coder.field("changed_at", &changedAt, "when the change happened")
    }

    public var event: TraceEvent { .presenceSeen(self) }
}
