/// A room's accepted message on its way to the gateway nodes that serve the room's members.
public struct RoomBroadcast: Equatable, Sendable {
    /// The room.
    public var room: Int
    /// The message with its sequence.
    public var message: RoomMessage

    public init(room: Int, message: RoomMessage) {
        self.room = room
        self.message = message
    }
}
