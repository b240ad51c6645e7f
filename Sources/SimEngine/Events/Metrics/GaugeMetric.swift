/// A level a run tracks, its last value per interval of its time series.
public enum GaugeMetric: String, CaseIterable, Hashable, Sendable {
    /// Clients connected now.
    case connectedClients = "connected_clients"
    /// Customers waiting for an agent now.
    case customersWaiting = "customers_waiting"

    /// The gauge's position among every gauge: its index in a recorder.
    public var index: Int { Self.allCases.firstIndex(of: self)! }
}
