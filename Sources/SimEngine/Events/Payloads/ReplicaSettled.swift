/// A member's replica of a room's document has applied every edit up to a sequence number and holds no edit of its own still unacknowledged: what its user sees should be the document at that revision.
public struct ReplicaSettled: TraceEventPayload {
    public static let name = "replica_settled"
    public static let tag: UInt64 = 21
    public static let meaning = "A member's replica of a room's document has applied every edit up to a sequence number "
        + "and holds no edit of its own still unacknowledged: what its user sees should be the document at that revision."

    /// The member.
    public var user: Int = .placeholder
    /// The room whose document it is.
    public var room: Int = .placeholder
    /// The last sequence number the replica has applied.
    public var sequence: Int = .placeholder
    /// The replica's length.
    public var length: Int = .placeholder
    /// The replica's digest.
    public var digest: UInt64 = .placeholder

    public init() {}

    public init(user: Int, room: Int, sequence: Int, length: Int, digest: UInt64) {
        self.user = user
        self.room = room
        self.sequence = sequence
        self.length = length
        self.digest = digest
    }

    public mutating func fields<Coder: TraceFieldCoder>(_ coder: inout Coder) {
        coder.field("user", &user, "the member")
        coder.field("room", &room, "the room whose document it is")
        coder.field("sequence", &sequence, "the last sequence number the replica has applied")
        coder.field("length", &length, "the replica's length")
        coder.field("digest", &digest, "the replica's digest")
    }

    public var event: TraceEvent { .replicaSettled(self) }
}
