/// One bucket of a ``LatencyHistogram``: a latency within it, in nanoseconds, and how many
/// values fell in it. Encoded as the pair `[nanoseconds, count]`.
public struct LatencyBucket: Equatable, Sendable {
    /// A value in the bucket (the histogram reports its highest equivalent).
    public var nanoseconds: UInt64
    /// Values recorded in the bucket.
    public var count: UInt64

    public init(nanoseconds: UInt64, count: UInt64) {
        self.nanoseconds = nanoseconds
        self.count = count
    }
}

extension LatencyBucket: Codable {
    public init(from decoder: any Decoder) throws {
        var pair = try decoder.unkeyedContainer()
        nanoseconds = try pair.decode(UInt64.self)
        count = try pair.decode(UInt64.self)
        guard pair.isAtEnd else {
            throw DecodingError.dataCorruptedError(in: pair, debugDescription: "a bucket is a pair [nanoseconds, count]")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var pair = encoder.unkeyedContainer()
        try pair.encode(nanoseconds)
        try pair.encode(count)
    }
}
