import Histogram

/// A latency distribution kept as an HdrHistogram: three significant digits from 1 µs to one
/// hour, in about 180 KB whatever the number of values.
///
/// - Complexity: recording is O(1).
public struct LatencyHistogram: Sendable {
    private var histogram = Histogram<UInt64>(lowestDiscernibleValue: 1_000, highestTrackableValue: 3_600_000_000_000,
                                              numberOfSignificantValueDigits: .three)

    public init() {}

    /// Records one latency in nanoseconds; negative values count as zero and values beyond an
    /// hour as one hour.
    public mutating func record(nanoseconds: Int64) {
        let clamped = UInt64(Swift.min(Swift.max(nanoseconds, 0), 3_600_000_000_000))
        _ = histogram.record(clamped)
    }

    /// Adds every value of `other`.
    public mutating func merge(_ other: LatencyHistogram) {
        histogram.add(other.histogram)
    }

    /// Values recorded.
    public var count: UInt64 { histogram.totalCount }

    /// The latency at `percentile` (0–100), in nanoseconds.
    public func nanoseconds(atPercentile percentile: Double) -> UInt64 {
        histogram.valueAtPercentile(percentile)
    }

    /// The figures reports use.
    public var summary: LatencySummary {
        func milliseconds(_ nanoseconds: UInt64) -> Double { Double(nanoseconds) / 1e6 }
        guard count > 0 else { return LatencySummary(count: 0, p50Ms: 0, p90Ms: 0, p99Ms: 0, p999Ms: 0, maxMs: 0) }
        return LatencySummary(count: count,
                              p50Ms: milliseconds(nanoseconds(atPercentile: 50)),
                              p90Ms: milliseconds(nanoseconds(atPercentile: 90)),
                              p99Ms: milliseconds(nanoseconds(atPercentile: 99)),
                              p999Ms: milliseconds(nanoseconds(atPercentile: 99.9)),
                              maxMs: milliseconds(histogram.max))
    }
}
