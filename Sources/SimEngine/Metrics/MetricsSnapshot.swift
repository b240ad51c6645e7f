public import SimEvents

/// A run's measurements after the run, as the reports read them.
public struct MetricsSnapshot: Sendable {
    /// Each latency metric with values, by name.
    public var summaries: [String: LatencySummary]
    /// The measurements per interval of virtual time.
    public var timeSeries: TimeSeries
    /// Each latency metric with values, by name, whole: what runs are merged by.
    public var histograms: [String: LatencyHistogram]
    /// How loaded each station was, by name.
    public var stations: [StationLoad]

    public init(summaries: [String: LatencySummary], timeSeries: TimeSeries, histograms: [String: LatencyHistogram] = [:],
                stations: [StationLoad] = []) {
        self.summaries = summaries
        self.timeSeries = timeSeries
        self.histograms = histograms
        self.stations = stations
    }
}
