/// A user's client sent a message to a room (its first attempt; retries are not events).
public struct MessageSent: TraceEventPayload {
    public static let name = "message_sent"
    public static let tag: UInt64 = 1
    public static let meaning = "A user's client sent a message to a room (its first attempt; retries are not events)."

    /// The sender.
    public var user: Int = .placeholder
    /// The room.
    public var room: Int = .placeholder
    /// The client's id for the message, the same on every retry.
    public var clientMessage: UInt64 = .placeholder

    public init() {}

    public init(user: Int, room: Int, clientMessage: UInt64) {
        self.user = user
        self.room = room
        self.clientMessage = clientMessage
    }

    public mutating func fields<Coder: TraceFieldCoder>(_ coder: inout Coder) {
        coder.field("user", &user, "the sender")
        coder.field("room", &room, "the room")
        coder.field("client_message", &clientMessage, "the client's id for the message, the same on every retry")
    }

    public var event: TraceEvent { .messageSent(self) }
}
