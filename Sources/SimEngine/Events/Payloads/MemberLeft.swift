/// A user left a room or was removed from it: from now on the room owes them nothing more.
public struct MemberLeft: TraceEventPayload {
    public static let name = "member_left"
    public static let tag: UInt64 = 6
    public static let meaning = "A user left a room or was removed from it: from now on the room owes them nothing more."

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

    public var event: TraceEvent { .memberLeft(self) }
}
