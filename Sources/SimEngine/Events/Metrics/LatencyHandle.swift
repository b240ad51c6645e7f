/// A latency metric registered in a ``MetricCatalog``: recording by handle is an array index,
/// never a name lookup.
public struct LatencyHandle: Hashable, Sendable {
    /// The metric's position in its catalog.
    public let index: Int

    init(index: Int) {
        self.index = index
    }
}
