/// One unit of timed or cross-thread work: a task's job, a callback into an actor, or a sleep
/// to resume.
enum ScheduledWork: @unchecked Sendable {
    // @unchecked: `UnownedJob` is Sendable; callbacks are made only from `@Sendable` closures by
    // `Engine.send`; an executor is unretained because the pending work keeps its actor, and so
    // the executor, alive (a job's task holds its actor; a callback holds its target).

    /// A job of a task. With an executor it runs isolated to that actor; without one it runs on
    /// the task executor (non-isolated code of an engine task).
    case job(UnownedJob, Unmanaged<ActorExecutor>?)

    /// A synchronous callback into `target`, an actor whose executor is given, run between its
    /// jobs. One callback may be shared by many targets (a fan-out allocates it once).
    case call(ActorCallback, target: AnyObject, Unmanaged<ActorExecutor>)

    /// A suspended sleep to resume.
    case resume(UnsafeContinuation<Void, Never>)
}
