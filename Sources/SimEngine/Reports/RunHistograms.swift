#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif
public import SimMetrics

/// A run's latency histograms, whole, as `histograms.json` holds them: what `simrun merge`
/// adds up exactly across runs and shards, where percentiles cannot be.
///
/// ```json
/// {"schema_version": 1, "unit": "ns", "latency": {"message_delivery": [[1000447, 3], [1001471, 9]]}}
/// ```
public struct RunHistograms: Codable, Equatable, Sendable {
    /// The version of this layout.
    public static let currentSchemaVersion = 1

    public var schemaVersion = RunHistograms.currentSchemaVersion
    /// The unit of every bucket's value: nanoseconds.
    public var unit = "ns"
    /// Each latency metric with values, by name: its buckets as `[nanoseconds, count]` pairs.
    public var latency: [String: LatencyHistogram]

    public init(latency: [String: LatencyHistogram]) {
        self.latency = latency
    }

    /// Adds `other`'s values, metric by metric.
    public mutating func merge(_ other: RunHistograms) {
        for (name, histogram) in other.latency { latency[name, default: LatencyHistogram()].merge(histogram) }
    }

    /// Each metric's summary, as `summary.json` gives it.
    public var summaries: [String: LatencySummary] { latency.mapValues(\.summary) }

    /// The histograms as compact JSON with sorted keys.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// Reads `histograms.json` text.
    public static func decode(_ data: Data) throws -> RunHistograms {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(RunHistograms.self, from: data)
    }
}
