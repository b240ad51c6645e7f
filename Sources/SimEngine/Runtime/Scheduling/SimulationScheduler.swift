#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
import SimSupport

/// The run loop of simulation mode: one thread, virtual time, seeded interleaving.
///
/// Every model actor's ``ActorExecutor`` and every engine task (through task-executor
/// preference) hand their work to this scheduler. Each actor has a FIFO mailbox; actors with
/// work, and non-isolated task jobs, wait in an unordered ready pool from which the loop draws
/// one at random with its own seeded stream and runs one unit of work. So the same seed replays
/// the same interleaving, other seeds explore other interleavings, and work sent to one actor
/// keeps the order in which it was sent. Timed work waits in a heap ordered by (virtual time,
/// insertion sequence); when nothing is ready, virtual time jumps to the earliest deadline, so
/// an hour of virtual sleep costs no wall time.
///
/// The loop's state is confined to one thread: the one that created the scheduler until a run
/// starts, then the one running it. Work enqueued from any other thread (a `Task.detached`, a
/// continuation resumed by a real timer) has escaped the simulation: it is counted, still run
/// so the program can finish, and fails the run.
final class SimulationScheduler: TaskExecutor, @unchecked Sendable {
    // @unchecked: all mutable state below, and the mailbox fields of every ActorExecutor, are
    // confined to `owner`; the only cross-thread path, `foreignWork`, is a Mutex, and `accept`
    // checks the thread before touching anything else. `owner` changes only when a run adopts
    // the thread it was handed.

    /// An entry of the ready pool.
    private enum Ready {
        /// A non-isolated job of an engine task.
        case task(UnownedJob)
        /// An actor whose mailbox is not empty. Unretained: the pending work keeps it alive.
        case actor(Unmanaged<ActorExecutor>)
    }

    // Exclusivity is proven by construction rather than checked at run time (the checks cost a
    // quarter of the loop): these fields are touched by one thread only, and no access to them
    // spans a call that could reach them again.
    private var owner: ThreadIdentity
    @exclusivity(unchecked) private var ready: [Ready] = []
    @exclusivity(unchecked) private var mailboxes = MailboxArena()
    @exclusivity(unchecked) private var timers = DeadlineHeap<ScheduledWork>()
    @exclusivity(unchecked) private var chooser: RandomStream
    @exclusivity(unchecked) private var stopRequested = false

    /// Virtual time now, in nanoseconds since the start of the run.
    @exclusivity(unchecked) private(set) var now: Int64 = 0
    /// Units of work executed so far.
    @exclusivity(unchecked) private(set) var executed: UInt64 = 0

    /// Work waiting for a future instant.
    var pendingTimers: Int { timers.count }

    private let foreignWork = Guarded<ForeignWork>(ForeignWork())
    private let foreignCount = Atomic<Int>(0)

    /// Work that arrived from other threads, and a description of the first arrivals.
    struct ForeignWork: Sendable {
        var pending: [ScheduledWork] = []
        var firstTargets: [String] = []
    }

    /// Creates a scheduler owned by the calling thread.
    ///
    /// - Parameter seed: the seed of the choices among ready work.
    init(seed: UInt64) {
        owner = .current
        chooser = RandomStream(seed: seed, stream: "scheduler.interleaving")
        ready.reserveCapacity(1024)
    }

