import DequeModule
import SimRuntime
import SimEvents

/// The support desk's router: gives each arriving customer the least busy agent with room
/// under its capacity, or queues the customer (priority customers ahead of the others) until a
/// conversation ends and frees an agent. The time a customer waits is `queue_wait`; customers
/// waiting now are the `customers_waiting` gauge.
actor AgentDesk: ModelActor {
    nonisolated let executor: ActorExecutor
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    private struct Waiting {
        var since: SimulationInstant
        var assigned: UnsafeContinuation<Int, Never>
    }

    private let engine: Engine
    private let telemetry: Telemetry
    private let capacity: Int
    private var load: [Int]
    private var priorityQueue = Deque<Waiting>()
    private var queue = Deque<Waiting>()
    private let queueWait: LatencyHandle

    init(engine: Engine, telemetry: Telemetry, agents: Int, capacity: Int) {
        executor = engine.makeExecutor(label: "agent-desk")
        self.engine = engine
        self.telemetry = telemetry
        self.capacity = capacity
        load = Array(repeating: 0, count: agents)
        queueWait = telemetry.handle(.queueWait)
    }

    /// The agent (from 0) who takes a customer's conversation, once one has room.
    func assign(priority: Bool) async -> Int {
        await withUnsafeContinuation { continuation in
            let waiting = Waiting(since: engine.now, assigned: continuation)
            if priority { priorityQueue.append(waiting) } else { queue.append(waiting) }
            dispatch()
        }
    }

    /// A conversation of `agent` ended: the agent has room for the next customer waiting.
    func release(agent: Int) {
        load[agent] -= 1
        dispatch()
    }

    /// Gives waiting customers, priority first, to the least busy agents with room.
    private func dispatch() {
        while !priorityQueue.isEmpty || !queue.isEmpty,
              let agent = load.indices.filter({ load[$0] < capacity }).min(by: { (load[$0], $0) < (load[$1], $1) }) {
            let next = priorityQueue.isEmpty ? queue.removeFirst() : priorityQueue.removeFirst()
            load[agent] += 1
            let now = engine.now
            telemetry.record(queueWait, since: next.since, now: now)
            next.assigned.resume(returning: agent)
        }
        telemetry.set(.customersWaiting, to: Int64(priorityQueue.count + queue.count), at: engine.now)
    }
}
