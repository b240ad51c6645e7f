/// A chat room: the single writer that checks, stores, orders and broadcasts its messages.
///
/// A post is checked against the room's membership (a viewer may not post), deduplicated by
/// client message id when the guarantee is effectively-once, and persisted in the store. Only
/// once stored does it get the next gap-free sequence number, so the room's order is the order
/// in which its writes complete, and a failed write leaves no gap. The sender then gets an ack,
/// and the message goes to the room's home node directly and to every other node over the bus,
/// where each node fans it out to its own members. Every member, the sender included, receives
/// the message: the sender's copy confirms its place in the room's order.
public actor Room<Peer: ConnectionPeer>: ModelActor {
    public nonisolated let executor: ActorExecutor
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// The room's id.
    public nonisolated let id: Int
    private let engine: Engine
    private let nodes: [GatewayNode<Peer>]
    private let bus: Bus<RoomBroadcast>?
    private let store: Store
    private let guarantee: DeliveryGuarantee
    private var nodeLinks: [NetworkLink]
    private var membership = RoomMembership()
    private var dedup: DedupWindow
    /// Client message ids being written now (effectively-once drops their retries).
    private var writing: Set<UInt64> = []
    private var log: RoomLog
    /// Posts refused because the sender may not post.
    public private(set) var refused = 0
    /// Retried posts recognised as duplicates and not stored again.
    public private(set) var duplicatesDropped = 0
    /// Posts whose write failed.
    public private(set) var failedWrites = 0

    /// Creates room `id`, homed on node `id % nodes.count`.
    public init(engine: Engine, id: Int, nodes: [GatewayNode<Peer>], bus: Bus<RoomBroadcast>?, store: Store,
                configuration: SystemConfiguration) {
        executor = engine.makeExecutor(label: "room-\(id)")
        self.id = id
        self.engine = engine
        self.nodes = nodes
        self.bus = bus
        self.store = store
        guarantee = configuration.delivery.guarantee
        dedup = DedupWindow(window: configuration.delivery.dedupWindow)
        log = RoomLog(policy: configuration.rooms)
        nodeLinks = nodes.indices.map { target in
            NetworkLink(profile: configuration.network.nodeLink,
                        random: engine.random("room.node_link", entity: UInt64(id) << 32 | UInt64(target)))
        }
    }

    /// The node the room lives on.
    public nonisolated var homeNode: Int { id % nodes.count }

    /// The room's history: sequence numbers, kept messages, pages and recovery.
    public var history: RoomLog { log }

    /// The number of members.
    public var memberCount: Int { membership.roles.count }

    /// Adds `user` with `role`; returns where the user starts in the room's history.
    public func join(_ user: Int, as role: RoomRole) -> RoomOffset {
        let isNew = membership.roles[user] == nil
        membership.join(user, as: role)
        if isNew { engine.trace.record(.memberJoined(user: user, room: id), at: engine.now) }
        return RoomOffset(room: id, epoch: log.epoch, sequence: log.lastSequence)
    }

    /// A post from `user`, sent through node `origin`'s `connection`.
    public func post(from user: Int, clientMessage: UInt64, bytes: Int, sentAt: SimulationInstant,
                     replyTo origin: Int, connection: Int) {
        if case .failure(let refusal) = membership.authorizePost(by: user) {
            refused += 1
            return reply(.refused(room: id, clientMessage: clientMessage, refusal), to: origin, connection)
        }
        if guarantee == .effectivelyOnce {
            if let original = dedup.lookup(clientMessage, at: engine.now) {
                duplicatesDropped += 1
                return reply(.ack(room: id, clientMessage: clientMessage, sequence: original), to: origin, connection)
            }
            // A retry of a message still being written is answered by that write's ack.
            guard writing.insert(clientMessage).inserted else {
                duplicatesDropped += 1
                return
            }
        }
        store.write(for: self) { room, outcome in
            room.writing.remove(clientMessage)
            guard case .success = outcome else {
                room.failedWrites += 1
                return room.reply(.failed(room: room.id, clientMessage: clientMessage), to: origin, connection)
            }
            room.commit(from: user, clientMessage: clientMessage, bytes: bytes, sentAt: sentAt, replyTo: origin,
                        connection: connection)
        }
    }

    /// A stored message gets its sequence, is acknowledged and is broadcast.
    private func commit(from user: Int, clientMessage: UInt64, bytes: Int, sentAt: SimulationInstant,
                        replyTo origin: Int, connection: Int) {
        let now = engine.now
        let message = log.append(sender: user, clientMessage: clientMessage, bytes: bytes, sentAt: sentAt, at: now)
        if guarantee == .effectivelyOnce { dedup.remember(clientMessage, sequence: message.sequence, at: now) }
        engine.trace.record(.messageAccepted(room: id, sequence: message.sequence, user: user, clientMessage: clientMessage),
                            at: now)
        reply(.ack(room: id, clientMessage: clientMessage, sequence: message.sequence), to: origin, connection)
        let broadcast = RoomBroadcast(room: id, message: message)
        engine.send(to: nodes[homeNode]) { node in node.deliver(broadcast) }
        if let bus {
            let home = homeNode
            engine.send(to: bus) { bus in bus.publish(broadcast, from: home) }
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
    private func reply(_ frame: ServerFrame, to origin: Int, _ connection: Int) {
        let node = nodes[origin]
        guard origin != homeNode else {
            return engine.send(to: node) { $0.send(frame, to: connection) }
        }
        guard case .arrives(let arrival) = nodeLinks[origin].transmit(at: engine.now) else { return }
        engine.send(to: node, at: arrival) { $0.send(frame, to: connection) }
    }
}
