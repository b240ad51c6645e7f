import SimSupport

/// A user in a room: the key the checkers keep per-member state by.
///
/// The checkers look a member up for nearly every event, so this is on the hot path of every
/// checked run: kept in ``FlatTable``s, it hashes with one mix of the two ids, the same in every
/// process. Equality compares both fields.
struct RoomMemberKey: Hashable, FlatKey, Sendable {
    var room: Int
    var user: Int

    init(room: Int, user: Int) {
        self.room = room
        self.user = user
    }

    var flatHash: UInt64 { FlatHash.combine(room, user) }
}
