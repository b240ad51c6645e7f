/// A user in a room: the key the checkers keep per-member state by.
///
/// Hashed as one packed word, about half the work of hashing two: the checkers look a member
/// up for nearly every event, so this is on the hot path of every checked run. Equality still
/// compares both fields, so ids beyond 32 bits only share buckets, never state.
struct RoomMemberKey: Hashable, Sendable {
    var room: Int
    var user: Int

    init(room: Int, user: Int) {
        self.room = room
        self.user = user
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(UInt64(truncatingIfNeeded: room) << 32 ^ UInt64(truncatingIfNeeded: user))
    }
}
