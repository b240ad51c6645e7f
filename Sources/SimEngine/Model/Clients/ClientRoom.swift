import SimRuntime

/// What a client keeps of one of its rooms: its role, what it received, what its receipts
/// said, and when it last showed the user typing there.
struct ClientRoom: Sendable {
    var role: RoomRole
    var reception: RoomReception
    var markers: ReceiptMarkers
    var lastTyping: SimulationInstant?
    /// Whether the client asked to leave the room and waits for what it is still owed.
    var isLeaving = false
    /// The client's replica of the room's shared document, if it keeps documents.
    var replica: DocumentReplica?
    /// The other users present in the room, as presence told an admin's client, ascending (kept
    /// for admins only: the members it may act on).
    var present: [Int] = []

    /// A room the client joined at `offset` with `role`.
    init(joinedAt offset: RoomOffset, role: RoomRole) {
        self.role = role
        reception = RoomReception(joinedAt: offset)
        markers = ReceiptMarkers(joinedAfter: offset.sequence)
    }

    /// The room's id.
    var room: Int { reception.room }

    /// Whether the user may post in the room now: its role allows it and it is not leaving.
    var mayPost: Bool { role.canPost && !isLeaving }
}
