/// A stage of the pipeline with a number of servers and a service-time distribution: parse and
/// auth, persist, fan out, write to a connection, call a provider.
///
/// A request that finds every server busy waits in FIFO order, and that wait is part of the
/// latency its caller measures, so latency grows with load the way it does in production: near
/// capacity, a little more load means much longer queues. A service time of zero makes the
/// stage instantaneous.
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
    private let serviceTime: Distribution
    private var random: RandomStream
    private var queue: StationQueue<Request>

    private struct Request {
        var continuation: UnsafeContinuation<StationVisit, Never>
        var serviceTime: Distribution
    }

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
        self.serviceTime = serviceTime
        random = engine.random("station.\(name)", entity: entity)
        queue = StationQueue(servers: servers)
    }

    /// Waits for a server, is served, and returns what the request experienced.
    ///
    /// - Parameter serviceTime: this request's service time in seconds, when it differs from
    ///   the station's (a store's reads and writes share one pool).
    public func serve(serviceTime: Distribution? = nil) async -> StationVisit {
        await withUnsafeContinuation { continuation in
            let request = Request(continuation: continuation, serviceTime: serviceTime ?? self.serviceTime)
            if let started = queue.arrive(request, at: engine.now) { begin(started) }
        }
    }

    /// Requests served to completion.
    public var completed: Int { queue.completed }
    /// The longest the queue has been.
    public var longestQueue: Int { queue.longestQueue }
    /// The share of server time spent busy so far.
    public var utilization: Double { queue.utilization(at: engine.now) }

    private func begin(_ started: StationQueue<Request>.Started) {
        let service = Duration.nanoseconds(started.request.serviceTime.sampleNanoseconds(using: &random))
        let visit = StationVisit(wait: started.wait, service: service)
        let continuation = started.request.continuation
        engine.send(to: self, after: service) { station in
            if let next = station.queue.finish(at: station.engine.now) { station.begin(next) }
            continuation.resume(returning: visit)
        }
    }
}
