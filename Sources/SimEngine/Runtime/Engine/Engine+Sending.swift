extension Engine {
    /// Runs `body` isolated to `actor` at `instant`, without starting a task.
    ///
    /// This is how the network and timers reach actors: the callback runs between the actor's
    /// jobs, on the thread that runs its executor. An instant in the past means now.
    ///
    /// Order: callbacks to one actor due at the same instant run in the order they were sent,
    /// so a link whose arrival times never decrease is FIFO. Across actors, work due at the
    /// same instant is interleaved by the seeded scheduler.
    ///
    /// Inlinable so that the model's calls specialise for their actor's type; everything past
    /// the erased callback is the engine's own, non-generic code.
    ///
    /// - Complexity: O(log n) in the number of pending timers; O(1) for an instant not in the
    ///   future.
    @inlinable
    public func send<A: ModelActor>(to actor: A, at instant: SimulationInstant,
                                    _ body: @escaping @Sendable (isolated A) -> Void) {
        enqueue(Self.callback(body), on: actor, executor: actor.executor, at: instant)
    }

    /// Runs `body` isolated to `actor` after `delay`, without starting a task.
    @inlinable
    public func send<A: ModelActor>(to actor: A, after delay: Duration = .zero,
                                    _ body: @escaping @Sendable (isolated A) -> Void) {
        send(to: actor, at: delay == .zero ? now : now.advanced(by: delay), body)
    }

    /// Runs `body` isolated to each of `actors`, each at its own instant: a fan-out.
    ///
    /// The callback is made once and shared, so a fan-out to n actors allocates nothing per
    /// actor. Ordering is as for ``send(to:at:_:)``, per actor.
    ///
    /// - Parameters:
    ///   - actors: the recipients.
    ///   - instants: when each recipient runs `body`; as many as `actors`.
    /// - Complexity: O(n log t) for n recipients and t pending timers.
    @inlinable
    public func send<A: ModelActor>(to actors: [A], at instants: [SimulationInstant],
                                    _ body: @escaping @Sendable (isolated A) -> Void) {
        precondition(actors.count == instants.count, "a fan-out needs one instant per recipient")
        fanOut(Self.callback(body), count: actors.count, at: instants) { index in
            (actors[index], actors[index].executor)
        }
    }

    /// Erases `body` to a callback taking its target as `AnyObject`.
    @inlinable
    static func callback<A: ModelActor>(_ body: @escaping @Sendable (isolated A) -> Void) -> ActorCallback {
        // The scheduler calls a callback only on the thread that runs the target's executor,
        // between its jobs, so the target is isolated by construction. `assumeIsolated` would
        // check again through the runtime (two allocations and a thread-local lookup per call);
        // like it, call the body through the same closure without the isolation in its type.
        //
        // Nor is the body wrapped in a closure that casts its target, which would allocate a
        // context for every send: `A` is a class (a `ModelActor` is an actor), so a function of
        // an `A` and a function of an `AnyObject` take their argument alike (one strong
        // reference, passed directly), and the body is reinterpreted as the latter. The
        // scheduler only ever calls it with the target it was sent to, an `A`.
        unsafeBitCast(body, to: ActorCallback.self)
    }

    /// Schedules `callback` into `target`, the actor that `executor` serves, at `instant`.
    @usableFromInline
    func enqueue(_ callback: @escaping ActorCallback, on target: AnyObject, executor: ActorExecutor,
                 at instant: SimulationInstant) {
        let work = ScheduledWork.call(callback, target: target, .passUnretained(executor))
        switch executor.host {
        case .simulation: backend.schedule(work, at: instant.nanoseconds)
        case .live(let worker): backend.schedule(work, at: instant.nanoseconds, on: worker)
        }
    }

    /// Schedules `callback` into `count` targets, the `index`-th of which `target(index)` gives
    /// with its executor, at `instants[index]`.
    @usableFromInline
    func fanOut(_ callback: @escaping ActorCallback, count: Int, at instants: [SimulationInstant],
                target: (Int) -> (AnyObject, ActorExecutor)) {
        guard case .live(let scheduler) = backend else {
            for index in 0..<count {
                let (actor, executor) = target(index)
                enqueue(callback, on: actor, executor: executor, at: instants[index])
            }
            return
        }
        // Live mode: hand each worker its share of the work due now under one lock, gathering
        // the shares in the calling worker's reusable batches when there is one.
        let now = scheduler.now
        let workers = scheduler.workers
        func fanOut(_ due: inout [[ScheduledWork]]) {
            for index in 0..<count {
                let (actor, executor) = target(index)
                guard case .live(let worker) = executor.host else {
                    preconditionFailure("\(executor.label) belongs to a simulation engine, not this live one")
                }
                let work = ScheduledWork.call(callback, target: actor, .passUnretained(executor))
                if instants[index].nanoseconds <= now {
                    due[worker.index].append(work)
                } else {
                    worker.schedule(work, at: instants[index].nanoseconds)
                }
            }
            for (index, batch) in due.enumerated() { workers[index].enqueue(contentsOf: batch) }
        }
        if let caller = workers.first(where: \.isCurrentThread) {
            caller.withFanOutScratch(workers: workers.count) { fanOut(&$0) }
        } else {
            var due = [[ScheduledWork]](repeating: [], count: workers.count)
            fanOut(&due)
        }
    }
}
