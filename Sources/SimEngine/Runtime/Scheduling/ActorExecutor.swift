/// The serial executor of one model actor.
///
/// Every actor of the model owns one, made by ``Engine/makeExecutor(label:)``, and returns it
/// from `unownedExecutor`:
///
/// ```swift
/// actor Counter: ModelActor {
///     nonisolated let executor: ActorExecutor
///     nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
///     init(engine: Engine, id: Int) { executor = engine.makeExecutor(label: "counter-\(id)") }
/// }
/// ```
///
/// In simulation mode it forwards each job to the single scheduler, so every hop between actors
/// is a point where the seeded scheduler may interleave other work. In live mode it forwards to
/// the worker thread the actor is pinned to, which runs that actor's jobs one at a time.
/// An executor costs about 56 bytes.
public final class ActorExecutor: SerialExecutor, @unchecked Sendable {
    // @unchecked: the mailbox fields are read and written only by the simulation thread
    // (SimulationScheduler checks the thread before touching them); everything else is immutable.
    /// Where the executor's jobs run.
    enum Host: Sendable {
        case simulation(SimulationScheduler)
        case live(LiveWorker)
    }

    let host: Host

    /// The name of the actor, used in diagnostics (for example `counter-3`).
    public let label: String

    /// Simulation mode: the ends of this actor's mailbox in the scheduler's arena (-1 if empty).
    /// Unchecked for the same reason as the scheduler's own fields: one thread, no overlap.
    @exclusivity(unchecked) var mailboxHead: Int32 = -1
    @exclusivity(unchecked) var mailboxTail: Int32 = -1
    /// Simulation mode: whether the actor is in the scheduler's ready pool.
    @exclusivity(unchecked) var isReady = false

    init(host: Host, label: String) {
        self.host = host
        self.label = label
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        switch host {
        case .simulation(let scheduler): scheduler.enqueue(job, isolatedTo: self)
        case .live(let worker): worker.enqueue(.job(job, .passUnretained(self)))
        }
    }

    public func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    /// Whether the calling thread may act as this actor right now.
    ///
    /// The thread that runs the executor's jobs runs nothing else concurrently, so between jobs
    /// it may enter the actor synchronously; that is how scheduled callbacks reach actors.
    var isCurrentThreadIsolating: Bool {
        switch host {
        case .simulation(let scheduler): scheduler.isOnLoopThread
        case .live(let worker): worker.isCurrentThread
        }
    }

    public func checkIsolated() {
        precondition(isCurrentThreadIsolating,
                     "\(label) was entered from a thread that does not run its executor")
    }

    public func isIsolatingCurrentContext() -> Bool? {
        isCurrentThreadIsolating
    }
}
