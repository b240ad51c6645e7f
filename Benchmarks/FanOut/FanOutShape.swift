/// The size of a fan-out run: rooms, members per room, and messages posted into each room.
struct FanOutShape: Sendable {
    var rooms = 10
    var membersPerRoom = 100
    var messagesPerRoom = 1_000

    /// Deliveries one run makes.
    var deliveries: Int { rooms * membersPerRoom * messagesPerRoom }
}
