/// A small latency histogram for one interval of a time series: 256 logarithmic buckets from
/// 1 µs, each about 9 % wide (eight per doubling), 1 KB in all.
///
/// Percentiles are reported as the upper bound of their bucket, so they are accurate to about
/// 9 %; the run-level figures come from ``LatencyHistogram`` at three significant digits.
public struct CompactHistogram: Equatable, Sendable {
    private var counts = [UInt32](repeating: 0, count: 256)
    /// Values recorded.
    public private(set) var count: UInt64 = 0

    public init() {}

    /// The bucket of `nanoseconds`: eight buckets per doubling above 1 µs.
    static func bucket(of nanoseconds: Int64) -> Int {
        let microseconds = UInt64(Swift.max(nanoseconds, 0)) / 1_000
        guard microseconds > 1 else { return 0 }
        let exponent = 63 - microseconds.leadingZeroBitCount            // floor(log2)
        let fraction = exponent >= 3 ? Int((microseconds >> UInt64(exponent - 3)) & 7)
                                     : Int((microseconds << UInt64(3 - exponent)) & 7)
        return Swift.min(255, exponent * 8 + fraction)
    }

    /// The largest value, in nanoseconds, that falls in `bucket`.
    static func upperBound(of bucket: Int) -> Int64 {
        let exponent = bucket / 8
        let fraction = bucket % 8
        // Values in the bucket are below 2^exponent × (1 + (fraction + 1) / 8) µs.
        let microseconds = (Double(8 + fraction + 1) / 8) * Double(UInt64(1) << UInt64(exponent))
        return Int64(microseconds * 1_000)
    }

    /// The histogram of `counts`, one per bucket (256 of them), holding `count` values.
    init(counts: some Collection<UInt32>, count: UInt64) {
        precondition(counts.count == 256, "a compact histogram has 256 buckets")
        self.counts = Array(counts)
        self.count = count
    }

    /// Adds every value of `other`.
    mutating func merge(_ other: CompactHistogram) {
        for bucket in counts.indices { counts[bucket] &+= other.counts[bucket] }
        count += other.count
    }

    /// Records one latency in nanoseconds.
    public mutating func record(nanoseconds: Int64) {
        counts[Self.bucket(of: nanoseconds)] &+= 1
        count += 1
    }

    /// The latency at `percentile` (0–100) in nanoseconds, or 0 when empty.
    public func nanoseconds(atPercentile percentile: Double) -> Int64 {
        guard count > 0 else { return 0 }
        let rank = UInt64((percentile / 100 * Double(count)).rounded(.up))
        var seen: UInt64 = 0
        for (bucket, bucketCount) in counts.enumerated() where bucketCount > 0 {
            seen += UInt64(bucketCount)
            if seen >= Swift.max(rank, 1) { return Self.upperBound(of: bucket) }
        }
        return Self.upperBound(of: 255)
    }
}
