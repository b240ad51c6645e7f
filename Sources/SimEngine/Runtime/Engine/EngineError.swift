/// Why a run could not produce a trustworthy result.
public enum EngineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Work reached the simulation from another thread, so the run is no longer deterministic.
    /// `targets` names where the first of it was headed.
    case workEscaped(count: Int, targets: [String])
    /// Nothing was ready and no timer was pending, yet the run's main task had not finished:
    /// a continuation was never resumed or a task waits on something outside the simulation.
    case stalled(at: SimulationInstant, executed: UInt64)
    /// Virtual time reached the horizon before the run's main task finished.
    case horizonReached(SimulationInstant)
    /// The run was interrupted (for example by Ctrl-C).
    case interrupted(at: SimulationInstant)

    public var description: String {
        switch self {
        case .workEscaped(let count, let targets):
            return "determinism lost: \(count) unit(s) of work arrived from outside the simulation thread "
                + "(first headed to: \(targets.joined(separator: ", "))). Start tasks with Engine.spawn, "
                + "sleep on Engine.clock, and never resume continuations from other threads."
        case .stalled(let instant, let executed):
            return "the simulation stalled at \(instant) after \(executed) events: nothing was scheduled but "
                + "the run had not finished (a continuation never resumed, or a wait on something outside the engine)"
        case .horizonReached(let instant):
            return "the run did not finish before its time limit of \(instant)"
        case .interrupted(let instant):
            return "interrupted at \(instant)"
        }
    }
}
