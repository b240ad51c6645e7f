/// A user typed again while shown typing: the indicator lasts longer.
public struct TypingRenewed: TraceEventPayload {
    public static let name = "typing_renewed"
    public static let tag: UInt64 = 11
    public static let meaning = "A user typed again while shown typing: the indicator lasts longer."

    /// The room.
    public var room: Int = .placeholder
    /// The typist.
    public var user: Int = .placeholder

    public init() {}

    public init(room: Int, user: Int) {
        self.room = room
        self.user = user
    }

    public mutating func fields<Coder: TraceFieldCoder>(_ coder: inout Coder) {
        coder.field("room", &room, "the room")
        coder.field("user", &user, "the typist")
    }

    public var event: TraceEvent { .typingRenewed(self) }
}
