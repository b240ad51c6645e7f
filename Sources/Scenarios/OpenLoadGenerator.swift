import SimModel
import SimRuntime

/// The open load model's arrivals: messages arrive as a Poisson process whose rate follows the
/// load stages (drawn by thinning at the highest rate), each sent by a client drawn at random,
/// whatever state the system is in.
///
/// Each arrival is drawn when the one before it comes, so the generator holds one pending timer
/// whatever the run's length: a run of an hour at a thousand messages a second takes the memory
/// a minute's does.
actor OpenLoadGenerator: ModelActor {
    nonisolated let executor: ActorExecutor
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    private let engine: Engine
    private let stages: [LoadStage]
    private let clients: [Client]
    private let messageBytes: Int
    private let start: SimulationInstant
    private let end: SimulationInstant
    private let peak: Double
    private let gap: Distribution
    private var random: RandomStream
    /// The last candidate arrival drawn.
    private var candidate: SimulationInstant

    /// A generator for `clients` sending `messageBytes` at the stages' rate from `start` until
    /// `end`.
    init(engine: Engine, stages: [LoadStage], clients: [Client], messageBytes: Int, from start: SimulationInstant,
         until end: SimulationInstant) {
        executor = engine.makeExecutor(label: "open-load")
        self.engine = engine
        self.stages = stages
        self.clients = clients
        self.messageBytes = messageBytes
        self.start = start
        self.end = end
        peak = stages.map(\.target).max() ?? 0
        gap = .exponential(mean: 1 / Swift.max(peak, .leastNormalMagnitude))
        random = engine.random("scenario.open_load")
        candidate = start
    }

    /// Schedules the first arrival.
    func begin() {
        scheduleNextArrival()
    }

    /// The next accepted arrival after the last candidate, and who sends it; nil past the end.
    private func nextArrival() -> (at: SimulationInstant, client: Client)? {
        guard peak > 0, !clients.isEmpty else { return nil }
        while true {
            candidate = candidate.advanced(by: .nanoseconds(gap.sampleNanoseconds(using: &random)))
            guard candidate < end else { return nil }
            let accept = random.nextUnitInterval() * peak < LoadModel.rate(at: start.duration(to: candidate), stages: stages)
            let client = clients[Int(random.next(below: UInt64(clients.count)))]
            if accept { return (candidate, client) }
        }
    }

    private func scheduleNextArrival() {
        guard let (arrival, client) = nextArrival() else { return }
        let bytes = messageBytes
        engine.send(to: self, at: arrival) { generator in
            generator.engine.send(to: client) { $0.postToRandomRoom(bytes: bytes, sentAt: arrival) }
            generator.scheduleNextArrival()
        }
    }
}
