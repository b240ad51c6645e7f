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
