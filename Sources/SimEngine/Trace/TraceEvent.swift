/// One event of the modelled system, as the trace records it.
///
/// Every event is folded into the run's trace hash and, with `--trace`, written as one JSON
/// line. Identifiers are the model's small integers (user, room) and 64-bit message ids.
public enum TraceEvent: Equatable, Sendable {
    /// A user's client sent a message to a room.
    case messageSent(user: Int, room: Int, clientMessage: UInt64)
    /// A room accepted a message and gave it the next sequence number.
    case messageAccepted(room: Int, sequence: Int, user: Int, clientMessage: UInt64)
    /// A user's client received a room's message.
    case messageDelivered(user: Int, room: Int, sequence: Int)

    /// The event's name in JSON and its tag in the hash.
    public var name: StaticString {
        switch self {
        case .messageSent: "message_sent"
        case .messageAccepted: "message_accepted"
        case .messageDelivered: "message_delivered"
        }
    }

    /// A stable tag for the hash; never reuse a retired number.
    var tag: UInt64 {
        switch self {
        case .messageSent: 1
        case .messageAccepted: 2
        case .messageDelivered: 3
        }
    }

    /// Calls `body` with each field's name and value, in a fixed order.
    @inline(__always)
    public func forEachField(_ body: (StaticString, Int64) -> Void) {
        switch self {
        case .messageSent(let user, let room, let clientMessage):
            body("user", Int64(user)); body("room", Int64(room)); body("client_message", Int64(bitPattern: clientMessage))
        case .messageAccepted(let room, let sequence, let user, let clientMessage):
            body("room", Int64(room)); body("seq", Int64(sequence)); body("user", Int64(user))
            body("client_message", Int64(bitPattern: clientMessage))
        case .messageDelivered(let user, let room, let sequence):
            body("user", Int64(user)); body("room", Int64(room)); body("seq", Int64(sequence))
        }
    }
}
