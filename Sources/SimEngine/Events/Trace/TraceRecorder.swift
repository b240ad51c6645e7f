public import SimRuntime
public import SimSupport

/// Where a run's trace events go: each is counted, folded into the trace hash, written out when
/// there is a file, and handed to the observer (the checkers), in one order under one lock.
///
/// A live run records into it as the model emits events; `simrun check` records a file's events
/// into the same kind of recorder, so both judge through the same path.
///
/// ```swift
/// let recorder = TraceRecorder(observer: GuaranteeSuite())
/// recorder.record(.memberJoined(MemberJoined(user: 1, room: 0)), at: .start)
/// print(recorder.hash.hexDigest, recorder.withObserver { $0.findings(at: .start) })
/// ```
///
/// In simulation mode events arrive in one deterministic order, so the hash identifies the run:
/// the same seed gives the same hash, and any difference in behaviour changes it.
///
/// In live mode, made for the engine's workers (``init(observer:writer:workers:)``) and given
/// to the engine as one of its `workerBuffers`, each worker records into a buffer of its own
/// without a lock and hands it over once per batch of work; ``TraceMerge`` puts the workers'
/// events into one stream in time order, in which a cause always precedes its effect.
public final class TraceRecorder<Observer: EventObserver<TraceEvent> & Sendable>: EventSink, WorkerBuffered,
    @unchecked Sendable {
    // @unchecked: `observer` and `merge` are read and written only while `tally`'s lock is held,
    // which also makes the runtime's exclusivity checks on them redundant (they cost a tenth of
    // a run); each of `buffers` only by its worker's thread, or by the engine's once the workers
    // have stopped (``WorkerBuffered``).
    private let tally: Guarded<TraceTally>
    @exclusivity(unchecked) private var observer: Observer
    @exclusivity(unchecked) private var merge: TraceMerge
    /// Live mode: worker `w`'s events not yet handed over, at index `w`.
    private let buffers: [WorkerTraceBuffer]

    /// Creates a recorder that hands every event to `observer`, and writes it to `writer` if
    /// there is one.
    ///
    /// - Parameter workers: in live mode, the engine's workers, each of which then records into
    ///   a buffer of its own; the engine must flush them (pass the recorder as one of its
    ///   `workerBuffers`). Zero (simulation mode, reading a file) records every event at once.
    public init(observer: Observer, writer: sending TraceFileWriter? = nil, workers: Int = 0) {
        tally = Guarded(TraceTally(writer: writer))
        self.observer = observer
        merge = TraceMerge(workers: workers)
        buffers = (0..<workers).map { _ in WorkerTraceBuffer() }
    }

    /// Records `event` at `time`.
    public func record(_ event: TraceEvent, at time: SimulationInstant) {
        if !buffers.isEmpty {
            let slot = WorkerSlot.current
            if slot > 0, slot <= buffers.count {
                buffers[slot - 1].entries.append(TraceMerge.Entry(event: event, time: time))
                return
            }
            // Another thread: its event joins the workers' in time order.
            var entries = [TraceMerge.Entry(event: event, time: time)]
            tally.withLock { tally in
                merge.hand(&entries, from: 0, watermark: nil)
                release(into: &tally)
            }
            return
        }
        tally.withLock { tally in
            tally.record(event, at: time)
            observer.observe(event, at: time)
        }
    }

    /// Takes worker `worker`'s buffered events and records every event that no worker can still
    /// precede (``WorkerBuffered``).
    public func flush(worker: Int, idle: Bool, now: () -> SimulationInstant) {
        guard buffers.indices.contains(worker) else { return }
        let buffer = buffers[worker]
        tally.withLock { tally in
            merge.hand(&buffer.entries, from: worker + 1, watermark: idle ? nil : now())
            release(into: &tally)
        }
    }

    /// Records what the merge releases. Called with the lock held.
    private func release(into tally: inout TraceTally) {
        merge.release { entry in
            tally.record(entry.event, at: entry.time)
            observer.observe(entry.event, at: entry.time)
        }
    }

    /// The hash of every event recorded so far.
    public var hash: TraceHasher { tally.withLock { $0.hasher } }

    /// How many events were recorded.
    public var count: UInt64 { tally.withLock { $0.count } }

    /// The time of the last event recorded.
    public var lastTime: SimulationInstant { tally.withLock { $0.lastTime } }

    /// The observer's verdict on the events so far, read in place under the lock: for cheap
    /// questions while the run goes and for the findings at its end.
    public func withObserver<Result: Sendable>(_ body: (borrowing Observer) -> Result) -> Result {
        tally.withLock { _ in body(observer) }
    }

    /// Finishes the file, if any: writes its closing line with the count and hash, flushes it
    /// and moves it into place.
    public func commit() throws(FileWriteError) {
        try tally.withLock { (tally) throws(FileWriteError) in
            try tally.writer?.commit(events: tally.count, hash: tally.hasher)
            tally.writer = nil
        }
    }

    /// Discards the file's partial contents, if any.
    public func discard() {
        tally.withLock { tally in
            tally.writer?.discard()
            tally.writer = nil
        }
    }
}
