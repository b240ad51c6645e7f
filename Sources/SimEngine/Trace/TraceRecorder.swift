import Synchronization

/// Records the model's events: folds each into the run's trace hash, feeds the delivery
/// checks, and, when given a sink, writes it as a JSON line.
///
/// In simulation mode events arrive in one deterministic order, so the hash identifies the run:
/// the same seed gives the same hash, and any difference in behaviour changes it.
public final class TraceRecorder: Sendable {
    private struct State {
        var hasher = TraceHasher()
        var count: UInt64 = 0
        var suite = GuaranteeSuite()
        var lastTime = SimulationInstant.start
        var sink: TraceFileWriter?
    }

    private let state: Mutex<State>

    /// Creates a recorder that only hashes, or that also writes to `sink`.
    public init(sink: sending TraceFileWriter? = nil) {
        state = Mutex(State(sink: sink))
    }

    /// Records `event` at `time`.
    public func record(_ event: TraceEvent, at time: SimulationInstant) {
        state.withLock { state in
            state.count &+= 1
            state.hasher.combine(UInt64(bitPattern: time.nanoseconds))
            state.hasher.combine(event.tag)
            event.forEachField { _, value in state.hasher.combine(UInt64(bitPattern: value)) }
            state.suite.observe(event, at: time)
            state.lastTime = time
            state.sink?.write(event, at: time)
        }
    }

    /// The hash of every event recorded so far.
    public var hash: TraceHasher { state.withLock { $0.hasher } }

    /// How many events were recorded.
    public var count: UInt64 { state.withLock { $0.count } }

    /// Violations found so far by the checks that judge as events arrive, cheap enough to poll
    /// while the run goes.
    public var violationsSoFar: Int { state.withLock { $0.suite.violationsSoFar } }

    /// What the delivery checks found in the events so far (walks every member: for the end).
    public var deliveryReport: DeliveryReport { state.withLock { $0.suite.delivery.report } }

    /// Every guarantee's findings, judged as if the run ended at `end` (at the last event's
    /// time when nil).
    public func findings(at end: SimulationInstant? = nil) -> [GuaranteeFinding] {
        state.withLock { $0.suite.findings(at: end ?? $0.lastTime) }
    }

    /// Finishes the sink, if any: flushes it and moves it into place.
    public func commit() throws(ReportError) {
        try state.withLock { (state) throws(ReportError) in
            try state.sink?.commit()
            state.sink = nil
        }
    }

    /// Discards the sink's partial file, if any.
    public func discard() {
        state.withLock { state in
            state.sink?.discard()
            state.sink = nil
        }
    }
}
