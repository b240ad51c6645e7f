#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
import SimSupport

/// The runtime of live mode: one ``LiveWorker`` thread per core and the wall clock.
///
/// Actor executors are spread over the workers round-robin as they are made. Non-isolated jobs
/// of engine tasks go to the workers round-robin too. Nothing here is deterministic: live mode
/// measures what the actor code costs under real parallelism.
final class LiveScheduler: TaskExecutor, Sendable {
    /// The workers, in index order.
    let workers: [LiveWorker]
    private let nextWorker = Atomic<Int>(0)
    private let threads = Guarded<[pthread_t]>([])
    /// The monotonic reading at which the run started.
    let origin: Int64

    /// Creates the scheduler and starts `workerCount` worker threads, which flush `buffers`.
    init(workerCount: Int, buffers: [any WorkerBuffered] = []) {
        precondition(workerCount > 0, "live mode needs at least one worker")
        let origin = MonotonicClock.nanoseconds()
        self.origin = origin
        workers = (0..<workerCount).map { LiveWorker(index: $0, origin: origin, buffers: buffers) }
        let started = workers.map { $0.start(taskExecutor: asUnownedTaskExecutor()) }
        threads.withLock { $0 = started }
    }

    /// Nanoseconds since the run started.
    var now: Int64 { MonotonicClock.nanoseconds() - origin }

    /// The worker that takes the next actor or non-isolated job.
    func assignWorker() -> LiveWorker {
        workers[nextWorker.add(1, ordering: .relaxed).oldValue % workers.count]
    }

    func enqueue(_ job: consuming ExecutorJob) {
        assignWorker().enqueue(.job(UnownedJob(job), nil))
    }

    /// Stops every worker, waits for their threads to end, and flushes what they buffered.
    func shutdown() {
        for worker in workers { worker.stop() }
        let joining = threads.withLock { threads in
            defer { threads.removeAll() }
            return threads
        }
        for thread in joining { OSThread.join(thread) }
        // The workers have stopped: flush what each left behind, from this thread.
        for worker in workers { worker.flushBuffers(idle: true) }
    }

    /// Units of work executed by all workers. Read after ``shutdown()``.
    var executed: UInt64 { workers.reduce(0) { $0 &+ $1.executed } }
}
