/// A room stopped showing a user typing: the indicator expired, or a message ended it.
public struct TypingStopped: TraceEventPayload {
    public static let name = "typing_stopped"
    public static let tag: UInt64 = 12
    public static let meaning = "A room stopped showing a user typing: the indicator expired, or a message ended it."

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

    public var event: TraceEvent { .typingStopped(self) }
}
