import Synchronization

/// The run's metrics, shared by every actor: latency distributions, counters and gauges, for
/// the whole run and per interval of virtual time.
///
/// Components register a metric once and keep its handle, so recording is an index, not a
/// name lookup:
///
/// ```swift
/// let delivery = engine.metrics.latency("message_delivery")
/// engine.metrics.record(delivery, nanoseconds: latency, at: engine.now)
/// ```
public final class MetricsRecorder: Sendable {
    /// A registered latency metric.
    public struct Handle: Hashable, Sendable {
        fileprivate let index: Int
    }

    /// A registered counter or gauge.
    public struct Series: Hashable, Sendable {
        fileprivate let index: Int
    }

    /// One interval of the time series.
    public struct Interval: Sendable {
        /// The interval's start.
        public var start: SimulationInstant
        /// Each counter's increments and each gauge's last value in the interval, by series.
        public var values: [Int64]
        /// Each latency metric's values in the interval, by handle.
        public var latencies: [CompactHistogram]
    }

    private struct State {
        var latencyNames: [String] = []
        var histograms: [LatencyHistogram] = []
        var seriesNames: [String] = []
        var seriesIsGauge: [Bool] = []
        var gauges: [Int64] = []
        var intervals: [Interval] = []
    }

    /// The length of each interval of the time series.
    public let interval: Duration
    private let intervalNanoseconds: Int64
    private let state = Mutex(State())

    /// Creates a recorder whose time series has one row per `interval` of virtual time.
    public init(interval: Duration = .seconds(1)) {
        precondition(interval > .zero, "a time series needs a positive interval")
        self.interval = interval
        intervalNanoseconds = interval.wholeNanoseconds
    }

    /// The handle of the latency metric `name`, registering it on first use.
    public func latency(_ name: String) -> Handle {
        state.withLock { state in
            if let index = state.latencyNames.firstIndex(of: name) { return Handle(index: index) }
            state.latencyNames.append(name)
            state.histograms.append(LatencyHistogram())
            for index in state.intervals.indices { state.intervals[index].latencies.append(CompactHistogram()) }
            return Handle(index: state.latencyNames.count - 1)
        }
    }

    /// The handle of the counter `name` (summed per interval), registering it on first use.
    public func counter(_ name: String) -> Series { series(name, isGauge: false) }

    /// The handle of the gauge `name` (its last value per interval), registering it on first use.
    public func gauge(_ name: String) -> Series { series(name, isGauge: true) }

    private func series(_ name: String, isGauge: Bool) -> Series {
        state.withLock { state in
            if let index = state.seriesNames.firstIndex(of: name) { return Series(index: index) }
            state.seriesNames.append(name)
            state.seriesIsGauge.append(isGauge)
            state.gauges.append(0)
            for index in state.intervals.indices { state.intervals[index].values.append(0) }
            return Series(index: state.seriesNames.count - 1)
        }
    }

    /// Records one latency of the metric, observed at `time`.
    public func record(_ handle: Handle, nanoseconds: Int64, at time: SimulationInstant) {
        state.withLock { state in
            state.histograms[handle.index].record(nanoseconds: nanoseconds)
            let row = intervalIndex(for: time, in: &state)
            state.intervals[row].latencies[handle.index].record(nanoseconds: nanoseconds)
        }
    }

    /// Adds `amount` to the counter at `time`.
    public func add(_ series: Series, _ amount: Int64 = 1, at time: SimulationInstant) {
        state.withLock { state in
            let row = intervalIndex(for: time, in: &state)
            state.intervals[row].values[series.index] += amount
        }
    }

    /// Sets the gauge to `value` at `time`; later intervals keep it until it changes.
    public func set(_ series: Series, to value: Int64, at time: SimulationInstant) {
        state.withLock { state in
            state.gauges[series.index] = value
            let row = intervalIndex(for: time, in: &state)
            state.intervals[row].values[series.index] = value
        }
    }

    /// Moves the gauge by `delta` at `time` (a client connecting adds one, leaving takes one).
    public func adjust(_ series: Series, by delta: Int64, at time: SimulationInstant) {
        state.withLock { state in
            state.gauges[series.index] += delta
            let row = intervalIndex(for: time, in: &state)
            state.intervals[row].values[series.index] = state.gauges[series.index]
        }
    }

    /// The current value of the gauge called `name`, or nil if no gauge has that name.
    public func value(ofGauge name: String) -> Int64? {
        state.withLock { state in
            state.seriesNames.firstIndex(of: name).flatMap { state.seriesIsGauge[$0] ? state.gauges[$0] : nil }
        }
    }

    /// The row for `time`, adding rows up to it; gauges carry their value into new rows.
    private func intervalIndex(for time: SimulationInstant, in state: inout State) -> Int {
        let row = Int(Swift.max(0, time.nanoseconds) / intervalNanoseconds)
        while state.intervals.count <= row {
            let start = SimulationInstant(nanoseconds: Int64(state.intervals.count) * intervalNanoseconds)
            let values = state.seriesIsGauge.indices.map { state.seriesIsGauge[$0] ? state.gauges[$0] : 0 }
            state.intervals.append(Interval(start: start, values: values,
                                            latencies: Array(repeating: CompactHistogram(), count: state.latencyNames.count)))
        }
        return row
    }

    /// Every latency metric's run-level summary, by name.
    public var summaries: [String: LatencySummary] {
        state.withLock { state in
            // A metric nothing was recorded into (no reconnects in a calm run) has no percentiles.
            Dictionary(uniqueKeysWithValues: zip(state.latencyNames, state.histograms.map(\.summary)).filter { $0.1.count > 0 })
        }
    }

    /// The time series: the names of the counters and gauges and of the latency metrics, and
    /// the rows in time order.
    public var timeSeries: (series: [String], latencies: [String], intervals: [Interval]) {
        state.withLock { ($0.seriesNames, $0.latencyNames, $0.intervals) }
    }
}
