/// A user's client was told that a room's messages after `after` up to `up_to` cannot be given to it, and shows the gap: a loss reported, never a silent one.
public struct GapReported: TraceEventPayload {
    public static let name = "gap_reported"
    public static let tag: UInt64 = 5
    public static let meaning = "A user's client was told that a room's messages after `after` up to `up_to` cannot be given to it, and shows the gap: a loss reported, never a silent one."

    /// The recipient.
    public var user: Int = .placeholder
    /// The room.
    public var room: Int = .placeholder
    /// The last sequence number before the gap.
    public var after: Int = .placeholder
    /// The last sequence number in the gap.
    public var upTo: Int = .placeholder

    public init() {}

    public init(user: Int, room: Int, after: Int, upTo: Int) {
        self.user = user
        self.room = room
        self.after = after
        self.upTo = upTo
    }

    public mutating func fields<Coder: TraceFieldCoder>(_ coder: inout Coder) {
        coder.field("user", &user, "the recipient")
        coder.field("room", &room, "the room")
        coder.field("after", &after, "the last sequence number before the gap")
        coder.field("up_to", &upTo, "the last sequence number in the gap")
    }

    public var event: TraceEvent { .gapReported(self) }
}
