/// A run's measurements after the run, as the reports read them.
public struct MetricsSnapshot: Sendable {
    /// Each latency metric with values, by name.
    public var summaries: [String: LatencySummary]
    /// The measurements per interval of virtual time.
    public var timeSeries: TimeSeries

    public init(summaries: [String: LatencySummary], timeSeries: TimeSeries) {
        self.summaries = summaries
        self.timeSeries = timeSeries
    }
}
