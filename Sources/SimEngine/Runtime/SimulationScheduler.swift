#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The run loop of simulation mode: one thread, virtual time, seeded interleaving.
///
/// Every model actor's ``ActorExecutor`` and every engine task (through task-executor
/// preference) hand their jobs to this scheduler. Jobs ready at the current instant wait in an
/// unordered pool from which the loop draws one at random with its own seeded stream, so the
/// same seed replays the same interleaving and other seeds explore other interleavings. Timed
/// work waits in a heap ordered by (virtual time, insertion sequence); when nothing is ready,
/// virtual time jumps to the earliest deadline, so an hour of virtual sleep costs no wall time.
///
/// The loop's state is confined to one thread: the one that created the scheduler until a run
/// starts, then the one running it. Work enqueued from any other thread (a `Task.detached`, a continuation resumed by a real timer) has escaped the
/// simulation: it is counted, still run so the program can finish, and fails the run.
final class SimulationScheduler: TaskExecutor, @unchecked Sendable {
    // @unchecked: all mutable state below is confined to `owner`; the only cross-thread path,
    // `foreignWork`, is a Mutex, and `enqueue` checks the thread before touching anything else.
    // `owner` changes only in `run`, which the previous owner hands over (thread start or join).

    private var owner: ThreadIdentity
    private var ready: [ScheduledWork] = []
    private var timers = TimerHeap()
    private var chooser: RandomStream
    private var stopRequested = false

    /// Virtual time now, in nanoseconds since the start of the run.
    private(set) var now: Int64 = 0
    /// Units of work executed so far.
    private(set) var executed: UInt64 = 0

    private let foreignWork = Mutex<ForeignWork>(ForeignWork())
    private let foreignCount = Atomic<Int>(0)

    /// Work that arrived from other threads, and a description of the first arrivals.
    struct ForeignWork: Sendable {
        var pending: [ScheduledWork] = []
        var firstTargets: [String] = []
    }

    /// Creates a scheduler owned by the calling thread.
    ///
    /// - Parameter seed: the run's seed; the interleaving stream is derived from it.
    init(seed: UInt64) {
        owner = .current
        chooser = RandomStream(seed: seed, stream: "scheduler.interleaving")
        ready.reserveCapacity(1024)
    }

    // MARK: Enqueueing

    func enqueue(_ job: consuming ExecutorJob) {
        accept(.job(UnownedJob(job), nil), target: "a task's non-isolated code")
    }

    /// Accepts a job for the actor whose executor is `executor`.
    @inline(__always)
    func enqueue(_ job: UnownedJob, isolatedTo executor: ActorExecutor) {
        accept(.job(job, executor.asUnownedSerialExecutor()), target: executor.label)
    }

    /// Accepts a callback to run on the loop thread, now.
    func enqueue(_ call: @escaping () -> Void) {
        accept(.call(call), target: "a scheduled callback")
    }

    @inline(__always)
    private func accept(_ work: ScheduledWork, target: @autoclosure () -> String) {
        if owner.isCurrent {
            ready.append(work)
        } else {
            let label = target()
            foreignWork.withLock { foreign in
                foreign.pending.append(work)
                if foreign.firstTargets.count < 5 { foreign.firstTargets.append(label) }
            }
            foreignCount.add(1, ordering: .releasing)
        }
    }

    /// Schedules `work` at virtual time `deadline` (nanoseconds). Must be called on the loop thread.
    func schedule(_ work: ScheduledWork, at deadline: Int64) {
        guard owner.isCurrent else {
            // A timer set from another thread: treat as foreign, run it as soon as possible.
            accept(work, target: "a timer set from another thread")
            return
        }
        timers.insert(work, at: Swift.max(deadline, now))
    }

    /// Makes the calling thread the loop thread. The previous owner must have handed the
    /// scheduler over (by starting or joining the calling thread) and must no longer use it.
    func adoptCurrentThread() {
        owner = .current
    }

    /// Asks the loop to return after the work now executing.
    func stop() {
        stopRequested = true
    }

    /// Whether the calling thread is the loop thread.
    var isOnLoopThread: Bool { owner.isCurrent }

    // MARK: Running

    /// Why ``run(until:)`` returned.
    enum StopReason: Equatable, Sendable {
        /// ``stop()`` was called.
        case stopped
        /// Nothing is ready and no timer is pending.
        case idle
        /// The next deadline lies beyond the horizon.
        case horizonReached
        /// The interruption check asked to stop.
        case interrupted
    }

    /// Runs work until stopped, idle, past `horizon`, or `shouldInterrupt` answers true
    /// (checked every few thousand units of work).
    func run(until horizon: Int64 = .max, shouldInterrupt: () -> Bool = { false }) -> StopReason {
        adoptCurrentThread()
        stopRequested = false
        var untilInterruptCheck = 4096
        while true {
            while let work = takeReady() {
                execute(work)
                if stopRequested { return .stopped }
                untilInterruptCheck -= 1
                if untilInterruptCheck == 0 {
                    untilInterruptCheck = 4096
                    if shouldInterrupt() { return .interrupted }
                }
            }
            if drainForeignWork() { continue }
            guard let deadline = timers.earliestDeadline else { return .idle }
            guard deadline <= horizon else {
                now = Swift.max(now, horizon)
                return .horizonReached
            }
            now = deadline
            while let work = timers.popFirst(dueBy: deadline) {
                switch work {
                case .resume(let continuation): continuation.resume()
                case .job, .call: ready.append(work)
                }
            }
        }
    }

    @inline(__always)
    private func takeReady() -> ScheduledWork? {
        let count = ready.count
        if count <= 1 { return ready.popLast() }
        let index = Int(chooser.next(below: UInt64(count)))
        ready.swapAt(index, count - 1)
        return ready.removeLast()
    }

    @inline(__always)
    private func execute(_ work: ScheduledWork) {
        executed &+= 1
        switch work {
        case .job(let job, let serial?):
            job.runSynchronously(isolatedTo: serial, taskExecutor: asUnownedTaskExecutor())
        case .job(let job, nil):
            job.runSynchronously(on: asUnownedTaskExecutor())
        case .call(let call):
            call()
        case .resume(let continuation):
            continuation.resume()
        }
    }

    /// Moves work that arrived from other threads into the ready pool; true if there was some.
    private func drainForeignWork() -> Bool {
        guard foreignCount.load(ordering: .acquiring) > 0 else { return false }
        let arrived = foreignWork.withLock { foreign in
            defer { foreign.pending.removeAll() }
            return foreign.pending
        }
        ready.append(contentsOf: arrived)
        return !arrived.isEmpty
    }

    /// Waits up to `attempts` × 10 ms of wall time for work from other threads; true if some came.
    ///
    /// Used only after the loop went idle with the entry task unfinished, to tell a run whose work
    /// escaped to another thread from one that is simply stuck.
    func awaitForeignWork(attempts: Int) -> Bool {
        for _ in 0..<attempts {
            if drainForeignWork() { return true }
            usleep(10_000)
        }
        return drainForeignWork()
    }

    /// How many units of work arrived from other threads, and the first of their targets.
    var foreignReport: (count: Int, targets: [String]) {
        (foreignCount.load(ordering: .acquiring), foreignWork.withLock { $0.firstTargets })
    }

    /// Pending timers, for diagnostics.
    var pendingTimers: Int { timers.count }
}
