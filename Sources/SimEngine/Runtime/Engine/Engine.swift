import SimSupport

/// Runs a model: the scheduler, clock, executors and randomness of one run.
///
/// The same model code runs in both modes. In ``RunMode/sim`` everything runs on the calling
/// thread in virtual time and the run is a pure function of the seed; in ``RunMode/live`` the
/// actors run in parallel on one worker thread per core against the wall clock.
///
/// ```swift
/// let engine = Engine(mode: .sim, seed: 7)
/// let count = try engine.run { engine in
///     let counter = Counter(engine: engine)
///     try? await engine.clock.sleep(for: .seconds(60))
///     return await counter.value
/// }
/// print(engine.statistics.events, engine.statistics.endTime)
/// ```
///
/// The engine knows nothing of what the model means: the model reports what happens through
/// ``EventSink``s of its own, which the caller wires up.
///
/// ``run(until:monitor:_:)`` blocks the calling thread until the model finishes; from
/// async code use ``runOnOwnThread(until:monitor:_:)``, which leaves the caller's thread free.
public final class Engine: Sendable {
    /// How the run executes.
    public let mode: RunMode
    /// The run's seed; every random stream derives from it.
    public let seed: UInt64
    /// The seed of the scheduler's choices among work ready at the same instant.
    public let interleavingSeed: UInt64
    let backend: EngineBackend
    private let statisticsStorage = Guarded(EngineStatistics())
    private let hasRun = Guarded(false)

    /// Creates an engine.
    ///
    /// - Parameters:
    ///   - mode: simulation (deterministic) or live (parallel, wall clock).
    ///   - seed: the seed of every random stream and, by default, of the interleaving.
    ///   - interleavingSeed: set apart from `seed` to replay the same random draws under
    ///     another interleaving, which isolates races from randomness.
    ///   - liveWorkers: worker threads in live mode; by default one per core.
    ///   - workerBuffers: in live mode, recorders that keep a buffer per worker, which the
    ///     workers flush (``WorkerBuffered``); simulation mode ignores them.
    public init(mode: RunMode, seed: UInt64, interleavingSeed: UInt64? = nil, liveWorkers: Int? = nil,
                workerBuffers: [any WorkerBuffered] = []) {
        self.mode = mode
        self.seed = seed
        self.interleavingSeed = interleavingSeed ?? seed
        switch mode {
        case .sim: backend = .simulation(SimulationScheduler(seed: interleavingSeed ?? seed))
        case .live: backend = .live(LiveScheduler(workerCount: liveWorkers ?? Self.coreCount, buffers: workerBuffers))
        }
    }

    /// The number of cores the process may use.
    public static var coreCount: Int { Swift.max(1, SystemInfo.activeProcessorCount) }

    /// The clock of the run.
    public var clock: SimulationClock { SimulationClock(backend: backend) }

    /// The run's time now.
    public var now: SimulationInstant { SimulationInstant(nanoseconds: backend.now) }

    /// What the engine did; complete once ``run(until:monitor:_:)`` returns.
    public var statistics: EngineStatistics { statisticsStorage.withLock { $0 } }

    /// Makes the serial executor for a new model actor.
    ///
    /// - Parameter label: the actor's name in diagnostics, such as `worker-3`.
    public func makeExecutor(label: String) -> ActorExecutor {
        switch backend {
        case .simulation(let scheduler): ActorExecutor(host: .simulation(scheduler), label: label)
        case .live(let scheduler): ActorExecutor(host: .live(scheduler.assignWorker()), label: label)
        }
    }

    /// The random stream of `(seed, stream, entity)`.
    public func random(_ stream: String, entity: UInt64 = 0) -> RandomStream {
        RandomStream(seed: seed, stream: stream, entity: entity)
    }

    /// Starts a task whose non-isolated code runs on the engine.
    ///
    /// Never use `Task {}` or `Task.detached {}` from non-isolated model code: such tasks run on
    /// the global pool and the simulation reports them as escaped work.
    public func spawn(_ operation: sending @escaping @isolated(any) () async -> Void) {
        switch backend {
        case .simulation(let scheduler): Task(executorPreference: scheduler, operation: operation)
        case .live(let scheduler): Task(executorPreference: scheduler, operation: operation)
        }
    }

