import SimSupport

/// One metric of a comparison: its value in the baseline and in the new result, the change,
/// and whether the change is beyond the tolerance and beyond what the seeds' scatter explains.
public struct MetricComparison: Codable, Equatable, Sendable {
    /// What a comparison concluded of one metric.
    public enum Outcome: String, Codable, Sendable {
        /// Worse beyond the tolerance, and (with enough seeds) beyond the scatter between seeds.
        case regressed
        /// Better beyond the tolerance, and beyond the scatter.
        case improved
        /// Within the tolerance.
        case unchanged
        /// Beyond the tolerance, but not beyond what the scatter between seeds explains.
        case noise
    }

    /// The metric, as thresholds name it (`message_delivery.p99`, `delivery_ratio`).
    public var metric: String
    /// The unit of both values: `ms`, or empty for the ratio.
    public var unit: String
    /// The value over the baseline's seeds together (their histograms merged).
    public var baseline: Double
    /// The value over the new result's seeds together.
    public var new: Double
    /// `new` against `baseline`, in percent; nil when the baseline is zero.
    public var changePercent: Double?
    /// How much worse it may get, in percent.
    public var tolerancePercent: Double
    /// Seeds with a value of this metric on each side.
    public var baselineSeeds: Int
    public var newSeeds: Int
    /// The Mann–Whitney p-value of the per-seed values; nil with one seed on either side.
    public var pValue: Double?
    public var outcome: Outcome

    public init(metric: String, unit: String, baseline: Double, new: Double, changePercent: Double?, tolerancePercent: Double,
                baselineSeeds: Int, newSeeds: Int, pValue: Double?, outcome: Outcome) {
        self.metric = metric
        self.unit = unit
        self.baseline = baseline
        self.new = new
        self.changePercent = changePercent
        self.tolerancePercent = tolerancePercent
        self.baselineSeeds = baselineSeeds
        self.newSeeds = newSeeds
        self.pValue = pValue
        self.outcome = outcome
    }

    /// The change as reports print it: `+12.5 %`, or `–` from a zero baseline.
    public var changeText: String {
        changePercent.map { ($0 >= 0 ? "+" : "") + DecimalText.fixed($0, digits: 1) + " %" } ?? "–"
    }
}
