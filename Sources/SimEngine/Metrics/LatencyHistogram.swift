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
        let clamped = Swift.min(UInt64(Swift.max(nanoseconds, 0)), Self.longest)
        _ = histogram.record(clamped)
    }

    /// Adds every value of `other`.
    public mutating func merge(_ other: LatencyHistogram) {
        histogram.add(other.histogram)
    }

    /// The histogram's non-empty buckets, lowest first: for each, a value in the bucket (its
    /// highest equivalent) and how many values fell in it. Recording them back gives a
    /// histogram with the same counts in the same buckets, so every figure derived from it
    /// (percentiles, the maximum, a merge) comes out the same.
    public var buckets: [LatencyBucket] {
        histogram.recordedValues().map { LatencyBucket(nanoseconds: $0.value, count: $0.count) }
    }

    /// A histogram holding `buckets`' counts.
    public init(buckets: [LatencyBucket]) {
        for bucket in buckets where bucket.count > 0 {
            _ = histogram.record(Swift.min(bucket.nanoseconds, Self.longest), count: bucket.count)
        }
    }

    /// The longest latency kept: an hour, in nanoseconds; longer values count as an hour.
    static let longest: UInt64 = 3_600_000_000_000

    /// Values recorded.
    public var count: UInt64 { histogram.totalCount }

    /// The latency at `percentile` (0–100), in nanoseconds.
    public func nanoseconds(atPercentile percentile: Double) -> UInt64 {
        histogram.valueAtPercentile(percentile)
    }

    /// The figures reports use.
    public var summary: LatencySummary {
        func milliseconds(_ nanoseconds: UInt64) -> Double { Double(nanoseconds) / 1e6 }
        guard count > 0 else {
            return LatencySummary(count: 0, meanMs: 0, p50Ms: 0, p90Ms: 0, p95Ms: 0, p99Ms: 0, p999Ms: 0, maxMs: 0)
        }
        return LatencySummary(count: count,
                              meanMs: histogram.mean / 1e6,
                              p50Ms: milliseconds(nanoseconds(atPercentile: 50)),
                              p90Ms: milliseconds(nanoseconds(atPercentile: 90)),
                              p95Ms: milliseconds(nanoseconds(atPercentile: 95)),
                              p99Ms: milliseconds(nanoseconds(atPercentile: 99)),
                              p999Ms: milliseconds(nanoseconds(atPercentile: 99.9)),
                              maxMs: milliseconds(histogram.max))
    }
}

extension LatencyHistogram: Codable {
    /// Encoded as its buckets, `[[nanoseconds, count], …]`: a few hundred pairs where the
    /// histogram itself is 180 KB of counts, and merged exactly once decoded. A histogram read
    /// holds at most ``mostValuesRead`` values, so that merging thousands of them cannot
    /// overflow a count.
    public init(from decoder: any Decoder) throws {
        let buckets = try [LatencyBucket](from: decoder)
        var total: UInt64 = 0
        for bucket in buckets {
            let (sum, overflow) = total.addingReportingOverflow(bucket.count)
            guard !overflow, sum <= Self.mostValuesRead else {
                throw DecodingError.dataCorrupted(DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "a histogram of more than \(Self.mostValuesRead) values; no run records so many"))
            }
            total = sum
        }
        self.init(buckets: buckets)
    }

    /// The most values a histogram read from a file may hold: 2^48, far above any run's.
    public static let mostValuesRead: UInt64 = 1 << 48

    public func encode(to encoder: any Encoder) throws {
        try buckets.encode(to: encoder)
    }
}

extension LatencyHistogram: Equatable {
    /// Histograms are equal when their buckets hold the same counts.
    public static func == (lhs: LatencyHistogram, rhs: LatencyHistogram) -> Bool {
        lhs.count == rhs.count && lhs.buckets == rhs.buckets
    }
}
