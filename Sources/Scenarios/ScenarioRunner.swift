import SimCheckers
import SimEvents
public import SimMetrics
public import SimReports
public import SimRuntime
public import SimSupport

/// Runs a scenario and judges it, wiring the layers as the data flows: the engine runs the
/// model, which reports its events to a trace recorder (which hashes them, writes them when
/// asked, and feeds every guarantee checker) and its measurements to a metrics recorder; the
/// result is an immutable ``RunResult`` that every report reads.
///
/// ```swift
/// let runner = ScenarioRunner(scenario: ScenarioCatalog.quickstart, seed: 7)
/// let result = try runner.run()
/// print(result.summary.verdict, result.summary.traceHash)
/// ```
public struct ScenarioRunner: Sendable {
    /// How the run ended early.
    public enum Failure: Error, Sendable {
        /// The trace file could not be opened or written.
        case trace(FileWriteError)
        /// The engine stopped the run: work escaped, the run stalled, or it was interrupted.
        case engine(EngineError)
    }

    /// The scenario.
    public var scenario: any Scenario
    /// The seed of every random stream.
    public var seed: UInt64
    /// The seed of the scheduler's choices among simultaneous work; the seed by default.
    public var interleavingSeed: UInt64?
    /// Simulation or live.
    public var mode: RunMode
    /// Live mode's worker threads; one per core when nil. Simulation mode runs on one thread.
    public var liveWorkers: Int?
    /// SLOs besides the scenario's, in `--threshold` syntax, already checked with
    /// ``thresholds(adding:)``.
    public var extraThresholds: [String]
    /// Where to write the trace, if anywhere.
    public var traceFile: String?
    /// The command that reproduces the run, for the reports.
    public var command: String
    /// The process's memory allocator, for the reports.
    public var allocator: String

    public init(scenario: any Scenario, seed: UInt64, interleavingSeed: UInt64? = nil, mode: RunMode = .sim,
                extraThresholds: [String] = [], traceFile: String? = nil, command: String = "", allocator: String = "system") {
        self.scenario = scenario
        self.seed = seed
        self.interleavingSeed = interleavingSeed
        self.mode = mode
        self.extraThresholds = extraThresholds
        self.traceFile = traceFile
        self.command = command
        self.allocator = allocator
        liveWorkers = nil
    }

    /// The scenario's thresholds and `texts`, parsed against the metrics the scenario records;
    /// the first that does not parse is the error.
    public func thresholds(adding texts: [String]) throws(ConfigurationError) -> [Threshold] {
        let catalog = scenario.metricCatalog
        var parsed: [Threshold] = []
        for text in scenario.thresholds + texts { parsed.append(try Threshold.parse(text, catalog: catalog)) }
        return parsed
    }

    /// One row of the time series per second, or coarser so that a long run has at most about
    /// 600 rows.
    public static func metricsInterval(for duration: Duration) -> Duration {
        .seconds(Swift.max(1, (duration.components.seconds + 599) / 600))
    }

    /// Runs the scenario to its end on the calling thread and returns what it produced.
    ///
    /// - Parameter monitor: called now and then with the run's progress; answering true
    ///   interrupts the run. It must not touch the model.
    /// - Throws: ``Failure``; nothing is left on disk when it throws.
    public func run(monitor: @escaping @Sendable (RunProgress) -> Bool = { _ in false }) throws(Failure) -> RunResult {
        let wiring = try wire()
        let end: SimulationInstant
        do throws(EngineError) {
            end = try wiring.engine.run(monitor: wiring.monitor(monitor), wiring.main(scenario))
        } catch {
            wiring.recorder.discard()
            throw .engine(error)
        }
        return try finish(wiring, at: end)
    }

