/// One WebSocket gateway node: authenticates connections, limits each user's requests, and
/// writes frames to each connection through its outbound queue and network link.
///
/// A connection's socket drains its queue at the reader's pace: a frame of b bytes takes
/// b / `readBytesPerSecond` to write, then crosses the link. A reader slower than the frames
/// sent to it fills the queue up to the byte cap, and the slow-consumer policy drops frames or
/// closes the connection. Clients must be heard from (any request or heartbeat) within the
/// heartbeat interval plus timeout, or the node closes their connection as dead and the user
/// goes offline when their last connection goes.
public actor GatewayNode: ModelActor {
    public nonisolated let executor: ActorExecutor
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// What a connection attempt got.
    public enum ConnectResult: Equatable, Sendable {
        case connected(connection: Int)
        case rejected(AccessToken.Rejection)
    }

    private struct Connection {
        var user: Int
        var peer: any ConnectionPeer
        var downlink: NetworkLink
        var outbox: ConnectionOutbox<ServerFrame>
        var nanosecondsPerByte: Double
        var isWriting = false
    }

    /// The node's id.
    public nonisolated let id: Int
    private let engine: Engine
    private let configuration: GatewayConfiguration
    private let clientLink: LinkProfile
    private let authentication: ServiceStation
    private var connections: [Int: Connection] = [:]
    private var nextConnection = 0
    private var limiters: [Int: RateLimiter] = [:]
    private var presence: PresenceTracker
    private var sweeping = false
    /// Frames dropped by full outbound queues.
    public private(set) var droppedFrames = 0
    /// Connections closed, by reason.
    public private(set) var closed: [CloseReason: Int] = [:]

    /// Creates node `id`.
    ///
    /// - Parameter authTime: seconds to parse and authenticate a connection request.
    public init(engine: Engine, id: Int, configuration: GatewayConfiguration, clientLink: LinkProfile,
                authTime: Distribution = .lognormal(median: 0.002, sigma: 0.4)) {
        executor = engine.makeExecutor(label: "gateway-\(id)")
        self.id = id
        self.engine = engine
        self.configuration = configuration
        self.clientLink = clientLink
        authentication = ServiceStation(engine: engine, name: "gateway.auth", servers: 4, serviceTime: authTime,
                                        entity: UInt64(id))
        presence = PresenceTracker(heartbeatTimeout: configuration.heartbeatInterval + configuration.heartbeatTimeout)
    }

    /// Authenticates `token` and opens a connection to `peer`, who reads `readBytesPerSecond`.
    public func connect(token: AccessToken, peer: any ConnectionPeer,
                        readBytesPerSecond: Double = .infinity) async -> ConnectResult {
        _ = await authentication.serve()
        switch token.authenticate(at: engine.now) {
        case .failure(let rejection):
            return .rejected(rejection)
        case .success(let user):
            let connection = (id << 32) | nextConnection
            nextConnection += 1
            let random = engine.random("gateway.downlink", entity: UInt64(connection))
            connections[connection] = Connection(
                user: user, peer: peer, downlink: NetworkLink(profile: clientLink, random: random),
                outbox: ConnectionOutbox(byteCap: configuration.outboxByteCap, policy: configuration.slowConsumer),
                nanosecondsPerByte: readBytesPerSecond.isInfinite ? 0 : 1e9 / readBytesPerSecond)
            _ = presence.connected(user: user, connection: connection, at: engine.now)
            startSweeping()
            return .connected(connection: connection)
        }
    }

    /// The client closes its connection.
    public func disconnect(_ connection: Int) {
        close(connection, .clientRequest, tellPeer: false)
    }

    /// The client was heard from (a heartbeat answer or any request).
    public func heard(from connection: Int) {
        presence.heartbeat(connection: connection, at: engine.now)
    }

    /// Decides a request of the connection's user against their rate limit; counts as heard.
    public func admit(_ connection: Int) -> RateLimitDecision? {
        guard let user = connections[connection]?.user else { return nil }
        heard(from: connection)
        return limiters[user, default: RateLimiter(policy: configuration.rateLimit)].decide(at: engine.now)
    }

    /// Whether `user` has a live connection on this node.
    public func isOnline(_ user: Int) -> Bool { presence.isOnline(user) }

    /// When `user` was last seen on this node.
    public func lastSeen(_ user: Int) -> SimulationInstant? { presence.lastSeen[user] }

    /// Open connections.
    public var connectionCount: Int { connections.count }

    /// Queues `frame` of `bytes` for `connection`.
    public func send(_ frame: ServerFrame, bytes: Int, to connection: Int) {
        guard connections[connection] != nil else { return }
        switch connections[connection]!.outbox.offer(frame, bytes: bytes) {
        case .queued:
            if !connections[connection]!.isWriting { writeNext(connection) }
        case .dropped:
            droppedFrames += 1
        case .disconnect:
            close(connection, .slowConsumer, tellPeer: true)
        }
    }

    /// Writes the oldest queued frame of `connection`: it occupies the socket for its write
    /// time, then crosses the link.
    private func writeNext(_ connection: Int) {
        guard var state = connections[connection], let (frame, bytes) = state.outbox.takeWithSize() else {
            connections[connection]?.isWriting = false
            return
        }
        state.isWriting = true
        let writeTime = Int64((Double(bytes) * state.nanosecondsPerByte).rounded())
        let written = engine.now.advanced(by: .nanoseconds(writeTime))
        if case .arrives(let arrival) = state.downlink.transmit(at: written) {
            Self.deliver(frame, to: state.peer, at: arrival, engine: engine)
        }
        connections[connection] = state
        engine.send(to: self, at: written) { node in node.writeNext(connection) }
    }

    private static func deliver<P: ConnectionPeer>(_ frame: ServerFrame, to peer: P, at arrival: SimulationInstant,
                                                  engine: Engine) {
        engine.send(to: peer, at: arrival) { $0.receive(frame) }
    }

    private static func tellClosed<P: ConnectionPeer>(_ peer: P, _ reason: CloseReason, engine: Engine) {
        engine.send(to: peer) { $0.connectionClosed(reason) }
    }

    private func close(_ connection: Int, _ reason: CloseReason, tellPeer: Bool) {
        guard let state = connections.removeValue(forKey: connection) else { return }
        _ = presence.disconnected(connection: connection, at: engine.now)
        closed[reason, default: 0] += 1
        if tellPeer { Self.tellClosed(state.peer, reason, engine: engine) }
    }

    /// Checks for dead connections every heartbeat interval while any connection is open.
    private func startSweeping() {
        guard !sweeping else { return }
        sweeping = true
        engine.send(to: self, after: configuration.heartbeatInterval) { node in node.sweep() }
    }

    private func sweep() {
        // Presence changes are not propagated yet: nothing subscribes to them on a single node.
        for connection in presence.expire(at: engine.now).connections
        where connections.removeValue(forKey: connection) != nil {
            closed[.heartbeatTimeout, default: 0] += 1
        }
        sweeping = false
        if !connections.isEmpty { startSweeping() }
    }
}
