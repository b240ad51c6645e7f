import SimSupport

/// Which of a gateway node's connections receive each room's frames, and whether each user is
/// present in each room through at least one of them: presence is announced when a user's
/// first connection there subscribes and when its last one leaves. A value with no clock or
/// I/O.
///
/// ```swift
/// var rooms = RoomSubscriptions()
/// rooms.subscribe(connection: 1, user: 7, to: 3)     // true: user 7 came into room 3
/// rooms.subscribe(connection: 2, user: 7, to: 3)     // false: already there
/// ```
struct RoomSubscriptions: Sendable {
    private struct RoomMember: FlatKey, Sendable {
        var room: Int
        var user: Int
        var flatHash: UInt64 { FlatHash.combine(room, user) }
    }

    /// Each room's subscribed connections, in the order they subscribed.
    private(set) var subscribers = FlatTable<Int, [Int]>()
    /// Per (room, user): how many of the user's connections are in the room.
    private var present = FlatTable<RoomMember, Int>()

    /// Subscribes `connection` of `user` to `room`; returns whether the user came into the room.
    mutating func subscribe(connection: Int, user: Int, to room: Int) -> Bool {
        subscribers[room, default: []].append(connection)
        let slot = present.insertionIndex(forKey: RoomMember(room: room, user: user), default: 0)
        present[slot: slot] += 1
        return present[slot: slot] == 1
    }

    /// Unsubscribes `connection` of `user` from `room`; returns whether the user left the room.
    mutating func unsubscribe(connection: Int, user: Int, from room: Int) -> Bool {
        if let slot = subscribers.index(forKey: room) {
            subscribers[slot: slot].removeAll { $0 == connection }
            if subscribers[slot: slot].isEmpty { subscribers.removeValue(forKey: room) }
        }
        let member = RoomMember(room: room, user: user)
        let slot = present.insertionIndex(forKey: member, default: 1)
        present[slot: slot] -= 1
        guard present[slot: slot] == 0 else { return false }
        present.removeValue(forKey: member)
        return true
    }
}