    // MARK: Enqueueing

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        guard owner.isCurrent else { return acceptForeign(.job(job, nil), target: "a task's non-isolated code") }
        ready.append(.task(job))
    }

    /// Accepts a job for the actor whose executor is `executor`.
    @inline(__always)
    func enqueue(_ job: UnownedJob, isolatedTo executor: ActorExecutor) {
        guard owner.isCurrent else {
            return acceptForeign(.job(job, .passUnretained(executor)), target: executor.label)
        }
        deliver(.job(job), to: executor)
    }

    /// Accepts a callback into `target`, whose executor is `executor`, to run now.
    @inline(__always)
    func enqueue(_ call: @escaping ActorCallback, target: AnyObject, isolatedTo executor: ActorExecutor) {
        guard owner.isCurrent else {
            return acceptForeign(.call(call, target: target, .passUnretained(executor)), target: executor.label)
        }
        deliver(.call(call, target: target), to: executor)
    }

    @inline(__always)
    private func deliver(_ item: consuming MailboxItem, to executor: ActorExecutor) {
        deliver(item, to: .passUnretained(executor))
    }

    /// Moves `item` into the mailbox of `executor`, which the item's work keeps alive.
    @inline(__always)
    private func deliver(_ item: consuming MailboxItem, to executor: Unmanaged<ActorExecutor>) {
        let node = mailboxes.store(item)
        executor._withUnsafeGuaranteedRef { executor in
            mailboxes.link(node, head: &executor.mailboxHead, tail: &executor.mailboxTail)
            if !executor.isReady {
                executor.isReady = true
                ready.append(.actor(.passUnretained(executor)))
            }
        }
    }

    private func acceptForeign(_ work: ScheduledWork, target: String) {
        foreignWork.withLock { foreign in
            foreign.pending.append(work)
            if foreign.firstTargets.count < 5 { foreign.firstTargets.append(target) }
        }
        foreignCount.add(1, ordering: .releasing)
    }

    /// Schedules `work` at virtual time `deadline` (nanoseconds); a deadline in the past means now.
    func schedule(_ work: ScheduledWork, at deadline: Int64) {
        guard owner.isCurrent else { return acceptForeign(work, target: "a timer set from another thread") }
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

    /// Why ``run(until:shouldInterrupt:)`` returned.
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
    /// (asked every 4,096 units of work).
    func run(until horizon: Int64 = .max, shouldInterrupt: () -> Bool = { false }) -> StopReason {
        adoptCurrentThread()
        stopRequested = false
        var untilInterruptCheck = 4096
        while true {
            while !ready.isEmpty {
                runOneReady()
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
            while let work = timers.popFirst(dueBy: deadline) { dispatch(consume work) }
        }
    }

    /// Draws one ready entry at random and runs one unit of its work.
    @inline(__always)
    private func runOneReady() {
        let count = ready.count
        if count > 1 { ready.swapAt(Int(chooser.next(below: UInt64(count))), count - 1) }
        executed &+= 1
        switch ready.removeLast() {
        case .task(let job):
            job.runSynchronously(on: asUnownedTaskExecutor())
        case .actor(let unmanaged):
            // The pending work keeps the executor alive: it is used without a retain.
            unmanaged._withUnsafeGuaranteedRef { executor in
                let item = mailboxes.removeFirst(head: &executor.mailboxHead, tail: &executor.mailboxTail)
                if executor.mailboxHead >= 0 {
                    ready.append(.actor(unmanaged))
                } else {
                    executor.isReady = false
                }
                switch consume item {
                case .job(let job):
                    job.runSynchronously(isolatedTo: executor.asUnownedSerialExecutor(),
                                         taskExecutor: asUnownedTaskExecutor())
                case .call(let call, let target):
                    call(target)
                }
            }
        }
    }

    /// Routes timed or foreign work to where it runs, moving its references along: no retain
    /// or release on the way (the work keeps its executor alive).
    private func dispatch(_ work: consuming ScheduledWork) {
        switch consume work {
        case .resume(let continuation):
            continuation.resume()
        case .call(let call, let target, let executor):
            deliver(.call(call, target: target), to: executor)
        case .job(let job, nil):
            ready.append(.task(job))
        case .job(let job, let executor?):
            deliver(.job(job), to: executor)
        }
    }

    /// Moves work that arrived from other threads into the simulation; true if there was some.
    private func drainForeignWork() -> Bool {
        guard foreignCount.load(ordering: .acquiring) > 0 else { return false }
        let arrived = foreignWork.withLock { foreign in
            defer { foreign.pending.removeAll() }
            return foreign.pending
        }
        for work in arrived { dispatch(work) }
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
}
