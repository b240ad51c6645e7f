/// A user's client received a room's message and showed it.
public struct MessageDelivered: TraceEventPayload {
    public static let name = "message_delivered"
    public static let tag: UInt64 = 3
    public static let meaning = "A user's client received a room's message and showed it."

    /// The recipient.
    public var user: Int = .placeholder
    /// The room.
    public var room: Int = .placeholder
    /// The message's sequence number.
    public var sequence: Int = .placeholder

    public init() {}

    public init(user: Int, room: Int, sequence: Int) {
        self.user = user
        self.room = room
        self.sequence = sequence
    }

    public mutating func fields<Coder: TraceFieldCoder>(_ coder: inout Coder) {
        coder.field("user", &user, "the recipient")
        coder.field("room", &room, "the room")
        coder.field("seq", &sequence, "the message's sequence number")
    }

    public var event: TraceEvent { .messageDelivered(self) }
}
