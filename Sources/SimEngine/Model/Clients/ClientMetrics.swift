public import SimEvents

/// The latency handles every client records into, taken from the run's catalog once.
/// Counters and gauges need no handle: they are ``CounterMetric`` and ``GaugeMetric`` values.
public struct ClientMetrics: Sendable {
    /// End-to-end delivery latency, from the sender's intended send time.
    public let deliveryLatency: LatencyHandle
    /// Delivery latency by the recipient's gateway node, when there are several.
    public let deliveryByNode: [LatencyHandle]
    /// Delivery latency by the recipient's profile, when the scenario mixes profiles.
    public let deliveryByProfile: [LatencyHandle]
    /// From a connection's loss to the client being connected again.
    public let reconnectLatency: LatencyHandle
    /// From a gap seen (a message ahead of order) to the missing messages recovered or reported.
    public let gapRecoveryLatency: LatencyHandle
    /// Live cursor moves, from the mover's intended time to another member seeing them.
    public let cursorLatency: LatencyHandle
    /// From the reader's client sending its marker to the sender receiving the receipt.
    public let receiptLatency: LatencyHandle
    /// Typing indicators, from the typist's intended time to another member seeing them.
    public let typingLatency: LatencyHandle
    /// Presence changes, from the change to another member seeing it.
    public let presenceLatency: LatencyHandle
    private let deliveryBySize: (small: LatencyHandle, medium: LatencyHandle, large: LatencyHandle)

    /// Takes the handles from `catalog`, for a system of `nodes` gateway nodes whose clients mix
    /// `profiles` (by name, in the mix's order).
    public init(_ catalog: MetricCatalog, nodes: Int = 1, profiles: [String] = []) {
        deliveryLatency = catalog.handle(.messageDelivery)
        deliveryBySize = (catalog.handle(.messageDeliveryByRoomSize(.small)), catalog.handle(.messageDeliveryByRoomSize(.medium)),
                          catalog.handle(.messageDeliveryByRoomSize(.large)))
        deliveryByNode = nodes > 1 ? (0..<nodes).map { catalog.handle(.messageDeliveryByNode($0)) } : []
        deliveryByProfile = profiles.map { catalog.handle(.messageDeliveryByProfile($0)) }
        reconnectLatency = catalog.handle(.reconnect)
        gapRecoveryLatency = catalog.handle(.gapRecovery)
        receiptLatency = catalog.handle(.receipt)
        cursorLatency = catalog.handle(.cursor)
        typingLatency = catalog.handle(.typing)
        presenceLatency = catalog.handle(.presence)
    }

    /// Delivery latency in a room of `members` (``RoomSizeClass``).
    @inline(__always)
    public func delivery(inRoomOf members: Int) -> LatencyHandle {
        members <= 20 ? deliveryBySize.small : members <= 200 ? deliveryBySize.medium : deliveryBySize.large
    }
}
