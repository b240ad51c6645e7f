/// A synthetic chat client: posts into its rooms with think time between messages and records
/// what it receives (the trace's checkers judge order and delivery).
public actor Client: ModelActor {
    public nonisolated let executor: ActorExecutor
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// The client's user id.
    public nonisolated let id: Int
    private let engine: Engine
    private var random: RandomStream
    private var rooms: [Room] = []
    private var sent = 0
    private let deliveryLatency: MetricsRecorder.Handle
    private let messagesSent: MetricsRecorder.Series

    /// Creates the client of user `id`.
    public init(engine: Engine, id: Int) {
        executor = engine.makeExecutor(label: "client-\(id)")
        self.id = id
        self.engine = engine
        random = engine.random("client.behaviour", entity: UInt64(id))
        deliveryLatency = engine.metrics.latency("message_delivery")
        messagesSent = engine.metrics.counter("messages_sent")
    }

    /// Joins `room`.
    public func join(_ room: Room) async {
        rooms.append(room)
        await room.join(self)
    }

    /// Greets its first room at once, then posts messages of `messageBytes` until `end`, waiting
    /// `thinkTime` (seconds) before each further message.
    ///
    /// Clients that start together greet together, so their first messages race into shared
    /// rooms at the same instant and the scheduler's interleaving decides each room's order.
    public func converse(until end: SimulationInstant, thinkTime: Distribution, messageBytes: Int) async {
        guard !rooms.isEmpty else { return }
        let clock = engine.clock
        var intended = clock.now
        var room = rooms[0]
        while intended < end {
            do { try await clock.sleep(until: intended) } catch { return }
            sent += 1
            let clientMessage = UInt64(id) << 32 | UInt64(sent)
            engine.trace.record(.messageSent(user: id, room: room.id, clientMessage: clientMessage), at: clock.now)
            engine.metrics.add(messagesSent, at: clock.now)
            _ = await room.post(from: id, clientMessage: clientMessage, bytes: messageBytes, intendedAt: intended)
            intended = clock.now.advanced(by: .nanoseconds(thinkTime.sampleNanoseconds(using: &random)))
            room = rooms[Int(random.next(below: UInt64(rooms.count)))]
        }
    }

    /// Receives message `sequence` of `room`.
    public func receive(room: Int, sequence: Int, intendedAt: SimulationInstant) {
        let now = engine.now
        engine.trace.record(.messageDelivered(user: id, room: room, sequence: sequence), at: now)
        engine.metrics.record(deliveryLatency, nanoseconds: now.nanoseconds - intendedAt.nanoseconds, at: now)
    }
}
