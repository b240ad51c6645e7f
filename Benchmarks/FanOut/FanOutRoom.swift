import SimRuntime

/// A room that sequences posts and sends each to its members through the engine, as the
/// model's rooms do: one scheduled callback per member, no task per delivery.
actor FanOutRoom: ModelActor {
    nonisolated let executor: ActorExecutor
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    private let engine: Engine
    private let members: [FanOutMember]
    private let latency: Distribution?
    private var random: RandomStream
    private var nextSequence = 1
    private var lastArrival: Int64 = 0
    private var arrivals: [SimulationInstant] = []

    private let singleSends: Bool

    init(engine: Engine, id: Int, members: [FanOutMember], latency: Distribution?, singleSends: Bool) {
        self.singleSends = singleSends
        executor = engine.makeExecutor(label: "room-\(id)")
        self.engine = engine
        self.members = members
        self.latency = latency
        random = engine.random("bench.latency", entity: UInt64(id))
    }

    func post() {
        let sequence = nextSequence
        nextSequence += 1
        var arrival = engine.now
        if let latency {
            // One latency per message, never earlier than the previous message's: FIFO links.
            lastArrival = Swift.max(arrival.nanoseconds + latency.sampleNanoseconds(using: &random), lastArrival)
            arrival = SimulationInstant(nanoseconds: lastArrival)
        }
        if singleSends {
            // One send per member: a closure per delivery, the allocation-heavy path.
            for member in members { engine.send(to: member, at: arrival) { $0.receive(sequence: sequence) } }
            return
        }
        arrivals.removeAll(keepingCapacity: true)
        arrivals.append(contentsOf: repeatElement(arrival, count: members.count))
        engine.send(to: members, at: arrivals) { $0.receive(sequence: sequence) }
    }
}
