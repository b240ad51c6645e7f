/// One page of a room's history, oldest first.
public struct HistoryPage: Equatable, Sendable {
    /// The messages of the page, in sequence order.
    public var messages: [RoomMessage]
    /// The cursor of the next (older) page, or nil when this page reaches the oldest message kept.
    public var olderCursor: Int?
}
