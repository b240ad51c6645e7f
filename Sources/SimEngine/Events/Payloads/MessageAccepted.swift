/// A room accepted a message and gave it the room's next sequence number.
public struct MessageAccepted: TraceEventPayload {
    public static let name = "message_accepted"
    public static let tag: UInt64 = 2
    public static let meaning = "A room accepted a message and gave it the room's next sequence number."

    /// The room.
    public var room: Int = .placeholder
    /// The sequence number, from 1, gap-free.
    public var sequence: Int = .placeholder
    /// The sender.
    public var user: Int = .placeholder
    /// The sender's client message id.
    public var clientMessage: UInt64 = .placeholder

    public init() {}

    public init(room: Int, sequence: Int, user: Int, clientMessage: UInt64) {
        self.room = room
        self.sequence = sequence
        self.user = user
        self.clientMessage = clientMessage
    }

    public mutating func fields<Coder: TraceFieldCoder>(_ coder: inout Coder) {
        coder.field("room", &room, "the room")
        coder.field("seq", &sequence, "the sequence number, from 1, gap-free")
        coder.field("user", &user, "the sender")
        coder.field("client_message", &clientMessage, "the sender's client message id")
    }

    public var event: TraceEvent { .messageAccepted(self) }
}
