import SimRuntime

/// A request a gateway node has parsed, on its way to its room's home node.
struct ParsedRequest: Sendable {
    /// The room it is for.
    var room: Int
    /// What the home node does with it.
    var forward: @Sendable (Engine) -> Void
}
