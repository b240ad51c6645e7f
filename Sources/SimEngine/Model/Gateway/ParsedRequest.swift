import SimRuntime

/// A request a gateway node has parsed, on its way to its room's home node.
struct ParsedRequest: Sendable {
    /// The room it is for.
    var room: Int
    /// Sends it to its room, to arrive at the instant given: when it reaches the room's home
    /// node.
    var forward: @Sendable (SimulationInstant) -> Void
}
