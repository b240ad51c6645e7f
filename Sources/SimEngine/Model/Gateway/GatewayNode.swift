import SimSupport
public import SimRuntime
public import SimEvents

/// One WebSocket gateway node: authenticates connections, limits each user's requests, passes
/// posts to their rooms, and writes frames to each connection through its outbound queue and
/// network link.
///
/// Every request is parsed on the node's parse station and every fan-out occupies its fan-out
/// station for a time per local recipient, so a busy node queues work and that wait shows in
/// every latency. A room lives on node `room % nodes`: posts from other nodes cross a node link
/// to reach it, and its messages reach other nodes' members over the bus.
///
/// Its decisions are values without I/O, each tested alone: ``GatewayConnection`` (a
/// connection's outbox and write pacing), ``ConnectionTable`` (connections by id, slots reused),
/// ``SessionStore`` (sessions kept for reconnecting clients), ``RoomSubscriptions`` (who receives
/// each room, and presence per room), ``PresenceTracker`` and ``RateLimiter``. The actor carries
/// out what they decide:
///
/// - connections and their lifecycle, here;
/// - requests from clients to rooms (`GatewayNode+Requests.swift`);
/// - frames to clients (`GatewayNode+Frames.swift`).
///
/// Clients must be heard from (any request or heartbeat) within the heartbeat interval plus
/// timeout, or the node closes their connection as dead and the user goes offline when their
/// last connection goes. A connection that closes for any reason but the client's request
/// leaves a session behind for `session_keep`, so that a client that reconnects in time gets
/// its rooms back and recovers what it missed.
public actor GatewayNode<Peer: ConnectionPeer>: ModelActor, BusSubscriber {
    public nonisolated let executor: ActorExecutor
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// What a connection attempt got.
    public enum ConnectResult: Equatable, Sendable {
        /// Connected; `resumed` says whether a kept session gave the connection its rooms back.
        case connected(connection: Int, resumed: Bool)
        case rejected(AccessToken.Rejection)
    }

    /// The node's stations.
    enum Stage: Sendable {
        case connect, parse, fanout
    }

    /// The node's id.
    public nonisolated let id: Int
    public nonisolated var busNode: Int { id }
    let engine: Engine
    let telemetry: Telemetry
    let configuration: GatewayConfiguration
    private let clientLink: LinkProfile
    // The actor's state below is touched only on its executor, one callback at a time, and no
    // access to a property spans a call that could reach the same property again: exclusivity is
    // proven by construction, and not checked at run time on paths that run once per delivery.
    @exclusivity(unchecked) var connectStation: Station<GatewayNode>
    @exclusivity(unchecked) var parseStation: Station<GatewayNode>
    @exclusivity(unchecked) var fanoutStation: Station<GatewayNode>
    /// Wait plus service at each station.
    let stageLatency: (connect: LatencyHandle, parse: LatencyHandle, fanout: LatencyHandle)
    var rooms: [Room<Peer>] = []
    private var notifications: NotificationService?
    @exclusivity(unchecked) var nodeLinks: [NetworkLink] = []
    @exclusivity(unchecked) var connections: ConnectionTable<GatewayConnection>
    /// The client end of each connection, by its slot in `connections`.
    @exclusivity(unchecked) var peers: [Peer?] = []
    @exclusivity(unchecked) var subscriptions = RoomSubscriptions()
    let presenceDelay: Duration
    @exclusivity(unchecked) private var sessions = SessionStore()
    @exclusivity(unchecked) private var limiters = FlatTable<Int, RateLimiter>()
    @exclusivity(unchecked) private var presence: PresenceTracker
    private var sweeping = false
    @exclusivity(unchecked) var fanoutPeers: [Peer] = []
    @exclusivity(unchecked) var fanoutArrivals: [SimulationInstant] = []
    /// Frames dropped by full outbound queues.
    public internal(set) var droppedFrames = 0
    /// Connections closed, by reason.
    public private(set) var closed: [CloseReason: Int] = [:]
    /// Requests refused by the rate limit.
    public private(set) var rateLimited = 0

    /// Creates node `id`.
    public init(engine: Engine, telemetry: Telemetry, id: Int, configuration: GatewayConfiguration,
                capacity: CapacityConfiguration = CapacityConfiguration(), clientLink: LinkProfile,
                presenceDelay: Duration = .seconds(1)) {
        self.presenceDelay = presenceDelay
        executor = engine.makeExecutor(label: "gateway-\(id)")
        self.id = id
        self.engine = engine
        self.telemetry = telemetry
        self.configuration = configuration
        self.clientLink = clientLink
        let entity = UInt64(id)
        let window = telemetry.stationWindow
        connectStation = Station(capacity.connect, random: engine.random("station.gateway.connect", entity: entity), window: window)
        parseStation = Station(capacity.parse, random: engine.random("station.gateway.parse", entity: entity), window: window)
        fanoutStation = Station(capacity.fanout, random: engine.random("station.gateway.fanout", entity: entity), window: window)
        presence = PresenceTracker(heartbeatTimeout: configuration.heartbeatInterval + configuration.heartbeatTimeout)
        connections = ConnectionTable(node: id)
        stageLatency = (telemetry.handle(.stage(.connect)), telemetry.handle(.stage(.parse)),
                        telemetry.handle(.stage(.fanout)))
    }

    /// Gives the node the system's rooms, the links to the `nodes` nodes that host them, and the
    /// notification service it tells when users come online and go offline.
    public func attach(rooms: [Room<Peer>], nodes: Int, nodeLink: LinkProfile, notifications: NotificationService? = nil) {
        self.rooms = rooms
        self.notifications = notifications
        nodeLinks = (0..<nodes).map { target in
            NetworkLink(profile: nodeLink, random: engine.random("gateway.node_link", entity: UInt64(id) << 32 | UInt64(target)))
        }
    }

    // MARK: Connections

    /// Authenticates `token` and opens a connection to `peer`, who reads `readBytesPerSecond`.
    ///
    /// A user whose session is still kept gets its rooms back, and each room in `resume`
    /// recovers the messages after the client's offset (or says it cannot).
    public func connect(token: AccessToken, peer: Peer, readBytesPerSecond: Double = .infinity,
                        resume: [RoomOffset] = [], link: LinkProfile? = nil) async -> ConnectResult {
        await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
            if let service = connectStation.arrive(at: engine.now, completion: { _, _ in continuation.resume() }) {
                schedule(service, at: .connect)
            }
        }
        switch token.authenticate(at: engine.now) {
        case .failure(let rejection):
            return .rejected(rejection)
        case .success(let user):
            // The downlink's randomness follows the node's n-th connection, whatever slot it takes.
            let random = engine.random("gateway.downlink", entity: UInt64(connections.nextSerial))
            let connection = open(GatewayConnection(
                user: user, downlink: NetworkLink(profile: link ?? clientLink, random: random),
                outbox: ConnectionOutbox(byteCap: configuration.outboxByteCap, policy: configuration.slowConsumer),
                readBytesPerSecond: readBytesPerSecond), to: peer)
            report(presence.connected(user: user, connection: connection, at: engine.now))
            startSweeping()
            guard let rooms = sessions.resume(user, at: engine.now) else {
                return .connected(connection: connection, resumed: false)
            }
            for room in rooms { subscribe(connection, to: room) }
            for offset in resume where rooms.contains(offset.room) {
                recover(connection, user: user, from: offset)
            }
            return .connected(connection: connection, resumed: true)
        }
    }

    /// The client closes its connection; no session is kept.
    public func disconnect(_ connection: Int) {
        close(connection, .clientRequest, tellPeer: false)
    }

    /// Drops every connection at once, as a restart does; sessions are kept.
    public func dropAllConnections() {
        for connection in connections.keys { close(connection, .nodeRestart, tellPeer: true) }
    }

    /// Drops a share of the connections, each drawn at random (a network blip); sessions are
    /// kept.
    public func dropConnections(share: Double) {
        var random = engine.random("gateway.drop", entity: UInt64(id))
        for connection in connections.keys where random.nextUnitInterval() < share {
            close(connection, .nodeRestart, tellPeer: true)
        }
    }

    /// Crashes and comes straight back: every connection drops and every kept session is
    /// lost, so reconnecting clients join their rooms again and report what they missed.
    public func crash() {
        dropAllConnections()
        sessions.removeAll()
    }

    /// The client was heard from (a heartbeat answer or any request).
    public func heard(from connection: Int) {
        presence.heartbeat(connection: connection, at: engine.now)
    }

    /// A client's heartbeat. A connection the node no longer has (it was found dead while the
    /// client's network was down) is refused, so the client learns it must reconnect.
    public func ping(_ connection: Int, from peer: Peer) {
        guard connections.contains(connection) else {
            return engine.send(to: peer) { $0.connectionClosed(.heartbeatTimeout) }
        }
        heard(from: connection)
    }

    /// Cuts the connection's downlink, or restores it: the network between node and client.
    public func setDownlinkCut(_ connection: Int, _ cut: Bool) {
        guard let index = connections.index(forKey: connection) else { return }
        if cut { connections[slot: index].downlink.cut() } else { connections[slot: index].downlink.restore() }
    }

    /// Decides a request of the connection's user against their rate limit; counts as heard.
    public func admit(_ connection: Int) -> RateLimitDecision? {
        guard let user = user(of: connection) else { return nil }
        heard(from: connection)
        let decision = limiters[user, default: RateLimiter(policy: configuration.rateLimit)].decide(at: engine.now)
        if decision == .admitted {
            telemetry.record(RequestAdmitted(user: user), at: engine.now)
        } else {
            rateLimited += 1
        }
        return decision
    }

    /// Whether `user` has a live connection on this node.
    public func isOnline(_ user: Int) -> Bool { presence.isOnline(user) }

    /// Reports how loaded the node's stages were (connect, parse, fan-out) over the stations' window.
    public func reportStations() {
        let now = engine.now
        for (stage, station) in [("connect", connectStation), ("parse", parseStation), ("fanout", fanoutStation)] {
            telemetry.report(station.load(named: "gateway.\(stage)[node=\(id)]", at: now))
        }
    }

    /// When `user` was last seen on this node.
    public func lastSeen(_ user: Int) -> SimulationInstant? { presence.lastSeen[user] }

    /// The user of `connection`, if the node holds it; read without copying the connection.
    func user(of connection: Int) -> Int? {
        guard let index = connections.index(forKey: connection) else { return nil }
        return connections[slot: index].user
    }

    /// The live connections of `user` on this node, oldest first.
    func connections(of user: Int) -> [Int] { presence.connections(of: user) }

    /// Open connections.
    public var connectionCount: Int { connections.count }

    /// Connection slots allocated: the most connections the node has held at once.
    public var connectionCapacity: Int { connections.capacity }

    /// Runs each station's next service when the one before it finishes.
    func schedule(_ service: Station<GatewayNode>.Service, at stage: Stage) {
        engine.send(to: self, at: service.finishesAt) { node in
            let now = node.engine.now
            let (next, metric) = switch stage {
            case .connect: (node.connectStation.finish(at: now), node.stageLatency.connect)
            case .parse: (node.parseStation.finish(at: now), node.stageLatency.parse)
            case .fanout: (node.fanoutStation.finish(at: now), node.stageLatency.fanout)
            }
            node.telemetry.record(metric, nanoseconds: service.visit.sojourn.wholeNanoseconds, at: now)
            if let next { node.schedule(next, at: stage) }
            service.completion(node, service.visit)
        }
    }

    /// Holds a new connection to `peer`; returns its id.
    private func open(_ state: GatewayConnection, to peer: Peer) -> Int {
        let connection = connections.insert(state)
        guard let slot = connections.index(forKey: connection) else {
            preconditionFailure("connection \(connection) was just opened, so the table holds it")
        }
        if slot == peers.count { peers.append(peer) } else { peers[slot] = peer }
        return connection
    }

    /// Lets go of `connection`: its state and its peer, if the node holds it.
    private func remove(_ connection: Int) -> (state: GatewayConnection, peer: Peer)? {
        guard let slot = connections.index(forKey: connection), let state = connections.removeValue(forKey: connection),
              let peer = peers[slot].take() else { return nil }
        return (state, peer)
    }

    func close(_ connection: Int, _ reason: CloseReason, tellPeer: Bool) {
        guard let (state, peer) = remove(connection) else { return }
        forget(connection, state, reason)
        report(presence.disconnected(connection: connection, at: engine.now))
        if tellPeer { engine.send(to: peer) { $0.connectionClosed(reason) } }
    }

    /// Unsubscribes a closed connection and keeps its session unless the client asked to close.
    private func forget(_ connection: Int, _ state: GatewayConnection, _ reason: CloseReason) {
        closed[reason, default: 0] += 1
        unsubscribe(connection, user: state.user, rooms: state.rooms)
        if reason != .clientRequest, configuration.sessionKeep > .zero {
            sessions.keep(rooms: state.rooms, of: state.user, until: engine.now.advanced(by: configuration.sessionKeep))
        }
    }

    /// Tells the notification service that a user came online or went offline.
    private func report(_ change: PresenceTracker.Change?) {
        guard let change, let notifications else { return }
        let (user, online) = switch change {
        case .cameOnline(let user, _): (user, true)
        case .wentOffline(let user, _): (user, false)
        }
        engine.send(to: notifications) { $0.setOnline(user, online) }
    }

    /// Checks for dead connections every heartbeat interval while any connection is open.
    private func startSweeping() {
        guard !sweeping else { return }
        sweeping = true
        engine.send(to: self, after: configuration.heartbeatInterval) { node in node.sweep() }
    }

    private func sweep() {
        let expiry = presence.expire(at: engine.now)
        for connection in expiry.connections {
            if let (state, _) = remove(connection) { forget(connection, state, .heartbeatTimeout) }
        }
        for change in expiry.changes { report(change) }
        sessions.expire(at: engine.now)
        sweeping = false
        if !connections.isEmpty { startSweeping() }
    }
}
