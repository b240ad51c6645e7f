/// Where a client stands in a room's history: the last sequence it has in the room's epoch.
/// A reconnecting client presents it to recover what it missed.
public struct RoomOffset: Equatable, Sendable {
    /// The room.
    public var room: Int
    /// The room's epoch when the client got `sequence`.
    public var epoch: UInt64
    /// The last sequence the client has, in order.
    public var sequence: Int

    public init(room: Int, epoch: UInt64, sequence: Int) {
        self.room = room
        self.epoch = epoch
        self.sequence = sequence
    }
}
