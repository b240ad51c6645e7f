
/// Each latency metric's percentiles as CSV: `metric,percentile,latency_ms`, one row per
/// percentile in a fixed ladder from p50 to the maximum.
public enum LatencyTable {
    /// The CSV text for `summary`.
    public static func csv(for summary: RunSummary) -> String {
        var rows = ["metric,percentile,latency_ms"]
        for (name, latency) in summary.latency.sorted(by: { $0.key < $1.key }) {
            for (percentile, value) in [("50", latency.p50Ms), ("90", latency.p90Ms), ("95", latency.p95Ms), ("99", latency.p99Ms),
                                        ("99.9", latency.p999Ms), ("100", latency.maxMs)] {
                rows.append("\(name),\(percentile),\(value.map { "\($0)" } ?? "")")
            }
        }
        return rows.joined(separator: "\n") + "\n"
    }
}
