public import SimEvents
public import SimRuntime

/// A checker of one family of guarantees over a run's trace events, fed as the run goes or from
/// a trace file alike, in memory bounded by the model's size rather than the run's length.
public protocol GuaranteeChecker: EventObserver, Sendable where Event == TraceEvent {
    /// The findings, judged as if the run ended at `end`.
    func findings(at end: SimulationInstant) -> [GuaranteeFinding]
}
