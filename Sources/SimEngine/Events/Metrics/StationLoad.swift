/// How loaded one queueing station of the model was over a run: what capacity planning reads
/// to find the bottleneck, and what Little's law (L = λW) ties together.
///
/// Time averages are over ``seconds``, from the start of the run to its end: the whole run,
/// ramp-up and drain included, so a station saturated under load shows a utilisation below 1.
/// The stations are read once the run is over: a reading mid-run would be a hop to every
/// station's actor, which can move the run it measures.
public struct StationLoad: Codable, Equatable, Sendable {
    /// The station (`gateway.parse[node=0]`, `store.pool`, `provider.push`).
    public var name: String
    /// Requests it serves at once.
    public var servers: Int
    /// Requests that arrived, and that were served to completion.
    public var arrivals: Int
    public var completed: Int
    /// The span the averages are over.
    public var seconds: Double
    /// The share of server time spent busy, from 0 to 1: ρ.
    public var utilization: Double
    /// Requests waiting for a server, on average over time: L_q.
    public var meanQueueLength: Double
    /// Requests waiting or being served, on average over time: L.
    public var meanInSystem: Double
    /// Arrivals per second: λ.
    public var arrivalRate: Double
    /// Requests completed per second.
    public var throughput: Double
    /// The mean time from arrival to the end of service of the requests that got a server,
    /// in milliseconds: W.
    public var meanSojournMs: Double
    /// The longest the queue has been.
    public var longestQueue: Int

    public init(name: String, servers: Int, arrivals: Int, completed: Int, seconds: Double, utilization: Double,
                meanQueueLength: Double, meanInSystem: Double, arrivalRate: Double, throughput: Double, meanSojournMs: Double,
                longestQueue: Int) {
        self.name = name
        self.servers = servers
        self.arrivals = arrivals
        self.completed = completed
        self.seconds = seconds
        self.utilization = utilization
        self.meanQueueLength = meanQueueLength
        self.meanInSystem = meanInSystem
        self.arrivalRate = arrivalRate
        self.throughput = throughput
        self.meanSojournMs = meanSojournMs
        self.longestQueue = longestQueue
    }
}
