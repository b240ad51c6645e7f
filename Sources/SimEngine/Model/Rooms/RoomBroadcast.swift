/// A frame for every member of a room (a message, a typing indicator, a presence change) on
/// its way to the gateway nodes that serve the room's members.
public struct RoomBroadcast: Equatable, Sendable {
    /// The room.
    public var room: Int
    /// What every member's connection gets.
    public var frame: ServerFrame

    public init(room: Int, frame: ServerFrame) {
        self.room = room
        self.frame = frame
    }
}
