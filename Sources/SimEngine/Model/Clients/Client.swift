import SimEvents
public import SimRuntime
import SimSupport

/// A synthetic client speaking the system's protocol: it connects with a token, joins rooms,
/// posts messages with client message ids, keeps each room's messages in order, and recovers
/// from lost frames and dropped connections.
///
/// Its decisions are values without I/O, each tested alone: ``RoomReception`` (duplicates,
/// order, gaps), ``OutgoingMessages`` (acks, retries, the offline queue) and ``ReceiptMarkers``
/// (receipt batches). The actor carries out what they decide with the engine's timers and its
/// network links:
///
/// - Receiving (`Client+Receiving.swift`): a message it already has is dropped; one ahead of
///   order is held back while it asks its node for the missing ones; a gap the system cannot
///   fill is reported (a reported loss, never a silent one).
/// - Sending (`Client+Sending.swift`): under at-least-once and effectively-once, a message
///   without an ack within the ack timeout, or refused by a failed write or the rate limit, is
///   sent again with the same id, up to the configured attempts.
/// - Reconnecting (here): after the node closes its connection, the client waits as its
///   ``ReconnectPolicy`` says, presents its offsets, and either gets its session back (the
///   rooms resend what it missed) or joins its rooms again and reports what it missed.
///
/// Latency is measured from the moment the sender meant to send, so a client held up by a
/// saturated system never hides the delay.
public actor Client: ConnectionPeer {
    public nonisolated let executor: ActorExecutor
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// The client's user id.
    public nonisolated let id: Int
    let context: ClientContext
    let node: GatewayNode<Client>
    /// The client's profile in the context's mix, if there is a mix.
    let profile: Int?
    var engine: Engine { context.engine }
    var telemetry: Telemetry { context.telemetry }
    var settings: SystemConfiguration { context.settings }
    var metrics: ClientMetrics { context.metrics }
    var habits: ClientHabits { context.habits }
    var random: RandomStream
    var uplink: NetworkLink
    var connection: Int?
    var reconnectAttempts = 0
    var rooms = ClientRooms()
    var outgoing = OutgoingMessages()
    /// Messages the user has sent; the next one's client message id follows.
    var sent = 0
    var receiptsScheduled = false
    var hasVanished = false
    var hasConnected = false
    var historyPagesWanted = 0
    var disconnectedAt: SimulationInstant?
    var conversation: Conversation?

    /// Creates the client of user `id`, served by its node in the context's system, of profile
    /// `profile` in the context's mix.
    public init(id: Int, context: ClientContext, profile: Int? = nil) {
        let engine = context.engine
        executor = engine.makeExecutor(label: "client-\(id)")
        self.id = id
        self.context = context
        self.profile = profile
        node = context.system.node(forUser: id)
        random = engine.random("client.behaviour", entity: UInt64(id))
        let link = profile.flatMap { context.profiles[$0].link } ?? context.settings.network.clientLink
        uplink = NetworkLink(profile: link, random: engine.random("client.uplink", entity: UInt64(id)))
    }

    /// Creates the client of user `id`, served by `system`'s node for the user.
    public init(id: Int, system: MessagingSystem<Client>, habits: ClientHabits = ClientHabits()) {
        self.init(id: id, context: ClientContext(system: system, habits: habits))
    }

    /// The client's profile, if the scenario mixes profiles.
    var clientProfile: ClientProfile? { profile.map { context.profiles[$0] } }

    /// Whether the client is connected now.
    public var isConnected: Bool { connection != nil }

    /// Duplicate messages dropped so far.
    public internal(set) var duplicatesDropped = 0

    /// The last sequence the client has of `room`, in order.
    public func lastSequence(of room: Int) -> Int? { rooms[room]?.reception.last }

    // MARK: Connecting

    /// Connects with a token valid for the rest of the run; returns whether it connected.
    @discardableResult
    public func connect() async -> Bool {
        let token = AccessToken(user: id, expiresAt: SimulationInstant(nanoseconds: .max))
        let offsets = rooms.values.map(\.reception.offset)
        guard case .connected(let connection, let resumed) = await node.connect(token: token, peer: self, resume: offsets,
                                                                                 link: clientProfile?.link)
        else { return false }
        if !hasConnected { scheduleNetworkDrop() }
        hasConnected = true
        self.connection = connection
        reconnectAttempts = 0
        telemetry.adjust(.connectedClients, by: 1, at: engine.now)
        if let since = disconnectedAt {
            record(metrics.reconnectLatency, since: since)
            disconnectedAt = nil
        }
        if resumed {
            // The rooms resend what was missed; live messages that overtake it wait for it.
            for index in rooms.values.indices { rooms[at: index].reception.resumed(at: engine.now) }
        } else {
            for room in rooms.ids {
                guard let role = rooms[room]?.role else { continue }
                guard let offset = await node.join(connection, room: room, as: role) else { return false }
                guard let index = rooms.index(of: room) else { continue }
                perform(rooms[at: index].reception.rejoined(at: offset), in: room)
            }
        }
        startHeartbeat(connection)
        perform(outgoing.connected(policy: context.sendPolicy))
        return true
    }

    /// Joins `room` with `role` (connect first).
    public func join(_ room: Int, as role: RoomRole = .member) async {
        guard let connection, rooms[room] == nil,
              let offset = await node.join(connection, room: room, as: role) else { return }
        rooms[room] = ClientRoom(joinedAt: offset, role: role)
    }

    /// Asks for the page of `room`'s history before `cursor` (the newest page when nil); the
    /// page arrives as a frame, and the client asks for the next older one while `pages` remain.
    public func readHistory(of room: Int, before cursor: Int? = nil, pages: Int = 1) {
        guard let connection, rooms[room] != nil, pages > 0 else { return }
        historyPagesWanted = pages
        toNode { node in node.history(connection, room: room, before: cursor) }
    }

    /// Leaves `room`: the client forgets it at once and ignores its frames still on the way.
    public func leave(_ room: Int) {
        guard let connection, rooms.remove(room) else { return }
        toNode { node in node.leave(connection, room: room) }
    }

    /// Closes the connection by request; the client does not reconnect.
    public func disconnect() {
        guard let connection else { return }
        self.connection = nil
        telemetry.adjust(.connectedClients, by: -1, at: engine.now)
        engine.send(to: node) { $0.disconnect(connection) }
    }

    /// The user's session ends: the client leaves its rooms, disconnects cleanly and is gone
    /// for good (rooms owe it nothing more).
    public func endSession() {
        guard let connection, !hasVanished else { return }
        for room in rooms.ids { leave(room) }
        self.connection = nil
        hasVanished = true
        telemetry.adjust(.connectedClients, by: -1, at: engine.now)
        // Over the uplink, after the leaves.
        toNode { node in node.disconnect(connection) }
    }

    /// The client's network fails for `duration`: frames both ways are lost, and nothing tells
    /// either end. If the node finds the connection dead meanwhile, the client learns it from
    /// its first heartbeat after the network returns, and reconnects.
    public func loseNetwork(for duration: Duration) {
        uplink.cut()
        let connection = connection
        if let connection { engine.send(to: node) { $0.setDownlinkCut(connection, true) } }
        engine.send(to: self, after: duration) { client in
            client.uplink.restore()
            if let connection { client.engine.send(to: client.node) { $0.setDownlinkCut(connection, false) } }
        }
    }

    /// Drops the network now and then, as the profile says (a flaky connection).
    private func scheduleNetworkDrop() {
        guard let drops = clientProfile?.networkDrops else { return }
        let gap = Distribution.exponential(mean: Double(drops.every.wholeNanoseconds) / 1e9)
        engine.send(to: self, after: .nanoseconds(gap.sampleNanoseconds(using: &random))) { client in
            guard !client.hasVanished else { return }
            client.loseNetwork(for: drops.lasting)
            client.scheduleNetworkDrop()
        }
    }

    /// The client disappears without closing its connection (a closed laptop, a dead phone):
    /// it sends nothing more and never comes back; the node finds out by heartbeat timeout.
    public func vanish() {
        guard connection != nil else { return }
        connection = nil
        telemetry.adjust(.connectedClients, by: -1, at: engine.now)
        hasVanished = true
    }

    public func connectionClosed(_ reason: CloseReason) {
        guard !hasVanished else { return }
        guard connection != nil else { return }
        connection = nil
        disconnectedAt = engine.now
        telemetry.adjust(.connectedClients, by: -1, at: engine.now)
        scheduleReconnect()
    }

    private func scheduleReconnect() {
        reconnectAttempts += 1
        guard let delay = settings.clients.reconnect.delay(attempt: reconnectAttempts, using: &random) else { return }
        engine.send(to: self, after: delay) { client in
            client.engine.spawn {
                if await !client.connect() { await client.scheduleReconnect() }
            }
        }
    }

    /// Tells the node the client is alive once per heartbeat interval while connected.
    private func startHeartbeat(_ connection: Int) {
        engine.send(to: self, after: settings.gateway.heartbeatInterval) { client in
            guard client.connection == connection else { return }
            client.toNode { node in node.ping(connection, from: client) }
            client.startHeartbeat(connection)
        }
    }

    /// Sends a request over the uplink; a lost frame never arrives.
    func toNode(_ body: @escaping @Sendable (isolated GatewayNode<Client>) -> Void) {
        guard case .arrives(let arrival) = uplink.transmit(at: engine.now) else { return }
        engine.send(to: node, at: arrival, body)
    }

    /// Records the latency of `handle` from `start` to now.
    func record(_ handle: LatencyHandle, since start: SimulationInstant) {
        telemetry.record(handle, since: start, now: engine.now)
    }
}
