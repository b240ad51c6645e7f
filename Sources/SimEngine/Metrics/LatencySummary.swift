/// A latency distribution reduced to the figures reports and thresholds use, in milliseconds.
///
/// The mean is the histogram's: each value counted at its bucket's midpoint, within 0.1 % of the
/// exact mean, so that merged runs give the same mean as one run.
public struct LatencySummary: Codable, Equatable, Sendable {
    /// Values recorded.
    public var count: UInt64
    /// The mean; nil only in a `summary.json` written before the mean was recorded.
    public var meanMs: Double?
    public var p50Ms: Double
    public var p90Ms: Double
    /// The 95th percentile; nil only in a `summary.json` written before it was recorded.
    public var p95Ms: Double?
    public var p99Ms: Double
    public var p999Ms: Double
    public var maxMs: Double

    public init(count: UInt64, meanMs: Double, p50Ms: Double, p90Ms: Double, p95Ms: Double, p99Ms: Double, p999Ms: Double,
                maxMs: Double) {
        self.count = count
        self.meanMs = meanMs
        self.p50Ms = p50Ms
        self.p90Ms = p90Ms
        self.p95Ms = p95Ms
        self.p99Ms = p99Ms
        self.p999Ms = p999Ms
        self.maxMs = maxMs
    }

    /// The statistics reports print, in the order of ``figures``: `mean`, `p50`, `p90`, `p95`,
    /// `p99`, `p99.9`, `max`.
    public static let columns = ["mean", "p50", "p90", "p95", "p99", "p99.9", "max"]

    /// The figures of ``columns``, in milliseconds (nil where an older summary lacks one).
    public var figures: [Double?] { [meanMs, p50Ms, p90Ms, p95Ms, p99Ms, p999Ms, maxMs] }

    /// The figure that a threshold's `statistic` names (see ``Threshold/statistics``), or nil
    /// for a statistic this summary lacks.
    public func value(of statistic: String) -> Double? {
        switch statistic {
        case "avg": meanMs
        case "p50": p50Ms
        case "p90": p90Ms
        case "p95": p95Ms
        case "p99": p99Ms
        case "p99.9": p999Ms
        case "max": maxMs
        default: nil
        }
    }
}
