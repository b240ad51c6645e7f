public import SimEvents
public import SimRuntime
import SimSupport

/// The run's measurements, downstream of the model: latency distributions by catalog handle,
/// counters and gauges, for the whole run and per interval of virtual time.
///
/// The model records through the ``MetricsSink`` it was given; recording is an index into
/// arrays sized from the ``MetricCatalog`` once, never a name lookup. After the run,
/// ``snapshot`` is the immutable result the reports read.
///
/// ```swift
/// let metrics = MetricsRecorder(catalog: MetricCatalog(), interval: .seconds(1))
/// metrics.record(metrics.catalog.handle(.messageDelivery), nanoseconds: 20_000_000, at: now)
/// print(metrics.snapshot.summaries["message_delivery"]?.p99Ms)
/// ```
public final class MetricsRecorder: MetricsSink, Sendable {
    private struct State {
        var histograms: [LatencyHistogram]
        /// Counters, then gauges: each series' value now (gauges) or never used (counters).
        var gauges: [Int64] = Array(repeating: 0, count: GaugeMetric.allCases.count)
        var gaugeUsed: [Bool] = Array(repeating: false, count: GaugeMetric.allCases.count)
        var intervals: [TimeSeries.Interval] = []
        /// The latest interval's latencies, kept flat until a later interval begins (then they
        /// go into `intervals` as compact histograms): 256 bucket counts per metric, and each
        /// metric's count. Recording into the interval now is two array increments.
        var latestBuckets: [UInt32]
        var latestCounts: [UInt64]
        /// The row `latestBuckets` belongs to, and where it starts and ends in nanoseconds.
        var latestRow = 0
        var latestStart: Int64 = 0
        var latestEnd: Int64

        init(metrics: Int, intervalNanoseconds: Int64) {
            histograms = Array(repeating: LatencyHistogram(), count: metrics)
            latestBuckets = Array(repeating: 0, count: metrics * 256)
            latestCounts = Array(repeating: 0, count: metrics)
            latestEnd = intervalNanoseconds
        }
    }

    /// The metrics that can be recorded.
    public let catalog: MetricCatalog
    /// The length of each interval of the time series.
    public let interval: Duration
    private let intervalNanoseconds: Int64
    /// One state per recording thread: live mode's workers each record into their own, under a
    /// lock no other worker takes, and the shards are merged when read. Gauges live in the first.
    private let shards: [Shard]
    private static let counters = CounterMetric.allCases.count
    /// The stations' loads reported at the end of the run.
    private let stations = Guarded<[StationLoad]>([])

    /// One shard of the recorder's state.
    private final class Shard: Sendable {
        let state: Guarded<State>

        init(_ state: sending State) {
            self.state = Guarded(state)
        }
    }

    /// Creates a recorder for `catalog`'s metrics whose time series has one row per `interval`
    /// of virtual time.
    ///
    /// - Parameter workers: the live-mode workers that record into it, each into a shard of
    ///   its own; 0 (simulation mode) keeps one state.
    public init(catalog: MetricCatalog, interval: Duration = .seconds(1), workers: Int = 0) {
        precondition(interval > .zero, "a time series needs a positive interval")
        self.catalog = catalog
        self.interval = interval
        let intervalNanoseconds = interval.wholeNanoseconds
        self.intervalNanoseconds = intervalNanoseconds
        shards = (0...Swift.max(0, workers)).map { _ in
            Shard(State(metrics: catalog.latencies.count, intervalNanoseconds: intervalNanoseconds))
        }
    }

    /// The calling thread's shard: its worker's in live mode, the only one in simulation mode.
    private var shard: Shard {
        shards.count == 1 ? shards[0] : shards[Swift.min(WorkerSlot.current, shards.count - 1)]
    }

    public func record(_ metric: LatencyHandle, nanoseconds: Int64, at time: SimulationInstant) {
        shard.state.withLock { state in
            state.histograms[metric.index].record(nanoseconds: nanoseconds)
            let bucket = CompactHistogram.bucket(of: nanoseconds)
            if time.nanoseconds >= state.latestStart, time.nanoseconds < state.latestEnd {
                state.latestBuckets[metric.index &* 256 &+ bucket] &+= 1
                state.latestCounts[metric.index] &+= 1
                return
            }
            let row = intervalIndex(for: time, in: &state)
            if row == state.latestRow {
                state.latestBuckets[metric.index &* 256 &+ bucket] &+= 1
                state.latestCounts[metric.index] &+= 1
            } else {
                // Earlier than the latest interval: only live mode's threads record out of order.
                if state.intervals[row].latencies[metric.index] == nil {
                    state.intervals[row].latencies[metric.index] = CompactHistogram()
                }
                state.intervals[row].latencies[metric.index]!.record(nanoseconds: nanoseconds)
            }
        }
    }

    public func add(_ counter: CounterMetric, _ amount: Int64, at time: SimulationInstant) {
        shard.state.withLock { state in
            let row = intervalIndex(for: time, in: &state)
            state.intervals[row].values[counter.index] += amount
        }
    }

    public func set(_ gauge: GaugeMetric, to value: Int64, at time: SimulationInstant) {
        shards[0].state.withLock { state in
            state.gauges[gauge.index] = value
            state.gaugeUsed[gauge.index] = true
            let row = intervalIndex(for: time, in: &state)
            state.intervals[row].values[Self.counters + gauge.index] = value
        }
    }

