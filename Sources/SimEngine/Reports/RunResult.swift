public import SimMetrics

/// A finished run, as every report reads it: the summary (`summary.json`), the time series and
/// the whole latency histograms (`histograms.json`). Immutable: reports never reach back into
/// the run.
public struct RunResult: Sendable {
    /// The run's verdicts, counts and latency summaries.
    public let summary: RunSummary
    /// The run's measurements per interval of virtual time.
    public let timeSeries: TimeSeries
    /// Each latency metric's whole histogram, for merging runs exactly.
    public let histograms: RunHistograms
    /// When the faults the scenario injected were active, for the charts.
    public let faults: [FaultWindow]

    public init(summary: RunSummary, timeSeries: TimeSeries, histograms: RunHistograms = RunHistograms(latency: [:]),
                faults: [FaultWindow] = []) {
        self.summary = summary
        self.timeSeries = timeSeries
        self.histograms = histograms
        self.faults = faults
    }
}
