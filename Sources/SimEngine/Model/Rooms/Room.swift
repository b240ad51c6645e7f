import SimSupport
public import SimRuntime
public import SimEvents

/// A chat room: the single writer that checks, stores, orders and broadcasts its messages.
///
/// A room is also a shared document: a message may carry an edit, which the room transforms
/// against the edits it accepted after the revision its author saw and applies in its order, so
/// that every replica that applies the room's edits in order ends where the room's document is.
///
/// A post is checked against the room's membership (a viewer may not post), deduplicated by
/// client message id when the guarantee is effectively-once, and persisted in the store. Writes
/// run concurrently on the store's pool but commit in the order the posts arrived: only then
/// does a post get the next gap-free sequence number, so the room's order is its arrival order
/// (each sender's messages stay in sending order), and a failed write leaves no gap. The sender then gets an ack,
/// and the message goes to the room's home node directly and to every other node over the bus,
/// where each node fans it out to its own members. Every member, the sender included, receives
/// the message: the sender's copy confirms its place in the room's order.
public actor Room<Peer: ConnectionPeer>: ModelActor {
    public nonisolated let executor: ActorExecutor
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// The room's id.
    public nonisolated let id: Int
    let engine: Engine
    let telemetry: Telemetry
    let nodes: [GatewayNode<Peer>]
    private let bus: Bus<RoomBroadcast>?
    let store: Store
    /// Where privileged actions are recorded (see `Room+Privileges.swift`).
    let auditLog: AuditLog?
    /// Privileged actions carried out so far, and their audit entries on their way to the log.
    var privilegedActions = 0
    // The actor's state below is touched only on its executor, one callback at a time, and no
    // access to a property spans a call that could reach the same property again: exclusivity is
    // proven by construction, and not checked at run time on paths that run once per delivery.
    @exclusivity(unchecked) var auditWrites = OrderedCompletion<AuditEntry>()
    private let guarantee: DeliveryGuarantee
    /// The links to the nodes the room has sent to, made on first use: a room talks to the
    /// few nodes its members are on, not to every node of a large system.
    @exclusivity(unchecked) private var nodeLinks = FlatTable<Int, NetworkLink>()
    private let nodeLink: LinkProfile
    @exclusivity(unchecked) var membership: RoomMembership
    /// Users who left, with the last sequence they were owed: a repeated leave is answered
    /// with it. Forgotten when the user joins again.
    var departed: [Int: Int] = [:]
    /// Whether an admin deleted the room's document: nobody may join any more.
    var isDeleted = false
    @exclusivity(unchecked) private var dedup: DedupWindow
    /// Client message ids being written now (effectively-once drops their retries).
    @exclusivity(unchecked) private var writing: Set<UInt64> = []
    /// When the room's first message from a member (not an admin) was meant to be sent, until an
    /// admin first replies: the first response time.
    private var awaitingFirstResponse: SimulationInstant?
    private var hasFirstResponse = false
    private let firstResponse: LatencyHandle
    /// Posts whose writes finish out of order commit in arrival order.
    @exclusivity(unchecked) private var commits = OrderedCompletion<StoredPost>()
    @exclusivity(unchecked) var log: RoomLog
    /// The room's shared document, as of its last sequence.
    @exclusivity(unchecked) var document = DocumentContent()
    /// When the room last accepted a message, and the head beacons sent since (see
    /// `Room+Heads.swift`).
    var lastCommitAt = SimulationInstant.start
    var headBeaconsSent = 0
    var headBeaconScheduled = false
    @exclusivity(unchecked) var typists: TypingTracker
    @exclusivity(unchecked) var receipts = ReceiptLedger()
    var receiptFlushScheduled = false
    /// When the oldest marker waiting for the next flush was sent, per (reader, kind).
    @exclusivity(unchecked) var receiptsWaitingSince: [ReceiptWait: SimulationInstant] = [:]
    let receiptBatch: Duration
    let presenceRoomLimit: Int
    let faults: FaultConfiguration
    /// Per sender, the newest client message id that reached the room: an older one arriving
    /// after it is an attempt its sender gave up, and is refused.
    @exclusivity(unchecked) private var newestPost = FlatTable<Int, UInt64>()
    /// Posts refused: the sender may not post, or the post came after a later one of its sender.
    public private(set) var refused = 0
    /// Retried posts recognised as duplicates and not stored again.
    public private(set) var duplicatesDropped = 0
    /// Posts whose write failed.
    public private(set) var failedWrites = 0

    /// Creates room `id`, homed on node `id % nodes.count`.
    public init(engine: Engine, telemetry: Telemetry, id: Int, nodes: [GatewayNode<Peer>], bus: Bus<RoomBroadcast>?, store: Store,
                auditLog: AuditLog? = nil, configuration: SystemConfiguration) {
        self.auditLog = auditLog
        executor = engine.makeExecutor(label: "room-\(id)")
        self.id = id
        self.engine = engine
        self.telemetry = telemetry
        self.nodes = nodes
        self.bus = bus
        self.store = store
        guarantee = configuration.delivery.guarantee
        dedup = DedupWindow(window: configuration.delivery.dedupWindow)
        log = RoomLog(policy: configuration.rooms)
        typists = TypingTracker(expiry: configuration.signals.typingExpiry)
        receiptBatch = configuration.signals.receiptBatch
        presenceRoomLimit = configuration.signals.presenceRoomLimit
        faults = configuration.faults
        firstResponse = telemetry.handle(.firstResponse)
        nodeLink = configuration.network.nodeLink
        membership = RoomMembership(nodeCount: nodes.count)
    }

    /// Sends `user`, through node `origin`'s `connection`, the page of up to `page_size`
    /// messages older than `cursor` (the newest page when nil), read from the store.
    public func history(before cursor: Int?, replyTo origin: Int, connection: Int) {
        store.read(for: self) { room, outcome in
            guard case .success = outcome else {
                return room.reply(.failed(room: room.id, clientMessage: 0), to: origin, connection)
            }
            let page = room.log.page(before: cursor, at: room.engine.now)
            room.reply(.history(room: room.id, page), to: origin, connection)
        }
    }

    /// Sends the room's shared document as it is now, read from the store, through node
    /// `origin`'s `connection`.
    public func document(replyTo origin: Int, connection: Int) {
        store.read(for: self) { room, outcome in
            guard case .success = outcome else {
                return room.reply(.failed(room: room.id, clientMessage: 0), to: origin, connection)
            }
            room.reply(.document(room: room.id, sequence: room.log.lastSequence, room.document), to: origin, connection)
        }
    }

    /// The node the room lives on.
    public nonisolated var homeNode: Int { id % nodes.count }

    /// The room's history: sequence numbers, kept messages, pages and recovery.
    public var history: RoomLog { log }

    /// The number of members.
    public var memberCount: Int { membership.roles.count }

    /// Adds `user` with `role`; returns where the user starts in the room's history. A deleted
    /// room adds nobody: the user is told at once that it is owed nothing.
    public func join(_ user: Int, as role: RoomRole) -> RoomOffset {
        guard !isDeleted else {
            tellLeft(user, owedUpTo: log.lastSequence)
            return RoomOffset(room: id, epoch: log.epoch, sequence: log.lastSequence)
        }
        let isNew = membership.roles[user] == nil
        membership.join(user, as: role)
        departed[user] = nil
        if isNew { telemetry.record(MemberJoined(user: user, room: id), at: engine.now) }
        return RoomOffset(room: id, epoch: log.epoch, sequence: log.lastSequence)
    }

    /// `actor` removes `subject` from the room: anyone may leave, only admins remove others.
    /// The subject's node stops sending it the room's frames.
    ///
    /// A user who asks to leave again after it left (the answer was lost) is told again what it
    /// was owed when it left; nothing else changes.
    @discardableResult
    public func remove(_ subject: Int, by actor: Int) -> Result<Void, RoomMembership.Refusal> {
        if actor == subject, membership.roles[subject] == nil, let owed = departed[subject] {
            tellLeft(subject, owedUpTo: owed)
            return .success(())
        }
        let decision = membership.authorizeManagement(by: actor, of: subject)
        guard case .success = decision, membership.roles[subject] != nil else { return decision }
        // Removing someone else is a privileged action, recorded before its effects.
        if actor != subject { recordPrivileged(.removal, by: actor, of: subject) }
        membership.leave(subject)
        telemetry.record(MemberLeft(user: subject, room: id), at: engine.now)
        departed[subject] = log.lastSequence
        tellLeft(subject, owedUpTo: log.lastSequence)
        return decision
    }

    /// Tells `user` it is no longer a member and is owed the room's messages up to
    /// `owedUpTo`, before its node stops sending it the room's frames, on the same hop.
    func tellLeft(_ user: Int, owedUpTo lastSequence: Int) {
        let room = id
        onNode(user % nodes.count) { node in
            node.send(.left(room: room, lastSequence: lastSequence), toUser: user)
            node.unsubscribe(user: user, from: room)
        }
    }

    /// A post from `user`, sent through node `origin`'s `connection`.
    public func post(from user: Int, clientMessage: UInt64, bytes: Int, sentAt: SimulationInstant,
                     edit: EditRequest? = nil, replyTo origin: Int, connection: Int) {
        if case .failure(let refusal) = membership.authorizePost(by: user) {
            refused += 1
            return reply(.refused(room: id, clientMessage: clientMessage, PostRefusal(refusal)), to: origin, connection)
        }
        if guarantee == .effectivelyOnce, let original = dedup.lookup(clientMessage, at: engine.now) {
            duplicatesDropped += 1
            return reply(.ack(room: id, clientMessage: clientMessage, sequence: original), to: origin, connection)
        }
        // Client message ids grow in sending order. The client sends a room one message at a
        // time, so an older id arriving after a newer one is a stale attempt that its sender has
        // given up (it was delayed past every ack timeout): accepting it would break FIFO.
        if let newest = newestPost[user], clientMessage < newest {
            refused += 1
            return reply(.refused(room: id, clientMessage: clientMessage, .outOfOrder), to: origin, connection)
        }
        newestPost[user] = clientMessage
        if guarantee == .effectivelyOnce, !faults.retryWrittenTwice {
            // A retry of a message still being written is answered by that write's ack.
            guard writing.insert(clientMessage).inserted else {
                duplicatesDropped += 1
                return
            }
        }
        let ticket = commits.start()
        let post = StoredPost(user: user, clientMessage: clientMessage, bytes: bytes, sentAt: sentAt, edit: edit,
                              origin: origin, connection: connection, stored: false)
        store.write(for: self) { room, outcome in
            var post = post
            post.stored = (try? outcome.get()) != nil
            for due in room.commits.finish(ticket, post) { room.settle(due) }
        }
    }

    /// A post whose write finished, waiting for the posts that arrived before it.
    private struct StoredPost: Sendable {
        var user: Int
        var clientMessage: UInt64
        var bytes: Int
        var sentAt: SimulationInstant
        var edit: EditRequest?
        var origin: Int
        var connection: Int
        var stored: Bool
    }

    /// Commits a stored post, or tells its sender the write failed.
    private func settle(_ post: StoredPost) {
        writing.remove(post.clientMessage)
        guard post.stored else {
            failedWrites += 1
            return reply(.failed(room: id, clientMessage: post.clientMessage), to: post.origin, post.connection)
        }
        var applied: DocumentEdit?
        if let request = post.edit {
            guard let edit = transform(request) else {
                refused += 1
                return reply(.refused(room: id, clientMessage: post.clientMessage, .staleEdit), to: post.origin,
                             post.connection)
            }
            applied = edit
        }
        commit(from: post.user, clientMessage: post.clientMessage, bytes: post.bytes, sentAt: post.sentAt, edit: applied,
               replyTo: post.origin, connection: post.connection)
    }

    /// `request` as it applies to the document now: transformed against every edit accepted
    /// after the revision its author saw. Nil when some of those are no longer kept.
    private func transform(_ request: EditRequest) -> DocumentEdit? {
        // The faulty room applies edits where their authors made them, whatever came since.
        if faults.editsUntransformed { return request.edit }
        guard let since = log.edits(after: request.base) else { return nil }
        return since.reduce(request.edit) { $0.transformed(against: $1) }
    }

    /// A stored message gets its sequence, is acknowledged and is broadcast.
    private func commit(from user: Int, clientMessage: UInt64, bytes: Int, sentAt: SimulationInstant, edit: DocumentEdit?,
                        replyTo origin: Int, connection: Int) {
        let now = engine.now
        // An edit the faulty room did not transform may fall outside the document: it changes
        // nothing here, though replicas apply it as sent.
        if let edit { document.apply(edit) }
        let message = log.append(sender: user, clientMessage: clientMessage, bytes: bytes, sentAt: sentAt,
                                 roomSize: membership.roles.count, edit: edit, at: now)
        if guarantee == .effectivelyOnce { dedup.remember(clientMessage, sequence: message.sequence, at: now) }
        telemetry.record(MessageAccepted(room: id, sequence: message.sequence, user: user, clientMessage: clientMessage),
                         at: now)
        if let edit {
            telemetry.record(DocumentRevised(room: id, sequence: message.sequence, user: user, edit: edit,
                                             length: document.length, digest: document.digest), at: now)
        }
        reply(.ack(room: id, clientMessage: clientMessage, sequence: message.sequence), to: origin, connection)
        if typists.expiry(user: user, room: id) != nil {
            // The message ends the indicator; members' clients stop showing it when it arrives.
            typists.stopped(user: user, room: id)
            telemetry.record(TypingStopped(room: id, user: user), at: now)
        }
        broadcast(.message(room: id, message))
        noteFirstResponse(from: user, sentAt: sentAt, at: now)
        if guarantee != .atMostOnce { quietAfterCommit(at: now) }
    }

    /// Times the first reply of an admin (an agent) to the room's first message from a member.
    private func noteFirstResponse(from user: Int, sentAt: SimulationInstant, at now: SimulationInstant) {
        guard !hasFirstResponse else { return }
        let isAdmin = membership.roles[user] == .admin
        if !isAdmin, awaitingFirstResponse == nil { awaitingFirstResponse = sentAt }
        if isAdmin, let since = awaitingFirstResponse {
            hasFirstResponse = true
            telemetry.record(firstResponse, since: since, now: now)
        }
    }

    /// Sends `frame` to every member: through the home node directly, over the bus to the other
    /// nodes members are on (as a pub/sub system with a channel per room: a node hears the rooms
    /// its users are in, not every room).
    public func broadcast(_ frame: ServerFrame) {
        let broadcast = RoomBroadcast(room: id, frame: frame)
        engine.send(to: nodes[homeNode]) { node in node.deliver(broadcast) }
        if let bus {
            let (home, targets) = (homeNode, membership.nodes)
            guard targets.contains(where: { $0 != home }) else { return }
            engine.send(to: bus) { bus in bus.publish(broadcast, from: home, to: targets) }
        }
    }

    /// Sends `user`, through node `origin`'s `connection`, every message after `offset`, or
    /// tells it that they cannot all be given. The history is read from the store first.
    public func recover(user: Int, from offset: RoomOffset, replyTo origin: Int, connection: Int) {
        store.read(for: self) { room, outcome in
            let now = room.engine.now
            let answer: RoomRecovery = switch outcome {
            case .success: room.log.recover(after: offset.sequence, epoch: offset.epoch, at: now)
            case .failure: .notRecovered(.storeUnavailable)
            }
            switch answer {
            case .recovered(let messages):
                for message in messages { room.reply(.message(room: room.id, message), to: origin, connection) }
            case .notRecovered(let reason):
                room.reply(.notRecovered(room: room.id, reason, epoch: room.log.epoch, lastSequence: room.log.lastSequence),
                           to: origin, connection)
            }
        }
    }

    /// Sends `frame` to `connection` on node `origin`, over the node link unless it is home.
    func reply(_ frame: ServerFrame, to origin: Int, _ connection: Int) {
        onNode(origin) { $0.send(frame, to: connection) }
    }

    /// Runs `body` on node `origin`: at once on the home node, after a node-link hop elsewhere.
    func onNode(_ origin: Int, _ body: @escaping @Sendable (isolated GatewayNode<Peer>) -> Void) {
        let node = nodes[origin]
        guard origin != homeNode else { return engine.send(to: node, body) }
        // The link's random stream is derived from the room and the node, whenever it is made.
        let link = nodeLinks.insertionIndex(forKey: origin, default: NetworkLink(
            profile: nodeLink, random: engine.random("room.node_link", entity: UInt64(id) << 32 | UInt64(origin))))
        guard case .arrives(let arrival) = nodeLinks[slot: link].transmit(at: engine.now) else { return }
        engine.send(to: node, at: arrival, body)
    }
}
