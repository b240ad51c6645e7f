public import SimRuntime

/// How far a run has come, for a progress display.
public struct RunProgress: Sendable {
    /// The run's time now.
    public var now: SimulationInstant
    /// Units of work the engine has executed (0 in live mode).
    public var events: UInt64
    /// Work waiting for a future instant (0 in live mode).
    public var pendingTimers: Int
    /// Clients connected now.
    public var connectedClients: Int64
    /// Guarantee violations found so far by the checks that judge as events arrive.
    public var violations: Int

    public init(now: SimulationInstant, events: UInt64, pendingTimers: Int, connectedClients: Int64, violations: Int) {
        self.now = now
        self.events = events
        self.pendingTimers = pendingTimers
        self.connectedClients = connectedClients
        self.violations = violations
    }
}
