/// One event of the modelled system, as the trace records it.
///
/// Every event is folded into the run's trace hash and, with `--trace`, written as one JSON
/// line. Identifiers are the model's small integers (user, room) and 64-bit message ids.
public enum TraceEvent: Equatable, Sendable {
    /// A user joined a room: from now on the room owes them its messages.
    case memberJoined(user: Int, room: Int)
    /// A user left a room, or was removed: from now on the room owes them nothing.
    case memberLeft(user: Int, room: Int)
    /// A user's client sent a message to a room.
    case messageSent(user: Int, room: Int, clientMessage: UInt64)
    /// A room accepted a message and gave it the next sequence number.
    case messageAccepted(room: Int, sequence: Int, user: Int, clientMessage: UInt64)
    /// A user's client received a room's message.
    case messageDelivered(user: Int, room: Int, sequence: Int)
    /// A user's client was told that the room's messages after `after` up to `upTo` cannot be
    /// given to it, and shows the gap: a loss reported, never a silent one.
    case gapReported(user: Int, room: Int, after: Int, upTo: Int)

    /// The event's name in JSON and its tag in the hash.
    public var name: StaticString {
        switch self {
        case .memberJoined: "member_joined"
        case .messageSent: "message_sent"
        case .messageAccepted: "message_accepted"
        case .messageDelivered: "message_delivered"
        case .gapReported: "gap_reported"
        case .memberLeft: "member_left"
        }
    }

    /// A stable tag for the hash; never reuse a retired number.
    var tag: UInt64 {
        switch self {
        case .memberJoined: 4
        case .messageSent: 1
        case .messageAccepted: 2
        case .messageDelivered: 3
        case .gapReported: 5
        case .memberLeft: 6
        }
    }

    /// Calls `body` with each field's name and value, in a fixed order.
    @inline(__always)
    public func forEachField(_ body: (StaticString, Int64) -> Void) {
        switch self {
        case .memberJoined(let user, let room), .memberLeft(let user, let room):
            body("user", Int64(user)); body("room", Int64(room))
        case .messageSent(let user, let room, let clientMessage):
            body("user", Int64(user)); body("room", Int64(room)); body("client_message", Int64(bitPattern: clientMessage))
        case .messageAccepted(let room, let sequence, let user, let clientMessage):
            body("room", Int64(room)); body("seq", Int64(sequence)); body("user", Int64(user))
            body("client_message", Int64(bitPattern: clientMessage))
        case .messageDelivered(let user, let room, let sequence):
            body("user", Int64(user)); body("room", Int64(room)); body("seq", Int64(sequence))
        case .gapReported(let user, let room, let after, let upTo):
            body("user", Int64(user)); body("room", Int64(room)); body("after", Int64(after)); body("up_to", Int64(upTo))
        }
    }

    /// The names of every event, as traces write them.
    public static let names = ["member_joined", "message_sent", "message_accepted", "message_delivered", "gap_reported", "member_left"]

    /// The fields the event called `name` carries, in the order traces write them.
    public static func fieldNames(of name: String) -> [String] {
        switch name {
        case "member_joined", "member_left": ["user", "room"]
        case "message_sent": ["user", "room", "client_message"]
        case "message_accepted": ["room", "seq", "user", "client_message"]
        case "message_delivered": ["user", "room", "seq"]
        case "gap_reported": ["user", "room", "after", "up_to"]
        default: []
        }
    }

    /// The event called `name` with `fields`, as a trace line gives them; nil if the name is
    /// unknown or a field is missing.
    public init?(name: String, fields: [String: Int64]) {
        func int(_ key: String) -> Int? { fields[key].map { Int($0) } }
        switch name {
        case "member_joined":
            guard let user = int("user"), let room = int("room") else { return nil }
            self = .memberJoined(user: user, room: room)
        case "member_left":
            guard let user = int("user"), let room = int("room") else { return nil }
            self = .memberLeft(user: user, room: room)
        case "message_sent":
            guard let user = int("user"), let room = int("room"), let message = fields["client_message"] else { return nil }
            self = .messageSent(user: user, room: room, clientMessage: UInt64(bitPattern: message))
        case "message_accepted":
            guard let room = int("room"), let sequence = int("seq"), let user = int("user"),
                  let message = fields["client_message"] else { return nil }
            self = .messageAccepted(room: room, sequence: sequence, user: user, clientMessage: UInt64(bitPattern: message))
        case "message_delivered":
            guard let user = int("user"), let room = int("room"), let sequence = int("seq") else { return nil }
            self = .messageDelivered(user: user, room: room, sequence: sequence)
        case "gap_reported":
            guard let user = int("user"), let room = int("room"), let after = int("after"), let upTo = int("up_to") else {
                return nil
            }
            self = .gapReported(user: user, room: room, after: after, upTo: upTo)
        default:
            return nil
        }
    }
}
