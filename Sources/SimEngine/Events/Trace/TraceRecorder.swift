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
public final class TraceRecorder<Observer: EventObserver<TraceEvent> & Sendable>: EventSink, @unchecked Sendable {
    // @unchecked: `observer` is read and written only while `tally`'s lock is held, which also
    // makes the runtime's exclusivity checks on it redundant (they cost a tenth of a run).
    private let tally: Guarded<TraceTally>
    @exclusivity(unchecked) private var observer: Observer

    /// Creates a recorder that hands every event to `observer`, and writes it to `writer` if
    /// there is one.
    public init(observer: Observer, writer: sending TraceFileWriter? = nil) {
        tally = Guarded(TraceTally(writer: writer))
        self.observer = observer
    }

    /// Records `event` at `time`.
    public func record(_ event: TraceEvent, at time: SimulationInstant) {
        tally.withLock { tally in
            tally.record(event, at: time)
            observer.observe(event, at: time)
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
