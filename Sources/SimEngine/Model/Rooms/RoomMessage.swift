public import SimEvents
public import SimRuntime

/// A message as a room stores it: its place in the room's order and what it carries.
public struct RoomMessage: Equatable, Sendable {
    /// The room's gap-free sequence number, from 1.
    public var sequence: Int
    /// The user who sent it.
    public var sender: Int
    /// The sender's id for it, used to drop duplicates of retried sends.
    public var clientMessage: UInt64
    /// When the sender meant to send it: latency is measured from here, so time a client
    /// spends waiting on a saturated system is never hidden.
    public var sentAt: SimulationInstant
    /// When the room accepted it.
    public var acceptedAt: SimulationInstant
    /// Its size on the wire.
    public var bytes: Int
    /// The room's members when it was accepted, for latency by room size.
    public var roomSize: Int
    /// The edit it carries to the room's shared document, as the room applied it; nil for a
    /// chat message.
    public var edit: DocumentEdit?

    public init(sequence: Int, sender: Int, clientMessage: UInt64, sentAt: SimulationInstant? = nil,
                acceptedAt: SimulationInstant, bytes: Int, roomSize: Int = 0, edit: DocumentEdit? = nil) {
        self.roomSize = roomSize
        self.edit = edit
        self.sentAt = sentAt ?? acceptedAt
        self.sequence = sequence
        self.sender = sender
        self.clientMessage = clientMessage
        self.acceptedAt = acceptedAt
        self.bytes = bytes
    }
}
