/// The scheduler behind an ``Engine``: the simulation loop or live mode's workers.
enum EngineBackend: Sendable {
    case simulation(SimulationScheduler)
    case live(LiveScheduler)

    /// The run's time now, in nanoseconds since it started.
    var now: Int64 {
        switch self {
        case .simulation(let scheduler): scheduler.now
        case .live(let scheduler): scheduler.now
        }
    }

    /// Schedules `work` at `deadline` (nanoseconds since the start of the run).
    /// In live mode the work runs on `worker`, or on any worker when `worker` is nil.
    func schedule(_ work: ScheduledWork, at deadline: Int64, on worker: LiveWorker? = nil) {
        switch self {
        case .simulation(let scheduler):
            if deadline <= scheduler.now, case .call(let call, let target, let executor) = work {
                scheduler.enqueue(call, target: target, isolatedTo: executor.takeUnretainedValue())
            } else {
                scheduler.schedule(work, at: deadline)
            }
        case .live(let scheduler):
            let target = worker ?? scheduler.assignWorker()
            if deadline <= scheduler.now {
                target.enqueue(work)
            } else {
                target.schedule(work, at: deadline)
            }
        }
    }
}
