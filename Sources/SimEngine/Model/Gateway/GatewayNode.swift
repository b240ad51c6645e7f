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
/// A connection's socket drains its queue at the reader's pace: a frame of b bytes takes
/// b / `readBytesPerSecond` to write, then crosses the link. A reader slower than the frames
/// sent to it fills the queue up to the byte cap, and the slow-consumer policy drops frames or
/// closes the connection. Clients must be heard from (any request or heartbeat) within the
/// heartbeat interval plus timeout, or the node closes their connection as dead and the user
/// goes offline when their last connection goes. A connection that closes for any reason but
/// the client's request leaves a session behind for `session_keep`, so that a client that
/// reconnects in time gets its rooms back and recovers what it missed.
public actor GatewayNode<Peer: ConnectionPeer>: ModelActor, BusSubscriber {
    public nonisolated let executor: ActorExecutor
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// What a connection attempt got.
    public enum ConnectResult: Equatable, Sendable {
        /// Connected; `resumed` says whether a kept session gave the connection its rooms back.
        case connected(connection: Int, resumed: Bool)
        case rejected(AccessToken.Rejection)
    }

    private struct Connection {
        var user: Int
        var peer: Peer
        var downlink: NetworkLink
        var outbox: ConnectionOutbox<ServerFrame>
        var nanosecondsPerByte: Double
        var isWriting = false
        var rooms: [Int] = []
        /// Requests are parsed in parallel but passed on in the order they arrived.
        var parsed = OrderedCompletion<ParsedRequest>()
    }

    /// A parsed request on its way to its room's home node.
    private struct ParsedRequest: Sendable {
        var room: Int
        var forward: @Sendable (Engine) -> Void
    }

    private struct Session {
        var rooms: [Int]
        var keptUntil: SimulationInstant
    }

    /// The node's id.
    public nonisolated let id: Int
    public nonisolated var busNode: Int { id }
    private let engine: Engine
    private let telemetry: Telemetry
    private let configuration: GatewayConfiguration
    private let clientLink: LinkProfile
    private var connectStation: Station<GatewayNode>
    private var parseStation: Station<GatewayNode>
    private var fanoutStation: Station<GatewayNode>
    /// Wait plus service at each station.
    private let stageLatency: (connect: LatencyHandle, parse: LatencyHandle, fanout: LatencyHandle)
    private var rooms: [Room<Peer>] = []
    private var notifications: NotificationService?
    private var nodeLinks: [NetworkLink] = []
    private var connections: ConnectionTable<Connection>
    private var subscribers: [Int: [Int]] = [:]
    /// Per (room, user): how many of the user's connections here are in the room. Presence is
    /// announced to a room when this goes from 0 to 1 and from 1 to 0.
    private var presentInRoom: [RoomMember: Int] = [:]
    private let presenceDelay: Duration
    private var sessions: [Int: Session] = [:]
    private var nextConnection = 0
    private var limiters: [Int: RateLimiter] = [:]
    private var presence: PresenceTracker
    private var sweeping = false
    private var fanoutPeers: [Peer] = []
    private var fanoutArrivals: [SimulationInstant] = []
    /// Frames dropped by full outbound queues.
    public private(set) var droppedFrames = 0
    /// Connections closed, by reason.
    public private(set) var closed: [CloseReason: Int] = [:]
    /// Requests refused by the rate limit.
    public private(set) var rateLimited = 0

    /// Creates node `id`.
    public init(engine: Engine, telemetry: Telemetry, id: Int, configuration: GatewayConfiguration, capacity: CapacityConfiguration = CapacityConfiguration(),
                clientLink: LinkProfile, presenceDelay: Duration = .seconds(1)) {
        self.presenceDelay = presenceDelay
        executor = engine.makeExecutor(label: "gateway-\(id)")
        self.id = id
        self.engine = engine
        self.telemetry = telemetry
        self.configuration = configuration
        self.clientLink = clientLink
        let entity = UInt64(id)
        connectStation = Station(capacity.connect, random: engine.random("station.gateway.connect", entity: entity))
        parseStation = Station(capacity.parse, random: engine.random("station.gateway.parse", entity: entity))
        fanoutStation = Station(capacity.fanout, random: engine.random("station.gateway.fanout", entity: entity))
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
            let connection = (id << 32) | nextConnection
            nextConnection += 1
            let random = engine.random("gateway.downlink", entity: UInt64(connection))
            connections[connection] = Connection(
                user: user, peer: peer, downlink: NetworkLink(profile: link ?? clientLink, random: random),
                outbox: ConnectionOutbox(byteCap: configuration.outboxByteCap, policy: configuration.slowConsumer),
                nanosecondsPerByte: readBytesPerSecond.isInfinite ? 0 : 1e9 / readBytesPerSecond)
            report(presence.connected(user: user, connection: connection, at: engine.now))
            startSweeping()
            guard let session = sessions.removeValue(forKey: user), session.keptUntil >= engine.now else {
                return .connected(connection: connection, resumed: false)
            }
            for room in session.rooms { subscribe(connection, to: room) }
            for offset in resume where session.rooms.contains(offset.room) {
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
        guard connections[connection] != nil else {
            return engine.send(to: peer) { $0.connectionClosed(.heartbeatTimeout) }
        }
        heard(from: connection)
    }

    /// Cuts the connection's downlink, or restores it: the network between node and client.
    public func setDownlinkCut(_ connection: Int, _ cut: Bool) {
        guard connections[connection] != nil else { return }
        if cut { connections[connection]!.downlink.cut() } else { connections[connection]!.downlink.restore() }
    }

    /// Decides a request of the connection's user against their rate limit; counts as heard.
    public func admit(_ connection: Int) -> RateLimitDecision? {
        guard let user = connections[connection]?.user else { return nil }
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

    /// When `user` was last seen on this node.
    public func lastSeen(_ user: Int) -> SimulationInstant? { presence.lastSeen[user] }

    /// Open connections.
    public var connectionCount: Int { connections.count }

    // MARK: Rooms

    /// Joins the connection's user to `room` with `role`; returns where the user starts in the
    /// room's history, or nil if the connection is gone.
    public func join(_ connection: Int, room: Int, as role: RoomRole) async -> RoomOffset? {
        guard let user = connections[connection]?.user, rooms.indices.contains(room) else { return nil }
        heard(from: connection)
        // Subscribe first, so that no message the room accepts after the join can miss the node.
        subscribe(connection, to: room)
        return await rooms[room].join(user, as: role)
    }

    /// The connection's user leaves `room`, or, as the room's admin, removes `user` from it.
    public func leave(_ connection: Int, room: Int, removing user: Int? = nil) {
        guard let actor = connections[connection]?.user, rooms.indices.contains(room) else { return }
        heard(from: connection)
        let subject = user ?? actor
        let target = rooms[room]
        toHomeNode(of: room) { engine in engine.send(to: target) { $0.remove(subject, by: actor) } }
    }

    /// Stops sending `room`'s frames to every connection of `user` here.
    public func unsubscribe(user: Int, from room: Int) {
        for connection in presence.connections(of: user) where connections[connection]?.rooms.contains(room) == true {
            connections[connection]!.rooms.removeAll { $0 == room }
            unsubscribe(connection, user: user, rooms: [room])
        }
    }

    /// A post arrives from `connection`: it is rate limited, parsed, and passed to its room,
    /// which answers the connection with an ack or a refusal.
    public func post(from connection: Int, room: Int, clientMessage: UInt64, bytes: Int, sentAt: SimulationInstant) {
        guard connections[connection] != nil, rooms.indices.contains(room) else { return }
        if case .limited(let retryAfter) = admit(connection) {
            send(.rateLimited(room: room, clientMessage: clientMessage, retryAfter: retryAfter), to: connection)
            return
        }
        let user = connections[connection]!.user
        let target = rooms[room]
        let origin = id
        parse(for: connection, toward: room) { engine in
            engine.send(to: target) { room in
                room.post(from: user, clientMessage: clientMessage, bytes: bytes, sentAt: sentAt,
                          replyTo: origin, connection: connection)
            }
        }
    }

    /// Parses a request of `connection` to `room`, then runs `forward` once it reaches the
    /// room's home node. The parse servers work in parallel, but a connection's requests leave
    /// in the order they came, as one socket's frames do.
    private func parse(for connection: Int, toward room: Int, _ forward: @escaping @Sendable (Engine) -> Void) {
        let ticket = connections[connection]!.parsed.start()
        let request = ParsedRequest(room: room, forward: forward)
        let service = parseStation.arrive(at: engine.now) { node, _ in
            guard let due = node.connections[connection]?.parsed.finish(ticket, request) else { return }
            for request in due { node.toHomeNode(of: request.room, request.forward) }
        }
        if let service { schedule(service, at: .parse) }
    }

    /// The connection's user is typing in `room`, as its client meant at `sentAt`.
    public func typing(_ connection: Int, room: Int, sentAt: SimulationInstant) {
        guard let user = connections[connection]?.user, rooms.indices.contains(room) else { return }
        heard(from: connection)
        let target = rooms[room]
        toHomeNode(of: room) { engine in engine.send(to: target) { $0.typing(user, sentAt: sentAt) } }
    }

    /// The connection's user moved its cursor in `room`, as its client meant at `sentAt`.
    public func cursor(_ connection: Int, room: Int, sentAt: SimulationInstant) {
        guard let user = connections[connection]?.user, rooms.indices.contains(room) else { return }
        heard(from: connection)
        let target = rooms[room]
        toHomeNode(of: room) { engine in engine.send(to: target) { $0.cursor(user, sentAt: sentAt) } }
    }

    /// The connection's user has received (or read) `room` up to `upTo`.
    public func receipt(_ connection: Int, room: Int, _ kind: ReceiptKind, upTo: Int,
                        sentAt: SimulationInstant? = nil) {
        let sentAt = sentAt ?? engine.now
        guard let user = connections[connection]?.user, rooms.indices.contains(room) else { return }
        heard(from: connection)
        let target = rooms[room]
        toHomeNode(of: room) { engine in engine.send(to: target) { $0.receipt(user, kind, upTo: upTo, sentAt: sentAt) } }
    }

    /// Writes `frame` to every connection of `user` on this node.
    public func send(_ frame: ServerFrame, toUser user: Int) {
        for connection in presence.connections(of: user) { send(frame, to: connection) }
    }

    /// The client saw a gap in `offset.room` after `offset.sequence`: asks the room for the rest.
    public func fetchMissing(_ connection: Int, after offset: RoomOffset) {
        guard let user = connections[connection]?.user, rooms.indices.contains(offset.room) else { return }
        heard(from: connection)
        recover(connection, user: user, from: offset)
    }

    /// The connection asks for the page of `room`'s history before `cursor` (newest when nil).
    public func history(_ connection: Int, room: Int, before cursor: Int?) {
        guard connections[connection] != nil, rooms.indices.contains(room) else { return }
        heard(from: connection)
        let target = rooms[room]
        let origin = id
        toHomeNode(of: room) { engine in
            engine.send(to: target) { $0.history(before: cursor, replyTo: origin, connection: connection) }
        }
    }

    /// Fans a room's message out to this node's connections in the room.
    public func deliver(_ broadcast: RoomBroadcast) {
        guard let local = subscribers[broadcast.room], !local.isEmpty else { return }
        let service = fanoutStation.arrive(at: engine.now, scale: Double(local.count)) { node, _ in
            node.write(broadcast.frame, toSubscribersOf: broadcast.room)
        }
        if let service { schedule(service, at: .fanout) }
    }

    public func receiveFromBus(_ message: RoomBroadcast, offset: Int) {
        deliver(message)
    }

    // MARK: Writing frames

    /// Queues `frame` for `connection`.
    public func send(_ frame: ServerFrame, to connection: Int) {
        send(frame, bytes: frame.bytes, to: connection)
    }

    /// Queues `frame` of `bytes` for `connection`.
    public func send(_ frame: ServerFrame, bytes: Int, to connection: Int) {
        guard let index = connections.index(forKey: connection) else { return }
        if connections[slot: index].nanosecondsPerByte == 0, !connections[slot: index].isWriting {
            // A reader at wire speed with nothing queued: the frame goes straight onto the link.
            if case .arrives(let arrival) = connections[slot: index].downlink.transmit(at: engine.now) {
                engine.send(to: connections[slot: index].peer, at: arrival) { $0.receive(frame) }
            }
            return
        }
        switch connections[slot: index].outbox.offer(frame, bytes: bytes) {
        case .queued:
            if !connections[connection]!.isWriting { writeNext(connection) }
        case .dropped:
            droppedFrames += 1
        case .disconnect:
            close(connection, .slowConsumer, tellPeer: true)
        }
    }

    /// Writes `frame` to every local subscriber of `room`. Connections that read at wire speed
    /// and have nothing queued skip their queue, and all of them share one fan-out callback.
    private func write(_ frame: ServerFrame, toSubscribersOf room: Int) {
        guard let local = subscribers[room] else { return }
        let now = engine.now
        fanoutPeers.removeAll(keepingCapacity: true)
        fanoutArrivals.removeAll(keepingCapacity: true)
        for connection in local {
            // One lookup and no copy of the connection: this loop runs once per delivery.
            guard let index = connections.index(forKey: connection) else { continue }
            guard connections[slot: index].nanosecondsPerByte == 0, !connections[slot: index].isWriting else {
                send(frame, to: connection)
                continue
            }
            // The same fast path as `send`, gathered into one shared fan-out callback.
            if case .arrives(let arrival) = connections[slot: index].downlink.transmit(at: now) {
                fanoutPeers.append(connections[slot: index].peer)
                fanoutArrivals.append(arrival)
            }
        }
        engine.send(to: fanoutPeers, at: fanoutArrivals) { peer in peer.receive(frame) }
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
            engine.send(to: state.peer, at: arrival) { $0.receive(frame) }
        }
        connections[connection] = state
        engine.send(to: self, at: written) { node in node.writeNext(connection) }
    }

    // MARK: Internals

    /// Runs `body` when a message from this node reaches the home node of `room`: at once on
    /// the home node, after a node-link hop from any other.
    private func toHomeNode(of room: Int, _ body: @escaping @Sendable (Engine) -> Void) {
        let home = room % Swift.max(1, nodeLinks.count)
        guard home != id else { return body(engine) }
        guard case .arrives(let arrival) = nodeLinks[home].transmit(at: engine.now) else { return }
        engine.send(to: self, at: arrival) { node in body(node.engine) }
    }

    private func recover(_ connection: Int, user: Int, from offset: RoomOffset) {
        let target = rooms[offset.room]
        let origin = id
        toHomeNode(of: offset.room) { engine in
            engine.send(to: target) { room in room.recover(user: user, from: offset, replyTo: origin, connection: connection) }
        }
    }

    private struct RoomMember: Hashable {
        var room: Int
        var user: Int
    }

    private func subscribe(_ connection: Int, to room: Int) {
        guard let user = connections[connection]?.user, !connections[connection]!.rooms.contains(room) else { return }
        connections[connection]!.rooms.append(room)
        subscribers[room, default: []].append(connection)
        let member = RoomMember(room: room, user: user)
        presentInRoom[member, default: 0] += 1
        if presentInRoom[member] == 1 { announce(user, online: true, in: room) }
    }

    private func unsubscribe(_ connection: Int, user: Int, rooms: [Int]) {
        for room in rooms {
            subscribers[room]?.removeAll { $0 == connection }
            if subscribers[room]?.isEmpty == true { subscribers[room] = nil }
            let member = RoomMember(room: room, user: user)
            presentInRoom[member, default: 1] -= 1
            if presentInRoom[member] == 0 {
                presentInRoom[member] = nil
                announce(user, online: false, in: room)
            }
        }
    }

    /// Tells `room`'s members, after the presence delay, that `user` came or went.
    private func announce(_ user: Int, online: Bool, in room: Int) {
        guard rooms.indices.contains(room) else { return }
        let target = rooms[room]
        let changedAt = engine.now
        telemetry.record(PresenceChanged(room: room, user: user, online: online), at: changedAt)
        engine.send(to: self, after: presenceDelay) { node in
            node.toHomeNode(of: room) { engine in
                engine.send(to: target) { $0.presence(user, isOnline: online, at: changedAt) }
            }
        }
    }

    /// The node's stations.
    private enum Stage: Sendable {
        case connect, parse, fanout
    }

    private func schedule(_ service: Station<GatewayNode>.Service, at stage: Stage) {
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

    private func close(_ connection: Int, _ reason: CloseReason, tellPeer: Bool) {
        guard let state = connections.removeValue(forKey: connection) else { return }
        forget(connection, state, reason)
        report(presence.disconnected(connection: connection, at: engine.now))
        if tellPeer { engine.send(to: state.peer) { $0.connectionClosed(reason) } }
    }

    /// Unsubscribes a closed connection and keeps its session unless the client asked to close.
    private func forget(_ connection: Int, _ state: Connection, _ reason: CloseReason) {
        closed[reason, default: 0] += 1
        unsubscribe(connection, user: state.user, rooms: state.rooms)
        if reason != .clientRequest, configuration.sessionKeep > .zero {
            sessions[state.user] = Session(rooms: state.rooms, keptUntil: engine.now.advanced(by: configuration.sessionKeep))
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
            if let state = connections.removeValue(forKey: connection) { forget(connection, state, .heartbeatTimeout) }
        }
        for change in expiry.changes { report(change) }
        let now = engine.now
        sessions = sessions.filter { $0.value.keptUntil >= now }
        sweeping = false
        if !connections.isEmpty { startSweeping() }
    }
}
