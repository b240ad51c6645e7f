/// The database: a pool of connections with read and write latencies, a failure rate, and
/// outages. It models time, capacity and failure; the data itself lives in the model's actors.
///
/// Requests queue for a pooled connection, so a burst (a reconnect storm fetching history)
/// waits, and that wait is part of every latency measured.
public actor Store: ModelActor {
    public nonisolated let executor: ActorExecutor
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    private let configuration: StoreConfiguration
    private let pool: ServiceStation
    private var failures: RandomStream
    private var isAvailable = true
    /// Requests that failed, by reason.
    public private(set) var failed: [StoreFailure: Int] = [:]

    public init(engine: Engine, configuration: StoreConfiguration, entity: UInt64 = 0) {
        executor = engine.makeExecutor(label: "store-\(entity)")
        self.configuration = configuration
        pool = ServiceStation(engine: engine, name: "store.pool", servers: configuration.poolSize,
                              serviceTime: configuration.writeLatency, entity: entity)
        failures = engine.random("store.failures", entity: entity)
    }

    /// Writes once a connection is free; returns the visit or why it failed.
    public func write() async -> Result<StationVisit, StoreFailure> {
        await request(configuration.writeLatency)
    }

    /// Reads once a connection is free; returns the visit or why it failed.
    public func read() async -> Result<StationVisit, StoreFailure> {
        await request(configuration.readLatency)
    }

    /// Takes the store down or brings it back.
    public func setAvailable(_ available: Bool) {
        isAvailable = available
    }

    /// The share of pool time spent busy so far.
    public var utilization: Double {
        get async { await pool.utilization }
    }

    private func request(_ latency: Distribution) async -> Result<StationVisit, StoreFailure> {
        guard isAvailable else { return fail(.unavailable) }
        let visit = await pool.serve(serviceTime: latency)
        if configuration.failureRate > 0, failures.nextUnitInterval() < configuration.failureRate { return fail(.failed) }
        return .success(visit)
    }

    private func fail(_ reason: StoreFailure) -> Result<StationVisit, StoreFailure> {
        failed[reason, default: 0] += 1
        return .failure(reason)
    }
}
