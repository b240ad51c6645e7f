import SimSupport
public import SimRuntime
public import SimEvents

/// The database: a pool of connections with read and write latencies, a failure rate, and
/// outages. It models time, capacity and failure; the data itself lives in the model's actors.
///
/// Requests queue for a pooled connection, so a burst (a reconnect storm fetching history)
/// waits, and that wait is part of every latency measured.
///
/// ```swift
/// store.write(for: room) { room, result in
///     if case .success = result { room.commit(...) }
/// }
/// ```
public actor Store: ModelActor {
    public nonisolated let executor: ActorExecutor
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// What a request got: the time it spent at the pool, or why it failed.
    public typealias Outcome = Result<StationVisit, StoreFailure>

    private let engine: Engine
    private let telemetry: Telemetry
    private let configuration: StoreConfiguration
    // The actor's state below is touched only on its executor, one callback at a time, and no
    // access to a property spans a call that could reach the same property again: exclusivity is
    // proven by construction, and not checked at run time on paths that run once per delivery.
    @exclusivity(unchecked) private var pool: Station<Store>
    @exclusivity(unchecked) private var failures: RandomStream
    private var isAvailable = true
    private let writeLatency: LatencyHandle
    private let readLatency: LatencyHandle
    /// Requests that failed, by reason.
    public private(set) var failed: [StoreFailure: Int] = [:]

    public init(engine: Engine, telemetry: Telemetry, configuration: StoreConfiguration, entity: UInt64 = 0) {
        executor = engine.makeExecutor(label: "store-\(entity)")
        self.engine = engine
        self.telemetry = telemetry
        self.configuration = configuration
        pool = Station(StationConfiguration(servers: configuration.poolSize, serviceTime: configuration.writeLatency),
                       random: engine.random("station.store.pool", entity: entity), window: telemetry.stationWindow)
        failures = engine.random("store.failures", entity: entity)
        writeLatency = telemetry.handle(.stage(.storeWrite))
        readLatency = telemetry.handle(.stage(.storeRead))
    }

    /// Reports how loaded the store's connection pool was over the stations' window.
    public func reportStations() {
        telemetry.report(pool.load(named: "store.pool", at: engine.now))
    }

    /// Writes once a connection is free; returns the visit or why it failed.
    public func write() async -> Outcome {
        await withUnsafeContinuation { continuation in
            request(isWrite: true) { continuation.resume(returning: $0) }
        }
    }

    /// Reads once a connection is free; returns the visit or why it failed.
    public func read() async -> Outcome {
        await withUnsafeContinuation { continuation in
            request(isWrite: false) { continuation.resume(returning: $0) }
        }
    }

    /// Writes on behalf of `requester`, then runs `then` isolated to it, without a task.
    public nonisolated func write<A: ModelActor>(for requester: A,
                                                 then: @escaping @Sendable (isolated A, Outcome) -> Void) {
        request(for: requester, isWrite: true, then: then)
    }

    /// Reads on behalf of `requester`, then runs `then` isolated to it, without a task.
    public nonisolated func read<A: ModelActor>(for requester: A,
                                                then: @escaping @Sendable (isolated A, Outcome) -> Void) {
        request(for: requester, isWrite: false, then: then)
    }

    /// Takes the store down or brings it back.
    public func setAvailable(_ available: Bool) {
        isAvailable = available
    }

    /// The share of pool time spent busy so far, over the window the telemetry sets for stations.
    public var utilization: Double { pool.utilization(at: engine.now) }

    private nonisolated func request<A: ModelActor>(for requester: A, isWrite: Bool,
                                                    then: @escaping @Sendable (isolated A, Outcome) -> Void) {
        let engine = engine
        engine.send(to: self) { store in
            store.request(isWrite: isWrite) { outcome in
                engine.send(to: requester) { then($0, outcome) }
            }
        }
    }

    private func request(isWrite: Bool, completion: @escaping @Sendable (Outcome) -> Void) {
        let latency = isWrite ? configuration.writeLatency : configuration.readLatency
        let metric = isWrite ? writeLatency : readLatency
        guard isAvailable else { return completion(fail(.unavailable)) }
        // Whether the request fails is drawn as it arrives; a failing request still holds its
        // connection for its service time.
        let fails = configuration.failureRate > 0 && failures.nextUnitInterval() < configuration.failureRate
        if fails { failed[.failed, default: 0] += 1 }
        let service = pool.arrive(at: engine.now, serviceTime: latency) { store, visit in
            store.telemetry.record(metric, nanoseconds: visit.sojourn.wholeNanoseconds, at: store.engine.now)
            completion(fails ? .failure(.failed) : .success(visit))
        }
        if let service { schedule(service) }
    }

    private func schedule(_ service: Station<Store>.Service) {
        engine.send(to: self, at: service.finishesAt) { store in
            if let next = store.pool.finish(at: store.engine.now) { store.schedule(next) }
            service.completion(store, service.visit)
        }
    }

    private func fail(_ reason: StoreFailure) -> Outcome {
        failed[reason, default: 0] += 1
        return .failure(reason)
    }
}
