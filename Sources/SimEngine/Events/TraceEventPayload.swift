/// The data of one kind of trace event, and its one definition: its name, its tag in the trace
/// hash, what it means, and its fields in order.
///
/// ```swift
/// public struct MemberJoined: TraceEventPayload {
///     public static let name = "member_joined"
///     public static let tag: UInt64 = 4
///     public static let meaning = "A user joined a room: from now on the room owes them its messages."
///     public var user = 0
///     public var room = 0
///     public mutating func fields(_ coder: inout some TraceFieldCoder) {
///         coder.field("user", &user, "the member")
///         coder.field("room", &room, "the room")
///     }
///     public var event: TraceEvent { .memberJoined(self) }
/// }
/// ```
public protocol TraceEventPayload: Sendable, Equatable {
    /// The event's name in trace lines, such as `message_delivered`.
    static var name: String { get }
    /// The event's tag in the trace hash; never reuse a retired number.
    static var tag: UInt64 { get }
    /// What the event means, for the trace's documentation.
    static var meaning: String { get }

    /// A payload whose fields a reader is about to set.
    init()

    /// Visits every field in the order traces write them.
    mutating func fields<Coder: TraceFieldCoder>(_ coder: inout Coder)

    /// The trace event that carries this payload.
    var event: TraceEvent { get }
}
