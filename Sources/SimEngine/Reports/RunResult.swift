public import SimMetrics

/// A finished run, as every report reads it: the summary (`summary.json`) and the time series.
/// Immutable: reports never reach back into the run.
public struct RunResult: Sendable {
    /// The run's verdicts, counts and latency summaries.
    public let summary: RunSummary
    /// The run's measurements per interval of virtual time.
    public let timeSeries: TimeSeries

    public init(summary: RunSummary, timeSeries: TimeSeries) {
        self.summary = summary
        self.timeSeries = timeSeries
    }
}
