public import SimRuntime

/// What a model reports through: its trace events, to the recorder that hashes, writes and
/// judges them, and its measurements, to the metrics recorder, with the catalog of metric
/// handles. The model only ever writes to these; what they feed is wired up by the caller.
/// One shared reference, so that every actor that keeps it holds a pointer, not a copy.
///
/// ```swift
/// telemetry.record(MessageDelivered(user: 7, room: 3, sequence: 42), at: now)
/// let delivery = telemetry.handle(.messageDelivery)
/// telemetry.record(delivery, nanoseconds: latency, at: now)
/// ```
public final class Telemetry: Sendable {
    /// Where trace events go.
    public let events: any EventSink<TraceEvent>
    /// Where measurements go.
    public let metrics: any MetricsSink
    /// The metrics that can be recorded, and their handles.
    public let catalog: MetricCatalog
    /// The span of the run over which the model's stations measure their load: a scenario's
    /// steady state, from the end of its ramp-up to the end of its load.
    public let stationWindow: Range<SimulationInstant>

    public init(events: any EventSink<TraceEvent>, metrics: any MetricsSink, catalog: MetricCatalog,
                stationWindow: Range<SimulationInstant> = SimulationInstant.start..<SimulationInstant(nanoseconds: .max)) {
        self.events = events
        self.metrics = metrics
        self.catalog = catalog
        self.stationWindow = stationWindow
    }

    /// Records the event carrying `payload`, which happened at `time`.
    @inline(__always)
    public func record<Payload: TraceEventPayload>(_ payload: Payload, at time: SimulationInstant) {
        events.record(payload.event, at: time)
    }

    /// The handle of `metric`.
    public func handle(_ metric: LatencyMetric) -> LatencyHandle { catalog.handle(metric) }

    /// Records one latency of `metric`, observed at `time`.
    @inline(__always)
    public func record(_ metric: LatencyHandle, nanoseconds: Int64, at time: SimulationInstant) {
        metrics.record(metric, nanoseconds: nanoseconds, at: time)
    }

    /// Records the latency from `start` to `now` of `metric`.
    @inline(__always)
    public func record(_ metric: LatencyHandle, since start: SimulationInstant, now: SimulationInstant) {
        metrics.record(metric, nanoseconds: now.nanoseconds - start.nanoseconds, at: now)
    }

    /// Adds `amount` to `counter` at `time`.
    @inline(__always)
    public func add(_ counter: CounterMetric, _ amount: Int64 = 1, at time: SimulationInstant) {
        metrics.add(counter, amount, at: time)
    }

    /// Sets `gauge` to `value` at `time`.
    public func set(_ gauge: GaugeMetric, to value: Int64, at time: SimulationInstant) {
        metrics.set(gauge, to: value, at: time)
    }

    /// Reports how loaded a station was over the run.
    public func report(_ load: StationLoad) {
        metrics.report(load)
    }

    /// Moves `gauge` by `delta` at `time`.
    public func adjust(_ gauge: GaugeMetric, by delta: Int64, at time: SimulationInstant) {
        metrics.adjust(gauge, by: delta, at: time)
    }
}
