/// Something that keeps a buffer per live-mode worker, which the workers flush themselves.
///
/// A recorder that every worker writes to would otherwise take a shared lock per record. With a
/// buffer per worker (indexed by ``WorkerSlot``), a worker records without sharing anything and
/// hands its buffer over once per batch of work: the runtime calls ``flush(worker:idle:now:)``
/// on the worker's thread after each batch, when the worker runs out of work and goes idle, and
/// when it wakes again; and once for every worker on the thread that ran the engine after the
/// workers have stopped, so that nothing stays behind.
///
/// ```swift
/// let engine = Engine(mode: .live, seed: 1, liveWorkers: 2, workerBuffers: [recorder])
/// ```
///
/// Simulation mode runs on one thread and never calls it.
public protocol WorkerBuffered: AnyObject, Sendable {
    /// Takes what worker `worker` (from 0) buffered.
    ///
    /// - Parameters:
    ///   - worker: the worker's index.
    ///   - idle: true when the worker has no work and records nothing until its next call;
    ///     false when it goes on working, and records nothing earlier than `now()` from here on.
    ///   - now: the run's time now; reading it inside whatever the flush locks orders it after
    ///     everything flushed before.
    func flush(worker: Int, idle: Bool, now: () -> SimulationInstant)
}
