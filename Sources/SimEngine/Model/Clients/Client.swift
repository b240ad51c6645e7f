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
    // The actor's state below is touched only on its executor, one callback at a time, and no
    // access to a property spans a call that could reach the same property again: exclusivity is
    // proven by construction, and not checked at run time on paths that run once per delivery.
    @exclusivity(unchecked) var random: RandomStream
    @exclusivity(unchecked) var uplink: NetworkLink
    var connection: Int?
    var reconnectAttempts = 0
    @exclusivity(unchecked) var rooms = ClientRooms()
    @exclusivity(unchecked) var outgoing = OutgoingMessages()
    /// Messages the user has sent; the next one's client message id follows.
    var sent = 0
    var receiptsScheduled = false
    var hasVanished = false
    /// Whether the user's session is ending: the client leaves its rooms, then disconnects.
    var isEnding = false
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
        // A leave that a lost connection interrupted is not finished: what it was owed, if it
        // knows, is reported missing, and the room let go.
        for room in rooms.ids where rooms[room]?.isLeaving == true { stopWaiting(for: room) }
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
        openDocument(room)
    }

    /// Asks for the page of `room`'s history before `cursor` (the newest page when nil); the
    /// page arrives as a frame, and the client asks for the next older one while `pages` remain.
    public func readHistory(of room: Int, before cursor: Int? = nil, pages: Int = 1) {
        guard let connection, rooms[room] != nil, pages > 0 else { return }
        historyPagesWanted = pages
        toNode { node in node.history(connection, room: room, before: cursor) }
    }

    /// Leaves `room`. The room answers with what it owes the client, every message it accepted
    /// until the leave took effect; the client shows or fetches what it lacks of those, then
    /// lets the room go. It posts nothing more there meanwhile. A leave that goes unanswered
    /// (its request or its answer was lost) is asked again, once per ack timeout, up to
    /// ``RoomReception/leaveCheckLimit`` checks.
    public func leave(_ room: Int) {
        guard let connection, let index = rooms.index(of: room), !rooms[at: index].isLeaving else { return }
        rooms[at: index].isLeaving = true
        toNode { node in node.leave(connection, room: room) }
        checkLeave(of: room)
    }

    /// Looks at an unfinished leave after the ack timeout and does what its reception decides.
    func checkLeave(of room: Int) {
        engine.send(to: self, after: settings.delivery.ackTimeout) { client in
            guard let index = client.rooms.index(of: room), client.rooms[at: index].isLeaving else { return }
            let step = client.rooms[at: index].reception.checkLeave(connected: client.connection != nil)
            guard let connection = client.connection else { return client.stopWaiting(for: room) }
            switch step {
            case .askAgain:
                client.toNode { node in node.leave(connection, room: room) }
            case .fetch(let offset):
                client.toNode { node in node.fetchMissing(connection, after: offset) }
            case .stopWaiting:
                return client.stopWaiting(for: room)
            }
            client.checkLeave(of: room)
        }
    }

    /// Stops waiting for what a room still owes the client: what it knows it lacks is reported
    /// missing, and the room is let go.
    func stopWaiting(for room: Int) {
        guard let index = rooms.index(of: room) else { return }
        perform(rooms[at: index].reception.giveUpLeaving(), in: room)
        _ = rooms.remove(room)
    }

    /// The client has everything `room` owed it: it forgets the room, and a session that was
    /// ending and has no room left ends.
    func letGo(of room: Int) {
        _ = rooms.remove(room)
        if isEnding, rooms.values.isEmpty { finishSession() }
    }

    /// Closes the connection by request; the client does not reconnect.
    public func disconnect() {
        guard let connection else { return }
        self.connection = nil
        telemetry.adjust(.connectedClients, by: -1, at: engine.now)
        engine.send(to: node) { $0.disconnect(connection) }
    }

    /// The user's session ends: the client leaves its rooms, takes what they still owe it (for
    /// as long as a leave is checked), then disconnects cleanly and is gone for good.
    public func endSession() {
        guard connection != nil, !hasVanished, !isEnding else { return }
        isEnding = true
        conversation = nil
        for room in rooms.ids { leave(room) }
        guard !rooms.values.isEmpty else { return finishSession() }
        engine.send(to: self, after: settings.delivery.ackTimeout * RoomReception.leaveCheckLimit) { $0.finishSession() }
    }

    /// Ends an ending session: what the rooms still owe is reported missing, and the client
    /// disconnects.
    private func finishSession() {
        guard isEnding, !hasVanished else { return }
        // Gone first, so that letting the last room go does not end the session again.
        hasVanished = true
        for room in rooms.ids { stopWaiting(for: room) }
        guard let connection else { return }
        self.connection = nil
        telemetry.adjust(.connectedClients, by: -1, at: engine.now)
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
        let gap = Distribution.exponential(mean: drops.every.inSeconds)
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
        telemetry.adjust(.connectedClients, by: -1, at: engine.now)
        // A session that was ending ends here.
        guard !isEnding else { return finishSession() }
        disconnectedAt = engine.now
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