    public func adjust(_ gauge: GaugeMetric, by delta: Int64, at time: SimulationInstant) {
        shards[0].state.withLock { state in
            state.gauges[gauge.index] += delta
            state.gaugeUsed[gauge.index] = true
            let row = intervalIndex(for: time, in: &state)
            state.intervals[row].values[Self.counters + gauge.index] = state.gauges[gauge.index]
        }
    }

    /// The gauge's value now.
    public func value(of gauge: GaugeMetric) -> Int64 {
        shards[0].state.withLock { $0.gauges[gauge.index] }
    }

    /// The row for `time`, adding rows up to it. A row after the latest one becomes the latest,
    /// the previous one's latencies moved into their row.
    private func intervalIndex(for time: SimulationInstant, in state: inout State) -> Int {
        let row = Int(Swift.max(0, time.nanoseconds) / intervalNanoseconds)
        addRows(through: row, in: &state)
        if row > state.latestRow {
            settleLatest(in: &state)
            state.latestRow = row
            state.latestStart = Int64(row) * intervalNanoseconds
            state.latestEnd = state.latestStart + intervalNanoseconds
        }
        return row
    }

    /// Adds rows up to `row`; gauges carry their value into new rows.
    private func addRows(through row: Int, in state: inout State) {
        while state.intervals.count <= row {
            let start = SimulationInstant(nanoseconds: Int64(state.intervals.count) * intervalNanoseconds)
            state.intervals.append(TimeSeries.Interval(
                start: start, values: Array(repeating: 0, count: Self.counters) + state.gauges,
                latencies: Array(repeating: nil, count: catalog.latencies.count)))
        }
    }

    /// Moves the latest interval's latencies into its row, merged with any recorded there
    /// apart, and clears them.
    private func settleLatest(in state: inout State) {
        let row = state.latestRow
        guard state.latestCounts.contains(where: { $0 > 0 }) else { return }
        addRows(through: row, in: &state)
        for metric in state.latestCounts.indices where state.latestCounts[metric] > 0 {
            let buckets = state.latestBuckets[(metric * 256)..<(metric * 256 + 256)]
            var latest = CompactHistogram(counts: buckets, count: state.latestCounts[metric])
            if let apart = state.intervals[row].latencies[metric] { latest.merge(apart) }
            state.intervals[row].latencies[metric] = latest
            state.latestCounts[metric] = 0
            for index in (metric * 256)..<(metric * 256 + 256) { state.latestBuckets[index] = 0 }
        }
    }

    public func report(_ load: StationLoad) {
        stations.withLock { $0.append(load) }
    }

    /// What was recorded so far, as an immutable value: each latency metric's summary (those
    /// with values), the time series (every counter, the gauges that were used, and the
    /// latency metrics with values), the shards merged, and the stations' loads.
    public var snapshot: MetricsSnapshot {
        let states = shards.map { shard in
            shard.state.withLock { state in
                settleLatest(in: &state)
                return state
            }
        }
        var state = states[0]
        for other in states.dropFirst() { merge(other, into: &state) }
        let recorded = catalog.latencies.indices.filter { state.histograms[$0].count > 0 }
        var summaries: [String: LatencySummary] = [:]
        var histograms: [String: LatencyHistogram] = [:]
        for index in recorded {
            summaries[catalog.names[index]] = state.histograms[index].summary
            histograms[catalog.names[index]] = state.histograms[index]
        }
        let gauges = GaugeMetric.allCases.filter { state.gaugeUsed[$0.index] }
        let columns = CounterMetric.allCases.map(\.index) + gauges.map { Self.counters + $0.index }
        let intervals = state.intervals.map { interval in
            TimeSeries.Interval(start: interval.start, values: columns.map { interval.values[$0] },
                                latencies: recorded.map { interval.latencies[$0] })
        }
        let series = TimeSeries(interval: interval,
                                series: CounterMetric.allCases.map(\.rawValue) + gauges.map(\.rawValue),
                                latencies: recorded.map { catalog.names[$0] }, intervals: intervals)
        // By name, so that the order the stations reported in (live mode: any) does not show.
        let stations = stations.withLock { $0 }.sorted { $0.name < $1.name }
        return MetricsSnapshot(summaries: summaries, timeSeries: series, histograms: histograms, stations: stations)
    }

    /// Adds a worker shard's latencies and counters to `state`, the first shard's, which holds
    /// the gauges: rows it lacks carry its gauges' last values.
    private func merge(_ other: State, into state: inout State) {
        for index in state.histograms.indices { state.histograms[index].merge(other.histograms[index]) }
        if other.intervals.count > state.intervals.count { addRows(through: other.intervals.count - 1, in: &state) }
        for (row, interval) in other.intervals.enumerated() {
            for counter in 0..<Self.counters { state.intervals[row].values[counter] += interval.values[counter] }
            for (metric, latencies) in interval.latencies.enumerated() {
                guard let latencies else { continue }
                if state.intervals[row].latencies[metric] == nil {
                    state.intervals[row].latencies[metric] = latencies
                } else {
                    state.intervals[row].latencies[metric]!.merge(latencies)
                }
            }
        }
    }
}
