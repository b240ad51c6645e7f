/// A user joined a room: from now on the room owes them every message it accepts.
public struct MemberJoined: TraceEventPayload {
    public static let name = "member_joined"
    public static let tag: UInt64 = 4
    public static let meaning = "A user joined a room: from now on the room owes them every message it accepts."

    /// The member.
    public var user: Int = .placeholder
    /// The room.
    public var room: Int = .placeholder

    public init() {}

    public init(user: Int, room: Int) {
        self.user = user
        self.room = room
    }

    public mutating func fields<Coder: TraceFieldCoder>(_ coder: inout Coder) {
        coder.field("user", &user, "the member")
        coder.field("room", &room, "the room")
    }

    public var event: TraceEvent { .memberJoined(self) }
}
