/// A threshold judged over every seed of a search: how many seeds breached it alone, and what
/// the merged histograms of all of them observe.
public struct ThresholdOverSeeds: Codable, Equatable, Sendable {
    public var metric: String
    /// The threshold as written.
    public var condition: String
    /// Seeds whose run breached it.
    public var breaches: Int
    /// Seeds judged.
    public var seeds: Int
    /// The most seeds that may breach it for the search to pass, when it is judged seed by seed.
    public var allowedBreaches: Int
    /// The value observed on the merged histograms (milliseconds for latency) and the delivery
    /// counts summed over the seeds; nil when no run produced one.
    public var mergedObserved: Double?
    /// Whether the merged value meets the threshold.
    public var mergedPassed: Bool
    /// Whether the search meets it: on the merged value when judged merged, otherwise with at
    /// most `allowedBreaches` seeds breaching.
    public var passed: Bool

    public init(metric: String, condition: String, breaches: Int, seeds: Int, allowedBreaches: Int, mergedObserved: Double?,
                mergedPassed: Bool, passed: Bool) {
        self.metric = metric
        self.condition = condition
        self.breaches = breaches
        self.seeds = seeds
        self.allowedBreaches = allowedBreaches
        self.mergedObserved = mergedObserved
        self.mergedPassed = mergedPassed
        self.passed = passed
    }
}
