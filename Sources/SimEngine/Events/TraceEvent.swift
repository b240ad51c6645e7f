/// One event of the modelled system, as the trace records it.
///
/// Each kind of event is defined once, by its payload (a ``TraceEventPayload``): its name, its
/// tag in the trace hash, its meaning and its typed fields. The hash, the trace writer and
/// reader, and the trace's documentation all derive from those definitions.
///
/// ```swift
/// sink.record(.messageDelivered(MessageDelivered(user: 7, room: 3, sequence: 42)), at: now)
/// ```
public enum TraceEvent: Equatable, Sendable {
    /// A user joined a room: from now on the room owes them every message it accepts.
    case memberJoined(MemberJoined)
    /// A user left a room or was removed from it: from now on the room owes them nothing more.
    case memberLeft(MemberLeft)
    /// A user's client sent a message to a room (its first attempt; retries are not events).
    case messageSent(MessageSent)
    /// A room accepted a message and gave it the room's next sequence number.
    case messageAccepted(MessageAccepted)
    /// A user's client received a room's message and showed it.
    case messageDelivered(MessageDelivered)
    /// A user's client was told that a room's messages after `after` up to `up_to` cannot be given to it, and shows the gap: a loss reported, never a silent one.
    case gapReported(GapReported)
    /// The promises the checkers hold the run to, recorded first.
    case checkParameters(CheckParameters)
    /// A gateway's rate limiter admitted a request of a user.
    case requestAdmitted(RequestAdmitted)
    /// A room told a sender that a reader has received or read the room up to a sequence number.
    case receiptSent(ReceiptSent)
    /// A room began showing a user typing.
    case typingStarted(TypingStarted)
    /// A user typed again while shown typing: the indicator lasts longer.
    case typingRenewed(TypingRenewed)
    /// A room stopped showing a user typing: the indicator expired, or a message ended it.
    case typingStopped(TypingStopped)
    /// A user came into a room's reach on its node, or left it.
    case presenceChanged(PresenceChanged)
    /// A member's client learned that a user came or went in a room.
    case presenceSeen(PresenceSeen)
    /// A notification was created for a user: it is unread and its delivery begins.
    case notificationCreated(NotificationCreated)
    /// The notification service made an attempt to deliver a notification to a user over a channel.
    case notificationAttempted(NotificationAttempted)
    /// The delivery of a notification to a user ended: delivered over a channel, or failed on every channel.
    case notificationEnded(NotificationEnded)
    /// A user read a notification, one at a time or with a mark-all.
    case notificationRead(NotificationRead)
    /// The unread badge the notification service shows a user changed.
    case badgeChanged(BadgeChanged)
    /// A room applied an edit to its shared document.
    case documentRevised(DocumentRevised)
    /// A member's replica of a room's document settled at a revision.
    case replicaSettled(ReplicaSettled)
    /// A room carried out a privileged action.
    case privilegedAction(PrivilegedActionTaken)
    /// The audit log recorded a privileged action.
    case auditRecorded(AuditRecorded)

    /// Calls `visitor` with the event's payload, as its own type.
    @inline(__always)
    public func accept<Visitor: TraceEventVisitor>(_ visitor: inout Visitor) {
        switch self {
        case .memberJoined(let payload): visitor.visit(payload)
        case .memberLeft(let payload): visitor.visit(payload)
        case .messageSent(let payload): visitor.visit(payload)
        case .messageAccepted(let payload): visitor.visit(payload)
        case .messageDelivered(let payload): visitor.visit(payload)
        case .gapReported(let payload): visitor.visit(payload)
        case .checkParameters(let payload): visitor.visit(payload)
        case .requestAdmitted(let payload): visitor.visit(payload)
        case .receiptSent(let payload): visitor.visit(payload)
        case .typingStarted(let payload): visitor.visit(payload)
        case .typingRenewed(let payload): visitor.visit(payload)
        case .typingStopped(let payload): visitor.visit(payload)
        case .presenceChanged(let payload): visitor.visit(payload)
        case .presenceSeen(let payload): visitor.visit(payload)
        case .notificationCreated(let payload): visitor.visit(payload)
        case .notificationAttempted(let payload): visitor.visit(payload)
        case .notificationEnded(let payload): visitor.visit(payload)
        case .notificationRead(let payload): visitor.visit(payload)
        case .badgeChanged(let payload): visitor.visit(payload)
        case .documentRevised(let payload): visitor.visit(payload)
        case .replicaSettled(let payload): visitor.visit(payload)
        case .privilegedAction(let payload): visitor.visit(payload)
        case .auditRecorded(let payload): visitor.visit(payload)
        }
    }

    /// Every kind of event, in the order the documentation lists them.
    public static let payloadTypes: [any TraceEventPayload.Type] = [
        MemberJoined.self, MemberLeft.self, MessageSent.self, MessageAccepted.self, MessageDelivered.self,
        GapReported.self, CheckParameters.self, RequestAdmitted.self, ReceiptSent.self, TypingStarted.self,
        TypingRenewed.self, TypingStopped.self, PresenceChanged.self, PresenceSeen.self, NotificationCreated.self,
        NotificationAttempted.self, NotificationEnded.self, NotificationRead.self, BadgeChanged.self,
        DocumentRevised.self, ReplicaSettled.self, PrivilegedActionTaken.self, AuditRecorded.self,
    ]

    /// The event's name in trace lines, such as `message_delivered`.
    public var name: String {
        var visitor = NameVisitor()
        accept(&visitor)
        return visitor.name
    }

    private struct NameVisitor: TraceEventVisitor {
        var name = ""
        mutating func visit<Payload: TraceEventPayload>(_ payload: Payload) { name = Payload.name }
    }
}
