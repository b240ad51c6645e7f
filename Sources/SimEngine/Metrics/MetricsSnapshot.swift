/// A run's measurements after the run, as the reports read them.
public struct MetricsSnapshot: Sendable {
    /// Each latency metric with values, by name.
    public var summaries: [String: LatencySummary]
    /// The measurements per interval of virtual time.
    public var timeSeries: TimeSeries
    /// Each latency metric with values, by name, whole: what runs are merged by.
    public var histograms: [String: LatencyHistogram]

    public init(summaries: [String: LatencySummary], timeSeries: TimeSeries, histograms: [String: LatencyHistogram] = [:]) {
        self.summaries = summaries
        self.timeSeries = timeSeries
        self.histograms = histograms
    }
}
