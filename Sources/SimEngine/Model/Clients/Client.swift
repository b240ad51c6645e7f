import SimSupport
public import SimRuntime
import SimEvents

/// A synthetic client speaking the system's protocol: it connects with a token, joins rooms,
/// posts messages with client message ids, keeps each room's messages in order, and recovers
/// from lost frames and dropped connections.
///
/// - Receiving: a message it already has is a duplicate and is dropped; one ahead of the next
///   expected sequence is held back while the client asks its node for the missing ones. When
///   the system answers that they cannot be given, the client reports the gap (a reported loss,
///   never a silent one) and moves on.
/// - Sending: under at-least-once and effectively-once, a message without an ack within the ack
///   timeout, or refused by a failed write or the rate limit, is sent again with the same id,
///   up to the configured attempts.
/// - Reconnecting: after the node closes its connection, the client waits as its
///   ``ReconnectPolicy`` says, presents its offsets, and either gets its session back (the
///   rooms resend what it missed) or joins its rooms again and reports what it missed.
///
/// Latency is measured from the moment the sender meant to send, so a client held up by a
/// saturated system never hides the delay.
public actor Client: ConnectionPeer {
    public nonisolated let executor: ActorExecutor
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    private struct RoomState {
        var room: Int
        var role: RoomRole
        /// The room's last sequence when the client joined: earlier messages are not its own.
        var joinedAfter: Int
        var epoch: UInt64
        var last: Int
        var heldBack: [Int: RoomMessage] = [:]
        var fetchingSince: SimulationInstant?
        var lastTyping: SimulationInstant?
        /// Receipt markers sent: delivered and read up to.
        var deliveredSent = 0
        var readSent = 0
        /// Delivered up to, as of the last receipt batch: read by the next.
        var readable = 0
    }

    /// The client's rooms in the order it joined them: a small array (clients are in a few
    /// rooms), cheaper than a dictionary for an idle client.
    private struct Rooms {
        var values: [RoomState] = []

        func index(forKey room: Int) -> Int? { values.firstIndex { $0.room == room } }

        subscript(room: Int) -> RoomState? {
            get { index(forKey: room).map { values[$0] } }
            set {
                switch (index(forKey: room), newValue) {
                case (let index?, let state?): values[index] = state
                case (let index?, nil): values.remove(at: index)
                case (nil, let state?): values.append(state)
                case (nil, nil): break
                }
            }
        }

        mutating func removeValue(forKey room: Int) -> RoomState? {
            guard let index = index(forKey: room) else { return nil }
            return values.remove(at: index)
        }

        /// A room drawn at random, or nil without rooms.
        func random(using random: inout RandomStream) -> Int? {
            values.isEmpty ? nil : values[Int(random.next(below: UInt64(values.count)))].room
        }
    }

    private struct PendingPost {
        var room: Int
        var bytes: Int
        var sentAt: SimulationInstant
        var attempts: Int
    }

    /// The client's user id.
    public nonisolated let id: Int
    private let context: ClientContext
    private let node: GatewayNode<Client>
    /// The client's profile in the context's mix, if there is a mix.
    private let profile: Int?
    private var engine: Engine { context.engine }
    private var telemetry: Telemetry { context.telemetry }
    private var settings: SystemConfiguration { context.settings }
    private var metrics: ClientMetrics { context.metrics }
    private var habits: ClientHabits { context.habits }
    private var random: RandomStream
    private var uplink: NetworkLink
    private var connection: Int?
    private var reconnectAttempts = 0
    private var rooms = Rooms()
    /// The rooms' ids in the order the client joined them.
    private var roomOrder: [Int] { rooms.values.map(\.room) }
    private var pending: [UInt64: PendingPost] = [:]
    private var sent = 0
    private var receiptsScheduled = false
    private var hasVanished = false
    private var hasConnected = false
    private var historyPagesWanted = 0
    private var disconnectedAt: SimulationInstant?

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

    /// The client's profile, if the scenario mixes profiles.
    private var clientProfile: ClientProfile? { profile.map { context.profiles[$0] } }

    /// Creates the client of user `id`, served by `system`'s node for the user.
    public init(id: Int, system: MessagingSystem<Client>, habits: ClientHabits = ClientHabits()) {
        self.init(id: id, context: ClientContext(system: system, habits: habits))
    }

    /// Whether the client is connected now.
    public var isConnected: Bool { connection != nil }

    /// Duplicate messages dropped so far.
    public private(set) var duplicatesDropped = 0

    /// The last sequence the client has of `room`, in order.
    public func lastSequence(of room: Int) -> Int? { rooms[room]?.last }

    // MARK: Connecting

    /// Connects with a token valid for the rest of the run; returns whether it connected.
    @discardableResult
    public func connect() async -> Bool {
        let token = AccessToken(user: id, expiresAt: SimulationInstant(nanoseconds: .max))
        let offsets = roomOrder.map { RoomOffset(room: $0, epoch: rooms[$0]!.epoch, sequence: rooms[$0]!.last) }
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
            for room in roomOrder { rooms[room]!.fetchingSince = engine.now }
        } else {
            for room in roomOrder {
                guard let offset = await node.join(connection, room: room, as: rooms[room]!.role) else { return false }
                catchUp(room, to: offset)
            }
        }
        startHeartbeat(connection)
        for (clientMessage, _) in pending.sorted(by: { $0.key < $1.key }) { transmit(clientMessage) }
        return true
    }

    /// Joins `room` with `role` (connect first).
    public func join(_ room: Int, as role: RoomRole = .member) async {
        guard let connection, rooms[room] == nil,
              let offset = await node.join(connection, room: room, as: role) else { return }
        // Messages from before the join are not the client's to acknowledge.
        rooms[room] = RoomState(room: room, role: role, joinedAfter: offset.sequence, epoch: offset.epoch, last: offset.sequence,
                                deliveredSent: offset.sequence, readSent: offset.sequence, readable: offset.sequence)
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
        guard let connection, rooms.removeValue(forKey: room) != nil else { return }
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
        for room in roomOrder { leave(room) }
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

    // MARK: Sending

    /// One client's conversation: when its next message is meant to go, and where.
    private struct Conversation {
        var end: SimulationInstant
        var thinkTime: Distribution
        var messageBytes: Int
        var intended: SimulationInstant
        var room: Int?
    }

    private var conversation: Conversation?

    /// Greets its first room at once, then posts messages of `messageBytes` until `end`, each
    /// `thinkTime` (seconds) after the previous one was meant to go, typing first if that is its
    /// habit. Driven by timers, so an idle client holds no task.
    ///
    /// Clients that start together greet together, so their first messages race into shared
    /// rooms at the same instant and the scheduler's interleaving decides each room's order.
    public func startConversation(until end: SimulationInstant, thinkTime: Distribution, messageBytes: Int) {
        conversation = Conversation(end: end, thinkTime: thinkTime, messageBytes: messageBytes, intended: engine.now,
                                    room: rooms.values.first?.room)
        scheduleTurn()
    }

    /// Schedules the next message (and the typing before it).
    private func scheduleTurn() {
        guard let next = conversation, next.intended < next.end, !hasVanished else {
            conversation = nil
            return
        }
        // Without a room yet (an agent waiting for customers) or after leaving one, the client
        // lets the moment pass.
        if habits.typesBeforeSending, let room = next.room, rooms[room]?.role.canPost == true {
            let typingAt = next.intended.advanced(by: .zero - habits.composeTime)
            if typingAt > engine.now { engine.send(to: self, at: typingAt) { $0.typing(in: room) } }
        }
        engine.send(to: self, at: next.intended) { $0.takeTurn() }
    }

    private func takeTurn() {
        guard var turn = conversation, !hasVanished else { return }
        if let room = turn.room, rooms[room]?.role.canPost == true {
            post(to: room, bytes: turn.messageBytes, sentAt: turn.intended)
        }
        var think = turn.thinkTime.sampleNanoseconds(using: &random)
        if let scale = clientProfile?.thinkTimeScale, scale != 1 { think = Int64((Double(think) * scale).rounded()) }
        turn.intended = turn.intended.advanced(by: .nanoseconds(think))
        turn.room = rooms.random(using: &random)
        conversation = turn
        scheduleTurn()
    }

    /// Sends live cursor updates at the habit's rate until `end`, each to one of its rooms.
    public func startCursor(until end: SimulationInstant) {
        guard habits.cursorUpdatesPerSecond > 0 else { return }
        scheduleCursor(after: engine.now, until: end)
    }

    private func scheduleCursor(after previous: SimulationInstant, until end: SimulationInstant) {
        let gap = Distribution.exponential(mean: 1 / habits.cursorUpdatesPerSecond)
        let intended = previous.advanced(by: .nanoseconds(gap.sampleNanoseconds(using: &random)))
        guard intended < end, !hasVanished else { return }
        engine.send(to: self, at: intended) { client in
            if let connection = client.connection, let room = client.rooms.random(using: &client.random) {
                client.toNode { node in node.cursor(connection, room: room, sentAt: intended) }
            }
            client.scheduleCursor(after: intended, until: end)
        }
    }

    /// Shows that the user is typing in `room`, unless it did within the typing debounce.
    public func typing(in room: Int) {
        guard let connection, rooms[room] != nil else { return }
        let now = engine.now
        if let last = rooms[room]!.lastTyping, last.duration(to: now) < settings.signals.typingDebounce { return }
        rooms[room]!.lastTyping = now
        toNode { node in node.typing(connection, room: room, sentAt: now) }
    }

    /// Sends one message of `bytes` to one of its rooms where it may post, drawn at random (the
    /// open load model's arrivals).
    public func postToRandomRoom(bytes: Int, sentAt: SimulationInstant) {
        guard !hasVanished, let room = rooms.random(using: &random), rooms[room]?.role.canPost == true else { return }
        post(to: room, bytes: bytes, sentAt: sentAt)
    }

    /// Sends one message of `bytes` to `room`, meant to go at `sentAt`.
    public func post(to room: Int, bytes: Int, sentAt: SimulationInstant) {
        sent += 1
        let clientMessage = UInt64(id) << 32 | UInt64(sent)
        let now = engine.now
        telemetry.record(MessageSent(user: id, room: room, clientMessage: clientMessage), at: now)
        telemetry.add(.messagesSent, at: now)
        guard connection != nil || settings.clients.offlineQueue else {
            // No offline queue: what the user sends while disconnected is lost.
            telemetry.add(.droppedOffline, at: now)
            return
        }
        pending[clientMessage] = PendingPost(room: room, bytes: bytes, sentAt: sentAt, attempts: 0)
        transmit(clientMessage)
    }

    /// Sends a pending message (again); without a connection it waits for the next one.
    private func transmit(_ clientMessage: UInt64) {
        guard let connection, var post = pending[clientMessage] else { return }
        post.attempts += 1
        if settings.delivery.guarantee == .atMostOnce {
            pending[clientMessage] = nil
        } else {
            pending[clientMessage] = post
            let attempt = post.attempts
            engine.send(to: self, after: settings.delivery.ackTimeout) { client in
                client.ackTimedOut(clientMessage, attempt: attempt)
            }
        }
        let (room, bytes, sentAt) = (post.room, post.bytes, post.sentAt)
        toNode { node in node.post(from: connection, room: room, clientMessage: clientMessage, bytes: bytes, sentAt: sentAt) }
    }

    private func ackTimedOut(_ clientMessage: UInt64, attempt: Int) {
        guard pending[clientMessage]?.attempts == attempt else { return }
        retry(clientMessage)
    }

    /// Sends again if attempts remain; otherwise gives the message up as an error.
    private func retry(_ clientMessage: UInt64) {
        guard let post = pending[clientMessage] else { return }
        guard post.attempts < settings.clients.sendAttempts else {
            pending[clientMessage] = nil
            telemetry.add(.errors, at: engine.now)
            return
        }
        transmit(clientMessage)
    }

    /// Sends a request over the uplink; a lost frame never arrives.
    private func toNode(_ body: @escaping @Sendable (isolated GatewayNode<Client>) -> Void) {
        guard case .arrives(let arrival) = uplink.transmit(at: engine.now) else { return }
        engine.send(to: node, at: arrival, body)
    }

    // MARK: Receiving

    public func receive(_ frame: ServerFrame) {
        guard !hasVanished else { return }
        switch frame {
        case .message(let room, let message):
            receive(message, in: room)
        case .ack(_, let clientMessage, _):
            pending[clientMessage] = nil
        case .refused(_, let clientMessage, _):
            pending[clientMessage] = nil
            telemetry.add(.errors, at: engine.now)
        case .failed(_, let clientMessage):
            if settings.delivery.guarantee == .atMostOnce { telemetry.add(.errors, at: engine.now) }
            retry(clientMessage)
        case .rateLimited(_, let clientMessage, let retryAfter):
            telemetry.add(.errors, at: engine.now)
            guard pending[clientMessage] != nil else { return }
            engine.send(to: self, after: retryAfter) { client in client.retry(clientMessage) }
        case .notRecovered(let room, _, let epoch, let lastSequence):
            guard rooms[room] != nil else { return }
            reportGap(room, upTo: lastSequence)
            rooms[room]!.epoch = epoch
            release(room)
        case .cursor(_, let user, let at):
            if user != id { record(metrics.cursorLatency, since: at) }
        case .typing(_, let user, let isTyping, let at):
            if isTyping, user != id { record(metrics.typingLatency, since: at) }
        case .presence(let room, let user, let online, let at):
            guard user != id else { return }
            record(metrics.presenceLatency, since: at)
            telemetry.record(PresenceSeen(observer: id, room: room, user: user, online: online, changedAt: at),
                             at: engine.now)
        case .receipt(_, let since):
            telemetry.add(.receiptsReceived, at: engine.now)
            record(metrics.receiptLatency, since: since)
        case .notification(let notification, _, let createdAt):
            telemetry.add(.notificationsReceived, at: engine.now)
            guard habits.readsNotifications else { return }
            let (user, service, all) = (id, context.system.notifications, habits.marksAllRead)
            engine.send(to: self, after: habits.readDelay) { client in
                guard case .arrives(let arrival) = client.uplink.transmit(at: client.engine.now) else { return }
                client.engine.send(to: service, at: arrival) { service in
                    // Mark all read up to this notification, or just this one.
                    if all { service.markAllRead(user: user, createdUpTo: createdAt) } else { service.markRead(user: user, id: notification) }
                }
            }
        case .history(let room, let page):
            telemetry.add(.historyPages, at: engine.now)
            historyPagesWanted -= 1
            if historyPagesWanted > 0, let older = page.olderCursor {
                readHistory(of: room, before: older, pages: historyPagesWanted)
            }
        case .joined:
            break
        }
    }

    private func record(_ handle: LatencyHandle, since start: SimulationInstant) {
        telemetry.record(handle, since: start, now: engine.now)
    }

    // MARK: Receipts

    /// Sends, once per receipt batch while anything moved, each room's delivered marker and a
    /// read marker at what was delivered by the previous batch.
    private func scheduleReceipts() {
        guard habits.sendsReceipts, !receiptsScheduled else { return }
        receiptsScheduled = true
        engine.send(to: self, after: settings.signals.receiptBatch) { client in client.sendReceipts() }
    }

    private func sendReceipts() {
        receiptsScheduled = false
        guard let connection else { return }
        var pending = false
        let sentAt = engine.now
        for index in rooms.values.indices {
            let state = rooms.values[index]
            let room = state.room
            if state.last > state.deliveredSent {
                toNode { node in node.receipt(connection, room: room, .delivered, upTo: state.last, sentAt: sentAt) }
                rooms.values[index].deliveredSent = state.last
            }
            if state.readable > state.readSent {
                toNode { node in node.receipt(connection, room: room, .read, upTo: state.readable, sentAt: sentAt) }
                rooms.values[index].readSent = state.readable
            }
            rooms.values[index].readable = rooms.values[index].deliveredSent
            pending = pending || rooms.values[index].readable > rooms.values[index].readSent
        }
        if pending { scheduleReceipts() }
    }

    private func receive(_ message: RoomMessage, in room: Int) {
        guard let index = rooms.index(forKey: room) else { return }
        let last = rooms.values[index].last
        // A message from before the join was already on its way when the node subscribed.
        guard message.sequence > rooms.values[index].joinedAfter else { return }
        guard message.sequence > last, rooms.values[index].heldBack[message.sequence] == nil else {
            duplicatesDropped += 1
            telemetry.add(.duplicatesDropped, at: engine.now)
            return
        }
        if message.sequence == last + 1 {
            // The common case: next in order, nothing held back.
            rooms.values[index].last = message.sequence
            record(message, in: room)
            if !rooms.values[index].heldBack.isEmpty || rooms.values[index].fetchingSince != nil { release(room) }
            return
        }
        rooms.values[index].heldBack[message.sequence] = message
        let now = engine.now
        let stale = rooms.values[index].fetchingSince.map { $0.duration(to: now) >= settings.delivery.ackTimeout } ?? true
        if stale, let connection {
            // A gap: ask for what is missing, and again if no answer came within the ack timeout.
            rooms.values[index].fetchingSince = now
            let offset = RoomOffset(room: room, epoch: rooms.values[index].epoch, sequence: last)
            toNode { node in node.fetchMissing(connection, after: offset) }
        }
    }

    /// Delivers held-back messages that are next in order.
    private func release(_ room: Int) {
        while let next = rooms[room]!.heldBack.removeValue(forKey: rooms[room]!.last + 1) {
            accept(next, in: room)
        }
        if rooms[room]!.heldBack.isEmpty, let since = rooms[room]!.fetchingSince {
            rooms[room]!.fetchingSince = nil
            record(metrics.gapRecoveryLatency, since: since)
        }
    }

    private func accept(_ message: RoomMessage, in room: Int) {
        rooms[room]!.last = message.sequence
        record(message, in: room)
    }

    private func record(_ message: RoomMessage, in room: Int) {
        if message.sender != id { scheduleReceipts() }
        let now = engine.now
        telemetry.record(MessageDelivered(user: id, room: room, sequence: message.sequence), at: now)
        let latency = now.nanoseconds - message.sentAt.nanoseconds
        telemetry.record(metrics.deliveryLatency, nanoseconds: latency, at: now)
        telemetry.record(metrics.delivery(inRoomOf: message.roomSize), nanoseconds: latency, at: now)
        if let profile { telemetry.record(metrics.deliveryByProfile[profile], nanoseconds: latency, at: now) }
        if !metrics.deliveryByNode.isEmpty {
            telemetry.record(metrics.deliveryByNode[id % metrics.deliveryByNode.count], nanoseconds: latency, at: now)
        }
    }

    /// The room's messages up to `upTo` that never came are reported missing, in runs; those
    /// held back are delivered in order.
    private func reportGap(_ room: Int, upTo: Int) {
        var state = rooms[room]!
        var gapStart: Int?
        var sequence = state.last + 1
        while sequence <= upTo {
            if let message = state.heldBack.removeValue(forKey: sequence) {
                if let start = gapStart {
                    recordGap(room, after: start - 1, upTo: sequence - 1)
                    gapStart = nil
                }
                rooms[room] = state
                accept(message, in: room)
                state = rooms[room]!
            } else if gapStart == nil {
                gapStart = sequence
            }
            sequence += 1
        }
        if let start = gapStart { recordGap(room, after: start - 1, upTo: upTo) }
        state.last = Swift.max(state.last, upTo)
        rooms[room] = state
    }

    private func recordGap(_ room: Int, after: Int, upTo: Int) {
        telemetry.record(GapReported(user: id, room: room, after: after, upTo: upTo), at: engine.now)
        telemetry.add(.gapsReported, at: engine.now)
    }

    /// After joining again without a session: the messages between the client's offset and the
    /// room's current position are reported missing.
    private func catchUp(_ room: Int, to offset: RoomOffset) {
        // Sequence numbers go on across epochs, so the gap is the same whatever the epoch.
        if offset.sequence > rooms[room]!.last { reportGap(room, upTo: offset.sequence) }
        rooms[room]!.epoch = offset.epoch
        rooms[room]!.last = Swift.max(rooms[room]!.last, offset.sequence)
        release(room)
    }
}