    /// Runs the model until `main` returns, and returns its result. An engine runs once.
    ///
    /// - Parameters:
    ///   - horizon: in simulation mode, the latest virtual time the run may reach.
    ///   - monitor: called every 4,096 events in simulation mode (every 50 ms in live mode) with
    ///     the run's progress; answering true interrupts the run. It must not touch the model.
    ///   - main: the model's entry point, run as an engine task.
    /// - Throws: ``EngineError`` when work escaped the simulation, the run stalled, reached its
    ///   horizon or was interrupted.
    public func run<Value: Sendable>(
        until horizon: SimulationInstant? = nil,
        monitor: @escaping @Sendable (EngineProgress) -> Bool = { _ in false },
        _ main: @escaping @Sendable (Engine) async -> Value
    ) throws(EngineError) -> Value {
        let firstRun = hasRun.withLock { hasRun in
            defer { hasRun = true }
            return !hasRun
        }
        precondition(firstRun, "an Engine runs once; make a new Engine for every run")
        let result = Guarded<Value?>(nil)
        let wallStart = MonotonicClock.nanoseconds()
        defer {
            let wall = MonotonicClock.nanoseconds() - wallStart
            statisticsStorage.withLock { $0.wallNanoseconds = wall }
        }
        switch backend {
        case .simulation(let scheduler):
            scheduler.adoptCurrentThread()
            spawn {
                let value = await main(self)
                result.withLock { $0 = value }
                scheduler.stop()
            }
            return try runSimulation(scheduler, result: result, horizon: horizon?.nanoseconds ?? .max,
                                     interruption: {
                                         monitor(EngineProgress(now: SimulationInstant(nanoseconds: scheduler.now),
                                                                events: scheduler.executed,
                                                                pendingTimers: scheduler.pendingTimers))
                                     })
        case .live(let scheduler):
            let done = ConditionLock()
            spawn {
                let value = await main(self)
                done.withLock {
                    result.withLock { $0 = value }
                    done.signal()
                }
            }
            return try runLive(scheduler, result: result, done: done, interruption: {
                monitor(EngineProgress(now: SimulationInstant(nanoseconds: scheduler.now), events: 0))
            })
        }
    }

    /// Runs the model on a thread of its own and suspends the caller until it finishes.
    ///
    /// Use this from async code (tests, servers): ``run(until:monitor:_:)`` would block a
    /// thread of Swift's cooperative pool for the whole run.
    public func runOnOwnThread<Value: Sendable>(
        until horizon: SimulationInstant? = nil,
        monitor: @escaping @Sendable (EngineProgress) -> Bool = { _ in false },
        _ main: @escaping @Sendable (Engine) async -> Value
    ) async throws(EngineError) -> Value {
        let outcome: Result<Value, EngineError> = await withUnsafeContinuation { continuation in
            let thread = OSThread.start {
                do throws(EngineError) {
                    continuation.resume(returning: .success(try self.run(until: horizon, monitor: monitor, main)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
            OSThread.detach(thread)
        }
        return try outcome.get()
    }

    private func runSimulation<Value>(_ scheduler: SimulationScheduler, result: borrowing Guarded<Value?>,
                                      horizon: Int64,
                                      interruption: () -> Bool) throws(EngineError) -> Value {
        defer {
            statisticsStorage.withLock {
                $0.events = scheduler.executed
                $0.endTime = SimulationInstant(nanoseconds: scheduler.now)
            }
        }
        while true {
            let reason = scheduler.run(until: horizon, shouldInterrupt: interruption)
            let escaped = scheduler.foreignReport
            if escaped.count > 0 { throw .workEscaped(count: escaped.count, targets: escaped.targets) }
            let instant = SimulationInstant(nanoseconds: scheduler.now)
            switch reason {
            case .stopped:
                if let value = result.withLock({ $0 }) { return value }
            case .idle:
                // Distinguish work that escaped to another thread (it arrives late) from a stall.
                if scheduler.awaitForeignWork(attempts: 100) { continue }
                throw .stalled(at: instant, executed: scheduler.executed)
            case .horizonReached:
                throw .horizonReached(instant)
            case .interrupted:
                throw .interrupted(at: instant)
            }
        }
    }

    private func runLive<Value>(_ scheduler: LiveScheduler, result: borrowing Guarded<Value?>, done: ConditionLock,
                                interruption: () -> Bool) throws(EngineError) -> Value {
        defer {
            scheduler.shutdown()
            statisticsStorage.withLock {
                $0.events = scheduler.executed
                $0.endTime = SimulationInstant(nanoseconds: scheduler.now)
            }
        }
        done.lock()
        defer { done.unlock() }
        while true {
            if let value = result.withLock({ $0 }) { return value }
            if interruption() { throw .interrupted(at: SimulationInstant(nanoseconds: scheduler.now)) }
            done.wait(untilMonotonicNanoseconds: MonotonicClock.nanoseconds() + 50_000_000)
        }
    }
}
