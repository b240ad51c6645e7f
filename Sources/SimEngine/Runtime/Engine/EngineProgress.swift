/// Where a run stands, as its monitor sees it.
public struct EngineProgress: Equatable, Sendable {
    /// The run's time now.
    public var now: SimulationInstant
    /// Units of work executed so far (simulation mode; zero in live mode until the run ends).
    public var events: UInt64
    /// Work waiting for a future instant (simulation mode; zero in live mode): what a model
    /// holds in timers, which must not grow with the run's length.
    public var pendingTimers: Int

    public init(now: SimulationInstant, events: UInt64, pendingTimers: Int = 0) {
        self.now = now
        self.events = events
        self.pendingTimers = pendingTimers
    }
}
