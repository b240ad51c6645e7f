public import SimEvents
public import SimRuntime

/// A checker of one family of guarantees over a run's trace events, fed as the run goes or from
/// a trace file alike, in memory bounded by the model's size rather than the run's length.
public protocol GuaranteeChecker: Sendable {
    /// Takes `event`, at `time` and on trace line `line`, into account.
    mutating func observe(_ event: TraceEvent, at time: SimulationInstant, line: Int)
    /// Judges the deadlines that passed before `time`; called before every event.
    mutating func advance(to time: SimulationInstant, line: Int)
    /// The findings, judged as if the run ended at `end`.
    func findings(at end: SimulationInstant) -> [GuaranteeFinding]
}

extension GuaranteeChecker {
    public mutating func advance(to time: SimulationInstant, line: Int) {}
}
