public import SimRuntime

/// Where a model records its measurements: latencies by handle, counters and gauges. The
/// recorder behind it is downstream of the model, which never reads what it recorded.
///
/// Calls may come from any thread in live mode; a sink serialises what it keeps.
public protocol MetricsSink: Sendable {
    /// Records one latency of `metric`, observed at `time`.
    func record(_ metric: LatencyHandle, nanoseconds: Int64, at time: SimulationInstant)
    /// Adds `amount` to `counter` at `time`.
    func add(_ counter: CounterMetric, _ amount: Int64, at time: SimulationInstant)
    /// Sets `gauge` to `value` at `time`.
    func set(_ gauge: GaugeMetric, to value: Int64, at time: SimulationInstant)
    /// Moves `gauge` by `delta` at `time` (a client connecting adds one, leaving takes one).
    func adjust(_ gauge: GaugeMetric, by delta: Int64, at time: SimulationInstant)
    /// Takes how loaded a station was over the run, reported once when the run ends.
    func report(_ load: StationLoad)
}
