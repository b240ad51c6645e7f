public import SimCheckers
public import SimMetrics
public import SimEvents

/// One seed's run in a search: its verdict, what failed, its counts, and how to run it again.
/// What `explore.json` keeps of each run; the whole histograms are merged, not kept per run.
public struct SeedRun: Codable, Equatable, Sendable {
    public var seed: UInt64
    public var verdict: Verdict
    /// The run's trace hash: a seed that replays to it ran the same run.
    public var traceHash: String
    /// Units of work the engine executed.
    public var events: UInt64
    public var virtualSeconds: Double
    public var wallSeconds: Double
    /// Clients in the run (a swarm draws them per seed).
    public var clients: Int
    /// Faults the run went through, by kind (a swarm draws them per seed).
    public var faults: [String]
    public var messages: RunSummary.Messages
    /// The guarantees the run violated; those that held are left out.
    public var violated: [RunSummary.Invariant]
    /// Every threshold, judged on this run alone.
    public var thresholds: [RunSummary.ThresholdResult]
    /// Each latency metric's summary in this run alone, for comparisons that test over seeds
    /// (`simrun compare`); nil only in an `explore.json` written before it was recorded.
    public var latency: [String: LatencySummary]?
    /// How loaded each station was in this run; nil only in an `explore.json` written before
    /// stations were measured.
    public var stations: [StationLoad]?
    /// The command that runs this seed again.
    public var command: String

    /// The seed's run as `summary` describes it, with the faults it went through.
    public init(summary: RunSummary, faults: [String]) {
        seed = summary.seed
        verdict = summary.verdict
        traceHash = summary.traceHash
        events = summary.events
        virtualSeconds = summary.virtualSeconds
        wallSeconds = summary.wallSeconds
        clients = summary.clients
        self.faults = faults
        messages = summary.messages
        violated = summary.invariants.filter { $0.status == .fail }
        thresholds = summary.thresholds
        latency = summary.latency
        stations = summary.stations
        command = summary.command
    }
}
