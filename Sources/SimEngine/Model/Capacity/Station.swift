public import SimRuntime
public import SimEvents

/// A queueing station as a value an actor embeds: its FIFO queue, its service-time draws and
/// what each request does when served. It has no clock; the host actor passes the time and
/// schedules each ``Service`` it is handed to finish at ``Service/finishesAt``, then calls
/// ``finish(at:)`` and runs the service's completion.
///
/// Embedding stations in the actor that owns the stage (a gateway node's parse and fan-out
/// stages, the store's pool) keeps a request's path free of extra actor hops.
///
/// ```swift
/// if let service = parse.arrive(at: now, completion: { node, visit in node.parsed(...) }) { schedule(service) }
/// // when the service is due, isolated to the host:
/// if let next = parse.finish(at: now) { schedule(next) }
/// service.completion(self, service.visit)
/// ```
public struct Station<Host: Actor>: Sendable {
    /// A request being served: when it finishes and what it experienced.
    public struct Service: Sendable {
        /// When the request's service ends.
        public var finishesAt: SimulationInstant
        /// Its wait and service time.
        public var visit: StationVisit
        /// What the request does once served, called by the host.
        public var completion: @Sendable (isolated Host, StationVisit) -> Void
    }

    private struct Request: Sendable {
        var serviceTime: Distribution
        var scale: Double
        var completion: @Sendable (isolated Host, StationVisit) -> Void
    }

    /// The station's configured service time.
    public let serviceTime: Distribution
    private var queue: StationQueue<Request>
    private var random: RandomStream
    /// The service time drawn for every request that got a server, in total.
    private var totalServiceNanoseconds: Int64 = 0

    /// Creates a station with `configuration`'s servers and service time, drawing from `random`,
    /// that measures itself over `window` (the whole run by default; a scenario's steady state).
    public init(_ configuration: StationConfiguration, random: RandomStream,
                window: Range<SimulationInstant> = SimulationInstant.start..<SimulationInstant(nanoseconds: .max)) {
        serviceTime = configuration.serviceTime
        queue = StationQueue(servers: configuration.servers, window: window.lowerBound.nanoseconds..<window.upperBound.nanoseconds)
        self.random = random
    }

    /// A request arrives at `time`; returns its service if a server was free.
    ///
    /// - Parameters:
    ///   - serviceTime: this request's service time when it differs from the station's.
    ///   - scale: multiplies the drawn service time (a fan-out to n recipients costs n).
    public mutating func arrive(at time: SimulationInstant, serviceTime: Distribution? = nil, scale: Double = 1,
                                completion: @escaping @Sendable (isolated Host, StationVisit) -> Void) -> Service? {
        let request = Request(serviceTime: serviceTime ?? self.serviceTime, scale: scale, completion: completion)
        guard let started = queue.arrive(request, at: time) else { return nil }
        return begin(started)
    }

    /// A service ended at `time`; returns the next waiting request's service, if any.
    public mutating func finish(at time: SimulationInstant) -> Service? {
        guard let started = queue.finish(at: time) else { return nil }
        return begin(started)
    }

    /// Requests served to completion.
    public var completed: Int { queue.completed }
    /// The longest the queue has been.
    public var longestQueue: Int { queue.longestQueue }
    /// Requests waiting now.
    public var queueLength: Int { queue.queueLength }
    /// The share of server time spent busy over the station's window until `time`.
    public func utilization(at time: SimulationInstant) -> Double { queue.utilization(at: time) }

    /// How loaded the station was over its window until `time`, under `name`.
    public func load(named name: String, at time: SimulationInstant) -> StationLoad {
        let seconds = Double(queue.measured(at: time)) / 1e9
        let sojourn = queue.started == 0 ? 0
            : Double(queue.totalWaitNanoseconds + totalServiceNanoseconds) / Double(queue.started) / 1e6
        return StationLoad(name: name, servers: queue.servers, arrivals: queue.arrivals, completed: queue.completed,
                           from: Double(queue.window.lowerBound) / 1e9, seconds: seconds, utilization: queue.utilization(at: time),
                           meanQueueLength: queue.meanQueueLength(at: time), meanInSystem: queue.meanInSystem(at: time),
                           arrivalRate: seconds > 0 ? Double(queue.arrivals) / seconds : 0,
                           throughput: seconds > 0 ? Double(queue.completed) / seconds : 0, meanSojournMs: sojourn,
                           longestQueue: queue.longestQueue)
    }

    private mutating func begin(_ started: StationQueue<Request>.Started) -> Service {
        var nanoseconds = started.request.serviceTime.sampleNanoseconds(using: &random)
        if started.request.scale != 1 { nanoseconds = Int64((Double(nanoseconds) * started.request.scale).rounded()) }
        let service = Duration.nanoseconds(nanoseconds)
        if queue.window.contains(started.startedAt.nanoseconds) { totalServiceNanoseconds += nanoseconds }
        return Service(finishesAt: started.startedAt.advanced(by: service),
                       visit: StationVisit(wait: started.wait, service: service),
                       completion: started.request.completion)
    }
}
