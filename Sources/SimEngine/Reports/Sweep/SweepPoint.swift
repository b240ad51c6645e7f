public import SimEvents

/// One load a sweep ran, over its seeds: whether every SLO and guarantee held on every seed,
/// the delivery latency over the seeds together, and how loaded each station was.
public struct SweepPoint: Codable, Equatable, Sendable {
    /// The value of the parameter searched (clients, say).
    public var value: Int
    /// Seeds run.
    public var seeds: Int
    /// Whether every seed met every threshold and held every guarantee.
    public var passed: Bool
    /// What failed on some seed: guarantees, then thresholds as written.
    public var failures: [String]
    /// Message delivery latency over the seeds' merged histograms, in milliseconds.
    public var deliveryP50Ms: Double?
    public var deliveryP95Ms: Double?
    public var deliveryP99Ms: Double?
    /// Each station's load, averaged over the seeds.
    public var stations: [StationLoad]

    /// The point that `result`, a search of the seeds at `value`, found.
    public init(value: Int, result: ExplorationSummary) {
        self.value = value
        seeds = result.runs.count
        passed = result.verdict == .pass
        var failures: [String] = []
        for run in result.runs {
            for name in run.violated.map(\.name) + run.thresholds.filter({ !$0.passed }).map(\.condition)
            where !failures.contains(name) {
                failures.append(name)
            }
        }
        self.failures = failures
        let delivery = result.histograms.summaries["message_delivery"]
        deliveryP50Ms = delivery?.p50Ms
        deliveryP95Ms = delivery?.p95Ms
        deliveryP99Ms = delivery?.p99Ms
        stations = StationLoad.mean(of: result.runs.compactMap(\.stations))
    }

    /// The station nearest saturation, if any was busy at all.
    public var bottleneck: StationLoad? { StationLoad.busiest(of: stations) }
}
