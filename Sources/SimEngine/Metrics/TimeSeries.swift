public import SimRuntime

/// A run's measurements per interval of virtual time: counters summed, gauges at their last
/// value, latencies in small histograms.
public struct TimeSeries: Sendable {
    /// One interval.
    public struct Interval: Sendable {
        /// The interval's start.
        public var start: SimulationInstant
        /// Each series' value in the interval, in the order of ``TimeSeries/series``.
        public var values: [Int64]
        /// Each latency metric's values in the interval (nil for none), in the order of
        /// ``TimeSeries/latencies``.
        public var latencies: [CompactHistogram?]

        public init(start: SimulationInstant, values: [Int64], latencies: [CompactHistogram?]) {
            self.start = start
            self.values = values
            self.latencies = latencies
        }
    }

    /// The length of each interval.
    public var interval: Duration
    /// The names of the counters and gauges.
    public var series: [String]
    /// The names of the latency metrics.
    public var latencies: [String]
    /// The intervals, in time order.
    public var intervals: [Interval]

    public init(interval: Duration, series: [String], latencies: [String], intervals: [Interval]) {
        self.interval = interval
        self.series = series
        self.latencies = latencies
        self.intervals = intervals
    }
}
