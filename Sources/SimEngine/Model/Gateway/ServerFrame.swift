public import SimEvents
public import SimRuntime

/// What a gateway sends down a connection.
public enum ServerFrame: Equatable, Sendable {
    /// A room's message.
    case message(room: Int, RoomMessage)
    /// The room accepted the connection's message `clientMessage` as `sequence` (a retried
    /// message the room already had gets its original sequence).
    case ack(room: Int, clientMessage: UInt64, sequence: Int)
    /// The room refused the connection's message, for the reason given.
    case refused(room: Int, clientMessage: UInt64, PostRefusal)
    /// The message could not be stored; the client may retry it.
    case failed(room: Int, clientMessage: UInt64)
    /// The user's rate limit refused the request; the same request is admitted after the delay.
    case rateLimited(room: Int, clientMessage: UInt64, retryAfter: Duration)
    /// The connection joined the room, whose history is `epoch` and whose last message is
    /// `lastSequence`: messages after it are owed to the connection.
    case joined(room: Int, epoch: UInt64, lastSequence: Int)
    /// The user is no longer a member of the room: the room accepted `lastSequence` messages
    /// while it was, and owes it nothing after. Sent before the node stops sending the room's
    /// frames, so the client catches up to `lastSequence` (fetching what its node had not yet
    /// written) before it lets the room go.
    case left(room: Int, lastSequence: Int)
    /// The messages after the client's offset cannot all be given: the client must show a gap
    /// up to `lastSequence` (in `epoch`) rather than pretend it has everything.
    case notRecovered(room: Int, RoomRecovery.Reason, epoch: UInt64, lastSequence: Int)
    /// The room has been quiet since it accepted `lastSequence` (in `epoch`): a member that has
    /// less lost the last messages on the way, with nothing after them to show the gap.
    case head(room: Int, epoch: UInt64, lastSequence: Int)
    /// An admin made the user a `role` in the room.
    case roleChanged(room: Int, role: RoomRole)
    /// A page of the room's history the client asked for.
    case history(room: Int, HistoryPage)
    /// The room's shared document as of `sequence`, which the client asked for.
    case document(room: Int, sequence: Int, DocumentContent)
    /// A user started or stopped typing in a room; `at` is when the typist's client meant to
    /// send it, or when the indicator expired.
    case typing(room: Int, user: Int, isTyping: Bool, at: SimulationInstant)
    /// A user's cursor moved in a room (a document), as its client meant at `at`; never stored.
    case cursor(room: Int, user: Int, at: SimulationInstant)
    /// A user came into a room's reach or left it at `at`.
    case presence(room: Int, user: Int, isOnline: Bool, at: SimulationInstant)
    /// A notification for the connection's user, created at `createdAt`.
    case notification(id: UInt64, kind: NotificationKind, createdAt: SimulationInstant)
    /// Someone's receipt for messages the connection's user sent; `since` is when the reader's
    /// client sent the oldest marker in it.
    case receipt(ReceiptLedger.Receipt, since: SimulationInstant)

    /// The frame's size on the wire: a message's own size plus framing, small fixed sizes for
    /// control frames.
    public var bytes: Int {
        switch self {
        case .message(_, let message): message.bytes + 40
        case .history(_, let page): page.messages.reduce(40) { $0 + $1.bytes + 16 }
        case .document(_, _, let content): 40 + 8 * content.length
        case .notRecovered, .joined, .left: 48
        default: 32
        }
    }
}
