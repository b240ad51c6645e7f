public import SimRuntime
public import SimSupport
import Synchronization

/// Where a run's trace events go: each is counted, folded into the trace hash, written out when
/// there is a file, and handed to the observer (the checkers), in one order under one lock.
///
/// A live run records into it as the model emits events; `simrun check` records a file's events
/// into the same kind of recorder, so both judge through the same path.
///
/// ```swift
/// let recorder = TraceRecorder(observer: GuaranteeSuite())
/// recorder.record(.memberJoined(MemberJoined(user: 1, room: 0)), at: .start)
/// print(recorder.hash.hexDigest, recorder.observer.findings(at: .start))
/// ```
///
/// In simulation mode events arrive in one deterministic order, so the hash identifies the run:
/// the same seed gives the same hash, and any difference in behaviour changes it.
public final class TraceRecorder<Observer: EventObserver<TraceEvent> & Sendable>: EventSink, Sendable {
    private struct State {
        var hasher = TraceHasher()
        var count: UInt64 = 0
        var lastTime = SimulationInstant.start
        var observer: Observer
        var writer: TraceFileWriter?
    }

    private let state: Mutex<State>

    /// Creates a recorder that hands every event to `observer`, and writes it to `writer` if
    /// there is one.
    public init(observer: Observer, writer: sending TraceFileWriter? = nil) {
        state = Mutex(State(observer: observer, writer: writer))
    }

    /// Records `event` at `time`.
    public func record(_ event: TraceEvent, at time: SimulationInstant) {
        state.withLock { state in
            state.count &+= 1
            state.hasher.combine(event, at: time)
            state.lastTime = time
            state.observer.observe(event, at: time)
            state.writer?.write(event, at: time)
        }
    }

    /// The hash of every event recorded so far.
    public var hash: TraceHasher { state.withLock { $0.hasher } }

    /// How many events were recorded.
    public var count: UInt64 { state.withLock { $0.count } }

    /// The time of the last event recorded.
    public var lastTime: SimulationInstant { state.withLock { $0.lastTime } }

    /// The observer as it stands after the events so far (a copy).
    public var observer: Observer { state.withLock { $0.observer } }

    /// Reads the observer in place, without copying it: for cheap questions while the run goes.
    public func withObserver<Result: Sendable>(_ body: (borrowing Observer) -> Result) -> Result {
        state.withLock { body($0.observer) }
    }

    /// Finishes the file, if any: writes its closing line with the count and hash, flushes it
    /// and moves it into place.
    public func commit() throws(FileWriteError) {
        try state.withLock { (state) throws(FileWriteError) in
            try state.writer?.commit(events: state.count, hash: state.hasher)
            state.writer = nil
        }
    }

    /// Discards the file's partial contents, if any.
    public func discard() {
        state.withLock { state in
            state.writer?.discard()
            state.writer = nil
        }
    }
}
