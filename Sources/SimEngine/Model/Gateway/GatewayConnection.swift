import SimRuntime

/// A connection as its gateway node holds it, and the node's decisions on writing frames to it:
/// a value with no clock or I/O that takes an instant and returns actions. The client end is
/// the node's to hold: this value is the same whatever the peer's type, so that every use of it
/// on the hot path is compiled for its concrete layout.
///
/// A connection's socket drains its queue at the reader's pace: a frame of b bytes takes
/// b × `nanosecondsPerByte` to write, then crosses the link. A reader slower than the frames
/// sent to it fills the queue up to the outbox's byte cap, and the slow-consumer policy drops
/// frames or closes the connection. A reader at wire speed with nothing queued has its frames
/// put straight on the link.
///
/// ```swift
/// for action in connection.send(frame, bytes: 200, at: now) { … }
/// ```
struct GatewayConnection: Sendable {
    /// What the node must do.
    enum Action: Equatable, Sendable {
        /// The frame reaches the peer at `at`.
        case deliver(ServerFrame, at: SimulationInstant)
        /// The socket is busy until `at`; write the next frame then.
        case resumeWriting(at: SimulationInstant)
        /// The queue was full and the frame is lost (the drop policy).
        case dropped
        /// The queue was full and the connection must close (the disconnect policy).
        case disconnect
    }

    /// The connection's user.
    let user: Int
    /// The network from the node to the client.
    var downlink: NetworkLink
    /// Frames waiting for the socket.
    private(set) var outbox: ConnectionOutbox<ServerFrame>
    /// The time to write one byte at the reader's pace; zero for a reader at wire speed.
    let nanosecondsPerByte: Double
    /// Whether the socket is writing a frame now.
    private(set) var isWriting = false
    /// The rooms whose frames the connection receives.
    var rooms: [Int] = []
    /// Requests are parsed in parallel but passed on in the order they arrived.
    var parsed = OrderedCompletion<ParsedRequest>()

    init(user: Int, downlink: NetworkLink, outbox: ConnectionOutbox<ServerFrame>, readBytesPerSecond: Double) {
        self.user = user
        self.downlink = downlink
        self.outbox = outbox
        nanosecondsPerByte = readBytesPerSecond.isInfinite ? 0 : 1e9 / readBytesPerSecond
    }

    /// Whether a frame may skip the queue: the reader keeps up with the wire and nothing waits.
    var writesThrough: Bool { nanosecondsPerByte == 0 && !isWriting }

    /// Puts a frame straight on the link at `now` (when ``writesThrough``); returns when it
    /// arrives, or nil if the link lost it.
    mutating func transmit(at now: SimulationInstant) -> SimulationInstant? {
        guard case .arrives(let arrival) = downlink.transmit(at: now) else { return nil }
        return arrival
    }

    /// Sends `frame` of `bytes` at `now`: on the link, into the queue, or, with a full queue,
    /// as the slow-consumer policy says.
    mutating func send(_ frame: ServerFrame, bytes: Int, at now: SimulationInstant) -> ActionList<Action> {
        if writesThrough {
            guard let arrival = transmit(at: now) else { return ActionList() }
            return ActionList(.deliver(frame, at: arrival))
        }
        switch outbox.offer(frame, bytes: bytes) {
        case .queued: return isWriting ? ActionList() : writeNext(at: now)
        case .dropped: return ActionList(.dropped)
        case .disconnect: return ActionList(.disconnect)
        }
    }

    /// The socket is free at `now`: it writes the oldest queued frame, which occupies it for its
    /// write time and then crosses the link.
    mutating func writeNext(at now: SimulationInstant) -> ActionList<Action> {
        guard let (frame, bytes) = outbox.takeWithSize() else {
            isWriting = false
            return ActionList()
        }
        isWriting = true
        let written = now.advanced(by: .nanoseconds(Int64((Double(bytes) * nanosecondsPerByte).rounded())))
        var actions = ActionList<Action>()
        if case .arrives(let arrival) = downlink.transmit(at: written) { actions.append(.deliver(frame, at: arrival)) }
        actions.append(.resumeWriting(at: written))
        return actions
    }
}
