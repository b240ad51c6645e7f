public import SimEvents
public import SimRuntime

/// A client's messages on their way to their rooms, and its decisions on sending them again: a
/// value with no clock or I/O that takes events and returns actions.
///
/// Under at-most-once a message is sent once and forgotten. Under at-least-once and
/// effectively-once it waits for its ack; it is sent again, with the same client message id,
/// when no ack came within the ack timeout, when its write failed, or after the "retry after" a
/// rate limit answered, until it has been sent `attempts` times; then it is given up. Without a
/// connection a message waits for the next one, or, without an offline queue, is lost.
///
/// Messages to one room go one at a time: a message waits until the one sent to the same room
/// before it is acknowledged, refused or given up. A retry therefore never arrives after a later
/// message from the same sender, so the room accepts each sender's messages in sending order
/// (per-sender FIFO) however many are lost, retried or rate limited. Rooms are independent: a
/// message held up in one room does not hold up another.
///
/// ```swift
/// var outgoing = OutgoingMessages()
/// for action in outgoing.post(id, to: room, bytes: 200, sentAt: now, connected: true, policy: policy) { … }
/// ```
public struct OutgoingMessages: Equatable, Sendable {
    /// How the client sends.
    public struct Policy: Equatable, Sendable {
        /// The delivery guarantee.
        public var guarantee: DeliveryGuarantee
        /// The most times a message is sent.
        public var attempts: Int
        /// Whether messages sent while disconnected wait for the next connection.
        public var offlineQueue: Bool

        public init(guarantee: DeliveryGuarantee, attempts: Int, offlineQueue: Bool) {
            self.guarantee = guarantee
            self.attempts = attempts
            self.offlineQueue = offlineQueue
        }

        /// Whether a message waits for its ack.
        var awaitsAck: Bool { guarantee != .atMostOnce }
    }

    /// A message waiting for its ack, for a connection, or for the message ahead of it.
    public struct Pending: Equatable, Sendable {
        public var room: Int
        public var bytes: Int
        /// When the user meant to send it: latency is measured from here.
        public var sentAt: SimulationInstant
        /// Times it has been sent.
        public var attempts: Int
        /// The edit it carries to the room's document, if any.
        public var edit: EditRequest?
    }

    /// What the client must do.
    public enum Action: Equatable, Sendable {
        /// Send message `id` (its `attempt`-th time); when `awaitsAck`, arm the ack timer for
        /// that attempt.
        case send(id: UInt64, Pending, awaitsAck: Bool)
        /// Message `id` is given up: count an error.
        case giveUp(id: UInt64)
        /// Send message `id` again after `delay` (a rate limit's "retry after").
        case retry(id: UInt64, after: Duration)
        /// The message was sent while disconnected and there is no offline queue: it is lost.
        case dropOffline
    }

    private var pending: [UInt64: Pending] = [:]
    /// Per room, the ids of its pending messages in sending order; the first is the one in
    /// flight, the others wait for it.
    private var queues: [Int: [UInt64]] = [:]

    public init() {}

    /// Messages waiting for their ack, for a connection, or for the message ahead of them.
    public var count: Int { pending.count }

    /// The user sends message `id` of `bytes` to `room`, meant to go at `sentAt`. Ids grow in
    /// sending order.
    public mutating func post(_ id: UInt64, to room: Int, bytes: Int, sentAt: SimulationInstant, edit: EditRequest? = nil,
                              connected: Bool, policy: Policy) -> ActionList<Action> {
        guard connected || policy.offlineQueue else { return ActionList(.dropOffline) }
        pending[id] = Pending(room: room, bytes: bytes, sentAt: sentAt, attempts: 0, edit: edit)
        queues[room, default: []].append(id)
        let isFirst = queues[room]?.first == id
        return connected && (isFirst || !policy.awaitsAck) ? send(id, policy: policy) : ActionList()
    }

    /// The client connected: the first waiting message of each room is sent (every waiting
    /// message under at-most-once), in the order the user sent them.
    public mutating func connected(policy: Policy) -> ActionList<Action> {
        let ids = policy.awaitsAck ? queues.values.compactMap(\.first).sorted() : pending.keys.sorted()
        var actions = ActionList<Action>()
        for id in ids {
            for action in send(id, policy: policy) { actions.append(action) }
        }
        return actions
    }

    /// The room acknowledged message `id`: the next message to its room goes.
    public mutating func acknowledged(_ id: UInt64, connected: Bool, policy: Policy) -> ActionList<Action> {
        settle(id, connected: connected, policy: policy)
    }

    /// The room refused message `id` (its sender may not post, or it came after a later one):
    /// it is not sent again, and the next message to its room goes.
    public mutating func refused(_ id: UInt64, connected: Bool, policy: Policy) -> ActionList<Action> {
        settle(id, connected: connected, policy: policy)
    }

    /// No ack came for the `attempt`-th sending of message `id` within the ack timeout.
    public mutating func ackTimedOut(_ id: UInt64, attempt: Int, connected: Bool, policy: Policy) -> ActionList<Action> {
        guard pending[id]?.attempts == attempt else { return ActionList() }
        return retry(id, connected: connected, policy: policy)
    }

    /// The write of message `id` failed.
    public mutating func failed(_ id: UInt64, connected: Bool, policy: Policy) -> ActionList<Action> {
        retry(id, connected: connected, policy: policy)
    }

    /// A rate limit refused message `id`, to be tried again after `retryAfter`.
    public mutating func rateLimited(_ id: UInt64, retryAfter: Duration) -> ActionList<Action> {
        guard pending[id] != nil else { return ActionList() }
        return ActionList(.retry(id: id, after: retryAfter))
    }

    /// Sends message `id` again if attempts remain; otherwise gives it up, and the next message
    /// to its room goes.
    public mutating func retry(_ id: UInt64, connected: Bool, policy: Policy) -> ActionList<Action> {
        guard let message = pending[id] else { return ActionList() }
        guard message.attempts < policy.attempts else {
            var actions = ActionList<Action>(.giveUp(id: id))
            for action in settle(id, connected: connected, policy: policy) { actions.append(action) }
            return actions
        }
        return connected ? send(id, policy: policy) : ActionList()
    }

    /// Forgets message `id`; sends the message that waited behind it, if any.
    private mutating func settle(_ id: UInt64, connected: Bool, policy: Policy) -> ActionList<Action> {
        guard let message = pending.removeValue(forKey: id), var queue = queues[message.room] else { return ActionList() }
        let wasFirst = queue.first == id
        queue.removeAll { $0 == id }
        queues[message.room] = queue.isEmpty ? nil : queue
        guard wasFirst, connected, let next = queue.first else { return ActionList() }
        return send(next, policy: policy)
    }

    /// Sends a waiting message once more.
    private mutating func send(_ id: UInt64, policy: Policy) -> ActionList<Action> {
        guard var message = pending[id] else { return ActionList() }
        message.attempts += 1
        if policy.awaitsAck {
            pending[id] = message
        } else {
            pending[id] = nil
            if var queue = queues[message.room] {
                queue.removeAll { $0 == id }
                queues[message.room] = queue.isEmpty ? nil : queue
            }
        }
        return ActionList(.send(id: id, message, awaitsAck: policy.awaitsAck))
    }
}
