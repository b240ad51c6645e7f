/// What an engine did during its run.
public struct EngineStatistics: Equatable, Sendable {
    /// Units of work executed: task jobs, callbacks and resumed sleeps.
    public var events: UInt64 = 0
    /// The run's time when it ended.
    public var endTime: SimulationInstant = .start
    /// Wall-clock nanoseconds the run loop took.
    public var wallNanoseconds: Int64 = 0

    public init() {}
}
