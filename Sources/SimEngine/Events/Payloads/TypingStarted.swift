/// A room began showing a user typing.
public struct TypingStarted: TraceEventPayload {
    public static let name = "typing_started"
    public static let tag: UInt64 = 10
    public static let meaning = "A room began showing a user typing."

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

    public var event: TraceEvent { .typingStarted(self) }
}
