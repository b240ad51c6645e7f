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
    private struct RoomMember: Hashable, Sendable {
        var room: Int
        var user: Int
    }

    /// Each room's subscribed connections, in the order they subscribed.
    private(set) var subscribers: [Int: [Int]] = [:]
    /// Per (room, user): how many of the user's connections are in the room.
    private var present: [RoomMember: Int] = [:]

    /// Subscribes `connection` of `user` to `room`; returns whether the user came into the room.
    mutating func subscribe(connection: Int, user: Int, to room: Int) -> Bool {
        subscribers[room, default: []].append(connection)
        let member = RoomMember(room: room, user: user)
        present[member, default: 0] += 1
        return present[member] == 1
    }

    /// Unsubscribes `connection` of `user` from `room`; returns whether the user left the room.
    mutating func unsubscribe(connection: Int, user: Int, from room: Int) -> Bool {
        subscribers[room]?.removeAll { $0 == connection }
        if subscribers[room]?.isEmpty == true { subscribers[room] = nil }
        let member = RoomMember(room: room, user: user)
        present[member, default: 1] -= 1
        guard present[member] == 0 else { return false }
        present[member] = nil
        return true
    }
}
