/// A chat room: the single writer that orders its messages and fans them out.
///
/// Every accepted message gets the next gap-free sequence number, so the room's order is the
/// order in which posts reach the room actor: when several clients post at once, the seeded
/// scheduler decides it. Every member, the sender included, receives the message: the sender's
/// copy confirms the message and its place in the room's order, so every member sees the whole
/// gap-free sequence. Each member is reached over its own ``NetworkLink``, which is FIFO, so a
/// later message never overtakes an earlier one.
public actor Room: ModelActor {
    public nonisolated let executor: ActorExecutor
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// The room's id.
    public nonisolated let id: Int
    private let engine: Engine
    private let linkProfile: LinkProfile
    private var members: [Client] = []
    private var links: [NetworkLink] = []
    private var recipients: [Client] = []
    private var arrivals: [SimulationInstant] = []
    private var log: RoomLog

    /// Creates room `id`, whose links to its members have the given latency and loss, and
    /// which keeps its history as `history` says.
    public init(engine: Engine, id: Int, linkProfile: LinkProfile, history: RoomHistoryPolicy = RoomHistoryPolicy()) {
        executor = engine.makeExecutor(label: "room-\(id)")
        self.id = id
        self.engine = engine
        self.linkProfile = linkProfile
        log = RoomLog(policy: history)
    }

    /// The room's history: sequence numbers, kept messages, pages and recovery.
    public var history: RoomLog { log }

    /// Adds `client` to the room's members.
    public func join(_ client: Client) {
        members.append(client)
        engine.trace.record(.memberJoined(user: client.id, room: id), at: engine.now)
        // One stream per (room, member): adding a member never shifts another link's draws.
        let key = UInt64(UInt32(truncatingIfNeeded: id)) << 32 | UInt64(UInt32(truncatingIfNeeded: client.id))
        links.append(NetworkLink(profile: linkProfile, random: engine.random("room.link", entity: key)))
    }

    /// The number of members.
    public var memberCount: Int { members.count }

    /// Accepts a message from member `sender`, sequences it and sends it to every member.
    ///
    /// - Returns: the message's sequence number.
    /// - Complexity: O(m log t) for m members and t pending timers.
    public func post(from sender: Int, clientMessage: UInt64, bytes: Int, intendedAt: SimulationInstant) -> Int {
        let now = engine.now
        let sequence = log.append(sender: sender, clientMessage: clientMessage, bytes: bytes, at: now).sequence
        engine.trace.record(.messageAccepted(room: id, sequence: sequence, user: sender, clientMessage: clientMessage),
                            at: now)
        recipients.removeAll(keepingCapacity: true)
        arrivals.removeAll(keepingCapacity: true)
        for index in members.indices {
            guard case .arrives(let arrival) = links[index].transmit(at: now) else { continue }
            recipients.append(members[index])
            arrivals.append(arrival)
        }
        let room = id
        engine.send(to: recipients, at: arrivals) { client in
            client.receive(room: room, sequence: sequence, intendedAt: intendedAt)
        }
        return sequence
    }
}
