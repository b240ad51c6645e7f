#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One worker thread of live mode with its own run loop.
///
/// Actors are pinned to a worker when their executor is made, so an actor's jobs always run on
/// one thread, one at a time, while actors on different workers run in parallel. Other threads
/// hand work over through a locked inbox; the worker swaps the whole inbox out at once and runs
/// the batch without the lock. Timers live in the worker's heap, keyed by nanoseconds since the
/// run started on the monotonic clock.
///
/// After each batch the worker flushes the run's ``WorkerBuffered`` recorders, and it tells
/// them when it goes idle and when it wakes, so that what it recorded on its own is merged in
/// time order with the other workers'.
final class LiveWorker: @unchecked Sendable {
    // @unchecked: `inbox`, `timers`, `sleeping` and `stopping` are guarded by `lock`; `thread`
    // and `taskExecutor` are written once before the worker takes work (start() waits for it,
    // and every later reader is ordered after that through a lock); `local` and `executed`
    // and `idle` belong to the worker thread.

    private let lock = ConditionLock()
    private var inbox: [ScheduledWork] = []
    /// Work the worker enqueued for itself: needs no lock.
    private var local: [ScheduledWork] = []
    /// Per-worker batches a fan-out running on this worker fills; reused, so a fan-out
    /// allocates nothing once they have grown. Belongs to the worker thread.
    private var fanOutScratch: [[ScheduledWork]] = []
    private var timers = DeadlineHeap<ScheduledWork>()
    private var sleeping = false
    private var stopping = false
    private var thread: ThreadIdentity?
    private(set) var executed: UInt64 = 0
    /// Whether the buffers were last told that this worker is idle.
    private var idle = false

    /// The worker's index, for diagnostics.
    let index: Int
    /// The monotonic reading at which the run started.
    let origin: Int64
    /// What keeps a buffer per worker, flushed by the worker after each batch.
    let buffers: [any WorkerBuffered]
    private var taskExecutor: UnownedTaskExecutor?

    init(index: Int, origin: Int64, buffers: [any WorkerBuffered] = []) {
        self.index = index
        self.origin = origin
        self.buffers = buffers
    }

    /// Starts the worker's thread; its non-isolated jobs run on `taskExecutor`.
    func start(taskExecutor: UnownedTaskExecutor) -> pthread_t {
        self.taskExecutor = taskExecutor
        let handle = OSThread.start { self.runLoop() }
        // Wait until the thread knows itself, so isolation checks are answered correctly.
        while !lock.withLock({ thread != nil }) { sched_yield() }
        return handle
    }

    /// Whether the calling thread is this worker's thread.
    var isCurrentThread: Bool { thread?.isCurrent ?? false }

    /// Hands work to the worker from any thread.
    func enqueue(_ work: ScheduledWork) {
        if isCurrentThread {
            local.append(work)
            return
        }
        lock.lock()
        inbox.append(work)
        if sleeping { lock.signal() }
        lock.unlock()
    }

    /// Hands a batch of work to the worker from any thread, under one acquisition of its lock.
    func enqueue(contentsOf batch: [ScheduledWork]) {
        guard !batch.isEmpty else { return }
        if isCurrentThread {
            local.append(contentsOf: batch)
            return
        }
        lock.lock()
        inbox.append(contentsOf: batch)
        if sleeping { lock.signal() }
        lock.unlock()
    }

    /// Lends the fan-out batches to code running on this worker's thread (one per worker).
    func withFanOutScratch<T>(workers: Int, _ body: (inout [[ScheduledWork]]) -> T) -> T {
        if fanOutScratch.count != workers { fanOutScratch = Array(repeating: [], count: workers) }
        defer { for index in fanOutScratch.indices { fanOutScratch[index].removeAll(keepingCapacity: true) } }
        return body(&fanOutScratch)
    }

    /// Schedules work at `deadline`, in nanoseconds since the run started, from any thread.
    func schedule(_ work: ScheduledWork, at deadline: Int64) {
        lock.lock()
        timers.insert(work, at: deadline)
        if sleeping { lock.signal() }
        lock.unlock()
    }

    /// Asks the loop to finish; pending work is abandoned.
    func stop() {
        lock.withLock {
            stopping = true
            lock.signal()
        }
    }

    /// The worker's loop; returns after ``stop()``.
    private func runLoop() {
        WorkerSlot.adopt(worker: index)
        lock.withLock { thread = .current }
        var batch: [ScheduledWork] = []
        batch.reserveCapacity(256)
        lock.lock()
        while !stopping {
            swap(&batch, &inbox)
            if !timers.isEmpty {
                let now = MonotonicClock.nanoseconds() - origin
                while let due = timers.popFirst(dueBy: now) { batch.append(due) }
            }
            if batch.isEmpty {
                if !idle && !buffers.isEmpty {
                    // Tell the buffers outside the lock, then look at the inbox again before
                    // sleeping: work may have come meanwhile.
                    lock.unlock()
                    flushBuffers(idle: true)
                    lock.lock()
                    continue
                }
                // `inbox` is empty too (both were swapped), so nothing can be lost by sleeping.
                sleeping = true
                if let deadline = timers.earliestDeadline {
                    lock.wait(untilMonotonicNanoseconds: origin + deadline)
                } else {
                    lock.wait()
                }
                sleeping = false
                continue
            }
            lock.unlock()
            // Back from idle: promise the buffers nothing earlier than now before recording.
            if idle { flushBuffers(idle: false) }
            for work in batch { execute(work) }
            batch.removeAll(keepingCapacity: true)
            // Run what the worker gave itself before looking at the inbox again.
            while !local.isEmpty {
                swap(&batch, &local)
                for work in batch { execute(work) }
                batch.removeAll(keepingCapacity: true)
            }
            if !buffers.isEmpty { flushBuffers(idle: false) }
            lock.lock()
        }
        lock.unlock()
    }

    /// Hands what this worker buffered to each of ``buffers``. Called on the worker's thread, or
    /// on another once the worker has stopped.
    func flushBuffers(idle: Bool) {
        self.idle = idle
        let origin = origin
        for buffer in buffers {
            buffer.flush(worker: index, idle: idle) {
                SimulationInstant(nanoseconds: MonotonicClock.nanoseconds() - origin)
            }
        }
    }

    @inline(__always)
    private func execute(_ work: ScheduledWork) {
        executed &+= 1
        let taskExecutor = taskExecutor!
        switch work {
        case .job(let job, let executor?):
            job.runSynchronously(isolatedTo: executor.takeUnretainedValue().asUnownedSerialExecutor(),
                                 taskExecutor: taskExecutor)
        case .job(let job, nil):
            job.runSynchronously(on: taskExecutor)
        case .call(let call, let target, _):
            call(target)
        case .resume(let continuation):
            continuation.resume()
        }
    }
}
