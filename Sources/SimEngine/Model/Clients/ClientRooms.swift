import SimRuntime

/// A client's rooms in the order it joined them: a small array, cheaper than a dictionary for
/// an idle client in a few rooms. Their ids are kept apart, so that finding a room, on every
/// frame the client receives, reads one short array of integers instead of every room's state.
struct ClientRooms: Sendable {
    private(set) var values: [ClientRoom] = []
    /// The rooms' ids, in the order the client joined them: `values[i].room` is `ids[i]`.
    private(set) var ids: [Int] = []

    /// The position of `room`, if the client is in it.
    func index(of room: Int) -> Int? { ids.firstIndex(of: room) }

    /// The state of `room`, read and changed in place; nil if the client is not in it.
    subscript(room: Int) -> ClientRoom? {
        get { index(of: room).map { values[$0] } }
        set {
            switch (index(of: room), newValue) {
            case (let index?, let state?):
                precondition(state.room == room, "room \(state.room) stored as room \(room)")
                values[index] = state
            case (let index?, nil):
                values.remove(at: index)
                ids.remove(at: index)
            case (nil, let state?):
                precondition(state.room == room, "room \(state.room) stored as room \(room)")
                values.append(state)
                ids.append(room)
            case (nil, nil):
                break
            }
        }
    }

    /// The room at `index`, read or changed in place (reading one field copies nothing else).
    /// Its reception, which names the room, is never replaced in place.
    subscript(at index: Int) -> ClientRoom {
        _read { yield values[index] }
        _modify { yield &values[index] }
    }

    /// Forgets `room`; returns whether the client was in it.
    mutating func remove(_ room: Int) -> Bool {
        guard let index = index(of: room) else { return false }
        values.remove(at: index)
        ids.remove(at: index)
        return true
    }

    /// A room drawn at random, or nil without rooms.
    func random(using random: inout RandomStream) -> Int? {
        ids.isEmpty ? nil : ids[Int(random.next(below: UInt64(ids.count)))]
    }
}
