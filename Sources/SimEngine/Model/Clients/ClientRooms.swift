import SimRuntime

/// A client's rooms in the order it joined them: a small array, cheaper than a dictionary for
/// an idle client in a few rooms.
struct ClientRooms: Sendable {
    private(set) var values: [ClientRoom] = []

    /// The position of `room`, if the client is in it.
    func index(of room: Int) -> Int? { values.firstIndex { $0.room == room } }

    /// The rooms' ids, in the order the client joined them.
    var ids: [Int] { values.map(\.room) }

    /// The state of `room`, read and changed in place; nil if the client is not in it.
    subscript(room: Int) -> ClientRoom? {
        get { index(of: room).map { values[$0] } }
        set {
            switch (index(of: room), newValue) {
            case (let index?, let state?): values[index] = state
            case (let index?, nil): values.remove(at: index)
            case (nil, let state?): values.append(state)
            case (nil, nil): break
            }
        }
    }

    /// The room at `index`, read or changed in place (reading one field copies nothing else).
    subscript(at index: Int) -> ClientRoom {
        _read { yield values[index] }
        _modify { yield &values[index] }
    }

    /// Forgets `room`; returns whether the client was in it.
    mutating func remove(_ room: Int) -> Bool {
        guard let index = index(of: room) else { return false }
        values.remove(at: index)
        return true
    }

    /// A room drawn at random, or nil without rooms.
    func random(using random: inout RandomStream) -> Int? {
        values.isEmpty ? nil : values[Int(random.next(below: UInt64(values.count)))].room
    }
}
