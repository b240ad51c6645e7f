public import SimCheckers
public import SimEvents
public import SimMetrics
public import SimModel
public import SimRuntime

/// Everything a test needs to watch a model run: a trace recorder feeding every guarantee
/// checker, a metrics recorder, and the telemetry the model reports through, wired as a real run
/// wires them.
///
/// ```swift
/// let probe = RunProbe(system: configuration)
/// let engine = Engine(mode: .sim, seed: 1)
/// try engine.run { engine in
///     let system = await MessagingSystem<Client>(engine: engine, telemetry: probe.telemetry,
///                                                configuration: configuration, rooms: 4)
///     // …
/// }
/// #expect(probe.delivery.lost == 0)
/// ```
public struct RunProbe: Sendable {
    /// The trace recorder; its observer is every guarantee checker.
    public let trace: TraceRecorder<GuaranteeSuite>
    /// The metrics recorder.
    public let metrics: MetricsRecorder
    /// What the model reports through.
    public let telemetry: Telemetry

    /// A probe for a model whose metrics `catalog` lists, with no promises recorded.
    public init(catalog: MetricCatalog = MetricCatalog(), interval: Duration = .seconds(1)) {
        trace = TraceRecorder(observer: GuaranteeSuite())
        metrics = MetricsRecorder(catalog: catalog, interval: interval)
        telemetry = Telemetry(events: trace, metrics: metrics, catalog: catalog)
    }

    /// A probe for a system built from `configuration` (with clients mixing `profiles`), whose
    /// promises it records first, as a run does.
    public init(system configuration: SystemConfiguration, profiles: [String] = [], interval: Duration = .seconds(1)) {
        self.init(catalog: configuration.metricCatalog(profiles: profiles), interval: interval)
        trace.record(configuration.promises.event, at: .start)
    }

    /// The delivery checks' counts so far.
    public var delivery: DeliveryReport { trace.withObserver { $0.delivery.report } }

    /// Every guarantee's findings, as if the run ended at `end`.
    public func judgement(at end: SimulationInstant) -> Judgement { trace.withObserver { $0.judgement(at: end) } }

    /// Each latency metric with values, by name.
    public var latency: [String: LatencySummary] { metrics.snapshot.summaries }
}
