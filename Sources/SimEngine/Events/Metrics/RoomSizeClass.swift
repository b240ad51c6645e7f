/// A room's size as latency is split by it: up to 20 members, up to 200, or more.
public enum RoomSizeClass: String, CaseIterable, Hashable, Sendable {
    case small, medium, large

    /// The class of a room of `members`.
    public init(members: Int) {
        self = members <= 20 ? .small : members <= 200 ? .medium : .large
    }
}