    /// Runs the scenario to its end on a thread of its own, leaving the caller's free: for async
    /// code (tests, servers).
    public func runOnOwnThread(monitor: @escaping @Sendable (RunProgress) -> Bool = { _ in false }) async throws(Failure)
        -> RunResult {
        let wiring = try wire()
        let end: SimulationInstant
        do throws(EngineError) {
            end = try await wiring.engine.runOnOwnThread(monitor: wiring.monitor(monitor), wiring.main(scenario))
        } catch {
            wiring.recorder.discard()
            throw .engine(error)
        }
        return try finish(wiring, at: end)
    }

    /// The engine and the recorders of one run, wired together.
    private struct Wiring: Sendable {
        let engine: Engine
        let recorder: TraceRecorder<GuaranteeSuite>
        let metrics: MetricsRecorder
        let telemetry: Telemetry
        let thresholds: [Threshold]

        /// The engine's monitor: the run's progress for `monitor`.
        func monitor(_ monitor: @escaping @Sendable (RunProgress) -> Bool) -> @Sendable (EngineProgress) -> Bool {
            { [metrics, recorder] progress in
                monitor(RunProgress(now: progress.now, events: progress.events, pendingTimers: progress.pendingTimers,
                                    connectedClients: metrics.value(of: .connectedClients),
                                    violations: recorder.withObserver { $0.violationsSoFar }))
            }
        }

        /// The run's entry point: the promises first, so that the trace is judged alone as the
        /// run is, then the scenario; returns when the run ended.
        func main(_ scenario: any Scenario) -> @Sendable (Engine) async -> SimulationInstant {
            { [telemetry] engine in
                telemetry.record(scenario.system.promises, at: engine.now)
                await scenario.run(in: engine, telemetry: telemetry)
                return engine.now
            }
        }
    }

    private func wire() throws(Failure) -> Wiring {
        let thresholds: [Threshold]
        do { thresholds = try self.thresholds(adding: extraThresholds) } catch {
            preconditionFailure("thresholds are checked before a run: \(error)")
        }
        let writer: TraceFileWriter?
        let header = TraceHeader(scenario: scenario.name, seed: seed, interleavingSeed: interleavingSeed,
                                 simrun: ProductVersion.current)
        do {
            writer = try traceFile.map { path throws(FileWriteError) in try TraceFileWriter(path: path, header: header) }
        } catch {
            throw .trace(error)
        }
        // In live mode each worker records its events and measurements into buffers of its own.
        let workers = mode == .live ? liveWorkers ?? Engine.coreCount : 0
        let recorder = TraceRecorder(observer: GuaranteeSuite(), writer: writer, workers: workers)
        let catalog = scenario.metricCatalog
        let metrics = MetricsRecorder(catalog: catalog, interval: Self.metricsInterval(for: scenario.duration), workers: workers)
        let engine = Engine(mode: mode, seed: seed, interleavingSeed: interleavingSeed, liveWorkers: workers > 0 ? workers : nil,
                            workerBuffers: workers > 0 ? [recorder] : [])
        return Wiring(engine: engine, recorder: recorder,
                      metrics: metrics,
                      telemetry: Telemetry(events: recorder, metrics: metrics, catalog: catalog, stationWindow: scenario.steadyState),
                      thresholds: thresholds)
    }

    /// Seals the trace and gathers the result.
    private func finish(_ wiring: Wiring, at end: SimulationInstant) throws(Failure) -> RunResult {
        do { try wiring.recorder.commit() } catch { throw .trace(error) }
        let snapshot = wiring.metrics.snapshot
        let summary = RunSummary(
            scenario: scenario.name, seed: seed, interleavingSeed: interleavingSeed, mode: mode, clients: scenario.clients,
            trace: (wiring.recorder.hash, wiring.recorder.count), statistics: wiring.engine.statistics,
            judgement: wiring.recorder.withObserver { $0.judgement(at: end) }, latency: snapshot.summaries,
            stations: snapshot.stations, thresholds: wiring.thresholds, config: try? JSONValue(encoding: scenario), command: command, allocator: allocator)
        return RunResult(summary: summary, timeSeries: snapshot.timeSeries,
                         histograms: RunHistograms(latency: snapshot.histograms), faults: scenario.faultWindows)
    }
}
