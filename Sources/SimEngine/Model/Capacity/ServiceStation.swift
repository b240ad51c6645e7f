public import SimRuntime

/// A stage of the pipeline as an actor of its own, with a number of servers and a service-time
/// distribution: parse and auth, persist, fan out, write to a connection, call a provider.
///
/// A request that finds every server busy waits in FIFO order, and that wait is part of the
/// latency its caller measures, so latency grows with load the way it does in production: near
/// capacity, a little more load means much longer queues. A service time of zero makes the
/// stage instantaneous. Actors that own a stage embed a ``Station`` instead, which saves the hop.
///
/// ```swift
/// let persist = ServiceStation(engine: engine, name: "store.write", servers: 8,
///                              serviceTime: .lognormal(median: 0.004, sigma: 0.4))
/// let visit = await persist.serve()
/// ```
public actor ServiceStation: ModelActor {
    public nonisolated let executor: ActorExecutor
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// The station's name in reports.
    public nonisolated let name: String
    private let engine: Engine
    private var station: Station<ServiceStation>

    /// Creates a station.
    ///
    /// - Parameters:
    ///   - name: the stage's name; it also names the station's random stream.
    ///   - servers: requests served at once.
    ///   - serviceTime: seconds one request takes once it has a server.
    ///   - entity: distinguishes the streams of stations with the same name (one per node, say).
    public init(engine: Engine, name: String, servers: Int, serviceTime: Distribution, entity: UInt64 = 0) {
        executor = engine.makeExecutor(label: "station-\(name)-\(entity)")
        self.name = name
        self.engine = engine
        station = Station(StationConfiguration(servers: servers, serviceTime: serviceTime),
                          random: engine.random("station.\(name)", entity: entity))
    }

    /// Waits for a server, is served, and returns what the request experienced.
    ///
    /// - Parameter serviceTime: this request's service time in seconds, when it differs from
    ///   the station's.
    public func serve(serviceTime: Distribution? = nil) async -> StationVisit {
        await withUnsafeContinuation { continuation in
            let service = station.arrive(at: engine.now, serviceTime: serviceTime) { _, visit in continuation.resume(returning: visit) }
            if let service { schedule(service) }
        }
    }

    /// Requests served to completion.
    public var completed: Int { station.completed }
    /// The longest the queue has been.
    public var longestQueue: Int { station.longestQueue }
    /// The share of server time spent busy so far.
    public var utilization: Double { station.utilization(at: engine.now) }

    private func schedule(_ service: Station<ServiceStation>.Service) {
        engine.send(to: self, at: service.finishesAt) { host in
            if let next = host.station.finish(at: host.engine.now) { host.schedule(next) }
            service.completion(host, service.visit)
        }
    }
}
