import SimRuntime

/// What a client keeps of one of its rooms: its role, what it received, what its receipts
/// said, and when it last showed the user typing there.
struct ClientRoom: Sendable {
    var role: RoomRole
    var reception: RoomReception
    var markers: ReceiptMarkers
    var lastTyping: SimulationInstant?

    /// A room the client joined at `offset` with `role`.
    init(joinedAt offset: RoomOffset, role: RoomRole) {
        self.role = role
        reception = RoomReception(joinedAt: offset)
        markers = ReceiptMarkers(joinedAfter: offset.sequence)
    }

    /// The room's id.
    var room: Int { reception.room }
}
