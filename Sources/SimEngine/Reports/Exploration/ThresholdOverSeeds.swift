import SimMetrics

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
    /// The value observed on the merged histograms and the message counts summed over the
    /// seeds, in ``unit``; nil when no run produced one.
    public var mergedObserved: Double?
    /// The unit of the observed value: `ms`, `/s`, or empty for ratios and counts; nil only in
    /// an `explore.json` written before it was recorded.
    public var unit: String?
    /// Whether the merged value meets the threshold.
    public var mergedPassed: Bool
    /// Whether the search meets it: on the merged value when judged merged, otherwise with at
    /// most `allowedBreaches` seeds breaching.
    public var passed: Bool

    public init(metric: String, condition: String, breaches: Int, seeds: Int, allowedBreaches: Int, mergedObserved: Double?,
                unit: String?, mergedPassed: Bool, passed: Bool) {
        self.unit = unit
        self.metric = metric
        self.condition = condition
        self.breaches = breaches
        self.seeds = seeds
        self.allowedBreaches = allowedBreaches
        self.mergedObserved = mergedObserved
        self.mergedPassed = mergedPassed
        self.passed = passed
    }

    /// The merged value as reports print it, with its unit; nil when no run produced one.
    public var mergedObservedText: String? {
        mergedObserved.map { Threshold.text(of: $0, unit: unit, metric: metric) }
    }
}
