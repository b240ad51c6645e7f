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

/// Where a run stands, as its monitor sees it.
public struct EngineProgress: Equatable, Sendable {
    /// The run's time now.
    public var now: SimulationInstant
    /// Units of work executed so far (simulation mode; zero in live mode until the run ends).
    public var events: UInt64

    public init(now: SimulationInstant, events: UInt64) {
        self.now = now
        self.events = events
    }
}
