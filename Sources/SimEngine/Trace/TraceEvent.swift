/// One event of the modelled system, as the trace records it.
///
/// Every event is folded into the run's trace hash and, with `--trace`, written as one JSON
/// line. Identifiers are the model's small integers (user, room) and 64-bit ids.
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
    /// The promises the checkers hold the run to, recorded first so that a trace checks alone.
    case checkParameters(parameters: CheckParameters)
    /// A gateway's rate limiter admitted a request of `user`.
    case requestAdmitted(user: Int)
    /// A room told `recipient` that `reader` has received (kind 0) or read (kind 1) the room up
    /// to `upTo`.
    case receiptSent(reader: Int, room: Int, kind: Int, upTo: Int, recipient: Int)
    /// A room began showing `user` typing.
    case typingStarted(room: Int, user: Int)
    /// `user` typed again while shown typing: the indicator lasts longer.
    case typingRenewed(room: Int, user: Int)
    /// A room stopped showing `user` typing (expired, or ended by a message).
    case typingStopped(room: Int, user: Int)
    /// `user` came into (online 1) or left (0) `room`'s reach on its node.
    case presenceChanged(room: Int, user: Int, online: Int)
    /// `observer`'s client learned that `user` came or went in `room`, a change made at
    /// `changedAt` (nanoseconds).
    case presenceSeen(observer: Int, room: Int, user: Int, online: Int, changedAt: Int64)
    /// Notification `id` was created for `user`.
    case notificationCreated(id: UInt64, user: Int)
    /// Attempt `attempt` (from 1) to deliver notification `id` to `user` over `channel` (0
    /// realtime, 1 push, 2 email).
    case notificationAttempted(id: UInt64, user: Int, channel: Int, attempt: Int)
    /// The delivery of notification `id` to `user` ended: delivered (1) over `channel`, or
    /// failed on every channel (0).
    case notificationEnded(id: UInt64, user: Int, delivered: Int, channel: Int)
    /// `user` read notification `id`; `cutoff` (nanoseconds) when a mark-all with that cutoff
    /// read it, -1 otherwise.
    case notificationRead(id: UInt64, user: Int, cutoff: Int64)
    /// The unread badge the service shows `user` is now `badge`.
    case badgeChanged(user: Int, badge: Int)

    /// The event's name in JSON and its tag in the hash.
    public var name: StaticString {
        switch self {
        case .memberJoined: "member_joined"
        case .memberLeft: "member_left"
        case .messageSent: "message_sent"
        case .messageAccepted: "message_accepted"
        case .messageDelivered: "message_delivered"
        case .gapReported: "gap_reported"
        case .checkParameters: "check_parameters"
        case .requestAdmitted: "request_admitted"
        case .receiptSent: "receipt_sent"
        case .typingStarted: "typing_started"
        case .typingRenewed: "typing_renewed"
        case .typingStopped: "typing_stopped"
        case .presenceChanged: "presence_changed"
        case .presenceSeen: "presence_seen"
        case .notificationCreated: "notification_created"
        case .notificationAttempted: "notification_attempted"
        case .notificationEnded: "notification_ended"
        case .notificationRead: "notification_read"
        case .badgeChanged: "badge_changed"
        }
    }

    /// A stable tag for the hash; never reuse a retired number.
    var tag: UInt64 {
        switch self {
        case .memberJoined: 4
        case .memberLeft: 6
        case .messageSent: 1
        case .messageAccepted: 2
        case .messageDelivered: 3
        case .gapReported: 5
        case .checkParameters: 7
        case .requestAdmitted: 8
        case .receiptSent: 9
        case .typingStarted: 10
        case .typingRenewed: 11
        case .typingStopped: 12
        case .presenceChanged: 13
        case .presenceSeen: 14
        case .notificationCreated: 15
        case .notificationAttempted: 16
        case .notificationEnded: 17
        case .notificationRead: 18
        case .badgeChanged: 19
        }
    }

    /// Calls `body` with each field's name and value, in a fixed order.
    @inline(__always)
    public func forEachField(_ body: (StaticString, Int64) -> Void) {
        switch self {
        case .memberJoined(let user, let room):
            body("user", Int64(user))
            body("room", Int64(room))
        case .memberLeft(let user, let room):
            body("user", Int64(user))
            body("room", Int64(room))
        case .messageSent(let user, let room, let clientMessage):
            body("user", Int64(user))
            body("room", Int64(room))
            body("client_message", Int64(bitPattern: clientMessage))
        case .messageAccepted(let room, let sequence, let user, let clientMessage):
            body("room", Int64(room))
            body("seq", Int64(sequence))
            body("user", Int64(user))
            body("client_message", Int64(bitPattern: clientMessage))
        case .messageDelivered(let user, let room, let sequence):
            body("user", Int64(user))
            body("room", Int64(room))
            body("seq", Int64(sequence))
        case .gapReported(let user, let room, let after, let upTo):
            body("user", Int64(user))
            body("room", Int64(room))
            body("after", Int64(after))
            body("up_to", Int64(upTo))
        case .checkParameters(let parameters):
            body("guarantee", Int64(parameters.guarantee))
            body("dedup_window_ns", parameters.dedupWindow)
            body("rate_limit", Int64(parameters.rateLimit))
            body("rate_window_ns", parameters.rateWindow)
            body("typing_expiry_ns", parameters.typingExpiry)
            body("presence_bound_ns", parameters.presenceBound)
            body("notification_attempts", Int64(parameters.notificationAttempts))
            body("notification_deadline_ns", parameters.notificationDeadline)
        case .requestAdmitted(let user):
            body("user", Int64(user))
        case .receiptSent(let reader, let room, let kind, let upTo, let recipient):
            body("reader", Int64(reader))
            body("room", Int64(room))
            body("kind", Int64(kind))
            body("up_to", Int64(upTo))
            body("recipient", Int64(recipient))
        case .typingStarted(let room, let user):
            body("room", Int64(room))
            body("user", Int64(user))
        case .typingRenewed(let room, let user):
            body("room", Int64(room))
            body("user", Int64(user))
        case .typingStopped(let room, let user):
            body("room", Int64(room))
            body("user", Int64(user))
        case .presenceChanged(let room, let user, let online):
            body("room", Int64(room))
            body("user", Int64(user))
            body("online", Int64(online))
        case .presenceSeen(let observer, let room, let user, let online, let changedAt):
            body("observer", Int64(observer))
            body("room", Int64(room))
            body("user", Int64(user))
            body("online", Int64(online))
            body("changed_at", changedAt)
        case .notificationCreated(let id, let user):
            body("id", Int64(bitPattern: id))
            body("user", Int64(user))
        case .notificationAttempted(let id, let user, let channel, let attempt):
            body("id", Int64(bitPattern: id))
            body("user", Int64(user))
            body("channel", Int64(channel))
            body("attempt", Int64(attempt))
        case .notificationEnded(let id, let user, let delivered, let channel):
            body("id", Int64(bitPattern: id))
            body("user", Int64(user))
            body("delivered", Int64(delivered))
            body("channel", Int64(channel))
        case .notificationRead(let id, let user, let cutoff):
            body("id", Int64(bitPattern: id))
            body("user", Int64(user))
            body("cutoff", cutoff)
        case .badgeChanged(let user, let badge):
            body("user", Int64(user))
            body("badge", Int64(badge))
        }
    }

    /// The names of every event, as traces write them.
    public static let names = [
        "member_joined", "member_left", "message_sent", "message_accepted", "message_delivered",
        "gap_reported", "check_parameters", "request_admitted", "receipt_sent", "typing_started",
        "typing_renewed", "typing_stopped", "presence_changed", "presence_seen", "notification_created",
        "notification_attempted", "notification_ended", "notification_read", "badge_changed"
    ]

    /// The fields the event called `name` carries, in the order traces write them.
    public static func fieldNames(of name: String) -> [String] {
        switch name {
        case "member_joined": ["user", "room"]
        case "member_left": ["user", "room"]
        case "message_sent": ["user", "room", "client_message"]
        case "message_accepted": ["room", "seq", "user", "client_message"]
        case "message_delivered": ["user", "room", "seq"]
        case "gap_reported": ["user", "room", "after", "up_to"]
        case "check_parameters": [
            "guarantee", "dedup_window_ns", "rate_limit", "rate_window_ns", "typing_expiry_ns",
            "presence_bound_ns", "notification_attempts", "notification_deadline_ns"
        ]
        case "request_admitted": ["user"]
        case "receipt_sent": ["reader", "room", "kind", "up_to", "recipient"]
        case "typing_started": ["room", "user"]
        case "typing_renewed": ["room", "user"]
        case "typing_stopped": ["room", "user"]
        case "presence_changed": ["room", "user", "online"]
        case "presence_seen": ["observer", "room", "user", "online", "changed_at"]
        case "notification_created": ["id", "user"]
        case "notification_attempted": ["id", "user", "channel", "attempt"]
        case "notification_ended": ["id", "user", "delivered", "channel"]
        case "notification_read": ["id", "user", "cutoff"]
        case "badge_changed": ["user", "badge"]
        default: []
        }
    }

    /// The event called `name` with `fields`, as a trace line gives them; nil if the name is
    /// unknown or a field is missing.
    public init?(name: String, fields: [String: Int64]) {
        guard Self.fieldNames(of: name).allSatisfy({ fields[$0] != nil }) else { return nil }
        func value(_ key: String) -> Int64 { fields[key]! }
        switch name {
        case "member_joined":
            self = .memberJoined(user: Int(value("user")), room: Int(value("room")))
        case "member_left":
            self = .memberLeft(user: Int(value("user")), room: Int(value("room")))
        case "message_sent":
            self = .messageSent(user: Int(value("user")), room: Int(value("room")),
                clientMessage: UInt64(bitPattern: value("client_message")))
        case "message_accepted":
            self = .messageAccepted(room: Int(value("room")), sequence: Int(value("seq")), user: Int(value("user")),
                clientMessage: UInt64(bitPattern: value("client_message")))
        case "message_delivered":
            self = .messageDelivered(user: Int(value("user")), room: Int(value("room")), sequence: Int(value("seq")))
        case "gap_reported":
            self = .gapReported(user: Int(value("user")), room: Int(value("room")), after: Int(value("after")),
                upTo: Int(value("up_to")))
        case "check_parameters":
            self = .checkParameters(parameters: CheckParameters(
                guarantee: Int(value("guarantee")), dedupWindow: value("dedup_window_ns"), rateLimit: Int(value("rate_limit")),
                rateWindow: value("rate_window_ns"), typingExpiry: value("typing_expiry_ns"),
                presenceBound: value("presence_bound_ns"), notificationAttempts: Int(value("notification_attempts")),
                notificationDeadline: value("notification_deadline_ns")))
        case "request_admitted":
            self = .requestAdmitted(user: Int(value("user")))
        case "receipt_sent":
            self = .receiptSent(reader: Int(value("reader")), room: Int(value("room")), kind: Int(value("kind")),
                upTo: Int(value("up_to")), recipient: Int(value("recipient")))
        case "typing_started":
            self = .typingStarted(room: Int(value("room")), user: Int(value("user")))
        case "typing_renewed":
            self = .typingRenewed(room: Int(value("room")), user: Int(value("user")))
        case "typing_stopped":
            self = .typingStopped(room: Int(value("room")), user: Int(value("user")))
        case "presence_changed":
            self = .presenceChanged(room: Int(value("room")), user: Int(value("user")), online: Int(value("online")))
        case "presence_seen":
            self = .presenceSeen(observer: Int(value("observer")), room: Int(value("room")),
                user: Int(value("user")), online: Int(value("online")), changedAt: value("changed_at"))
        case "notification_created":
            self = .notificationCreated(id: UInt64(bitPattern: value("id")), user: Int(value("user")))
        case "notification_attempted":
            self = .notificationAttempted(id: UInt64(bitPattern: value("id")), user: Int(value("user")),
                channel: Int(value("channel")), attempt: Int(value("attempt")))
        case "notification_ended":
            self = .notificationEnded(id: UInt64(bitPattern: value("id")), user: Int(value("user")),
                delivered: Int(value("delivered")), channel: Int(value("channel")))
        case "notification_read":
            self = .notificationRead(id: UInt64(bitPattern: value("id")), user: Int(value("user")),
                cutoff: value("cutoff"))
        case "badge_changed":
            self = .badgeChanged(user: Int(value("user")), badge: Int(value("badge")))
        default:
            return nil
        }
    }
}
