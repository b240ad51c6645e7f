/// A checker of one family of guarantees over the trace's events, online (fed as the run
/// goes) and offline (fed from a trace file), in memory bounded by the model's size rather
/// than the run's length.
public protocol GuaranteeChecker: Sendable {
    /// Takes one event into account.
    mutating func observe(_ event: TraceEvent, at time: SimulationInstant)
    /// The findings, judged as if the run ended at `end`.
    func findings(at end: SimulationInstant) -> [GuaranteeFinding]
}
