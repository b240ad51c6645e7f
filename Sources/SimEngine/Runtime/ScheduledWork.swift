/// One unit of work a run loop executes: a task's job or a callback into the model.
enum ScheduledWork: @unchecked Sendable {
    // `UnownedJob` and `UnownedSerialExecutor` are Sendable; the closures below are only created
    // from `@Sendable` closures by `Engine`, so the whole enum may cross threads.

    /// A job of a task. With an executor it runs isolated to that actor's serial executor;
    /// without one it runs on the task executor (non-isolated code of an engine task).
    case job(UnownedJob, UnownedSerialExecutor?)

    /// A synchronous callback, run on the loop thread between jobs.
    case call(() -> Void)

    /// A suspended sleep to resume.
    case resume(UnsafeContinuation<Void, Never>)
}
