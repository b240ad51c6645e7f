/// How loaded one queueing station of the model was over a run: what capacity planning reads
/// to find the bottleneck, and what Little's law (L = λW) ties together.
///
/// Everything is measured over a window of the run, ``seconds`` long from ``from``: a scenario's
/// steady state, from the end of its ramp-up to the end of its load. Each station knows its
/// window from the start and accounts for it as requests come and go, and is read once the run
/// is over: a reading mid-run would be a hop to every station's actor, which can move the run
/// it measures.
public struct StationLoad: Codable, Equatable, Sendable {
    /// The station (`gateway.parse[node=0]`, `store.pool`, `provider.push`).
    public var name: String
    /// Requests it serves at once.
    public var servers: Int
    /// Requests that arrived in the window, and that were served to completion in it.
    public var arrivals: Int
    public var completed: Int
    /// When the window begins, in seconds of the run, and how long it is.
    public var from: Double
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

    public init(name: String, servers: Int, arrivals: Int, completed: Int, from: Double, seconds: Double, utilization: Double,
                meanQueueLength: Double, meanInSystem: Double, arrivalRate: Double, throughput: Double, meanSojournMs: Double,
                longestQueue: Int) {
        self.name = name
        self.servers = servers
        self.arrivals = arrivals
        self.completed = completed
        self.from = from
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

extension StationLoad {
    /// The station nearest saturation among `loads`: the highest utilisation (the first by name
    /// among equals), or nil when none was busy at all.
    public static func busiest(of loads: [StationLoad]) -> StationLoad? {
        loads.filter { $0.utilization > 0 }.max { ($0.utilization, $1.name) < ($1.utilization, $0.name) }
    }

    /// Each station's figures averaged over `runs` (one list of loads per run), by name; the
    /// longest queue is the longest of any run.
    public static func mean(of runs: [[StationLoad]]) -> [StationLoad] {
        let all = runs.flatMap { $0 }
        let names = Array(Set(all.map(\.name))).sorted()
        return names.map { name in
            let loads = all.filter { $0.name == name }
            let count = Double(loads.count)
            func average(_ value: (StationLoad) -> Double) -> Double { loads.reduce(0) { $0 + value($1) } / count }
            return StationLoad(name: name, servers: loads[0].servers, arrivals: loads.reduce(0) { $0 + $1.arrivals } / loads.count,
                               completed: loads.reduce(0) { $0 + $1.completed } / loads.count, from: average(\.from),
                               seconds: average(\.seconds),
                               utilization: average(\.utilization), meanQueueLength: average(\.meanQueueLength),
                               meanInSystem: average(\.meanInSystem), arrivalRate: average(\.arrivalRate),
                               throughput: average(\.throughput), meanSojournMs: average(\.meanSojournMs),
                               longestQueue: loads.map(\.longestQueue).max() ?? 0)
        }
    }
}
