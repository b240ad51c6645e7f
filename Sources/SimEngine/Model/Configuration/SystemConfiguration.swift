public import SimSupport

/// Every parameter of the modelled messaging and notification system, with documented
/// defaults, readable from and writable to JSON (and YAML) so that nothing needs recompiling.
///
/// Absent keys take their defaults; unknown keys are refused with the nearest valid name.
///
/// ```json
/// { "gateway": { "nodes": 3, "rate_limit": { "kind": "sliding_window", "limit": 60, "window": "60s" } },
///   "delivery": { "guarantee": "effectively_once" } }
/// ```
public struct SystemConfiguration: Equatable, Sendable {
    /// Gateway nodes, heartbeats, outbound queues, rate limits, sessions.
    public var gateway = GatewayConfiguration()
    /// Room history, pages and recovery.
    public var rooms = RoomHistoryPolicy()
    /// The delivery guarantee and its timings.
    public var delivery = DeliveryConfiguration()
    /// Presence, typing and receipts.
    public var signals = SignalConfiguration()
    /// Notification channels, retries and providers.
    public var notifications = NotificationConfiguration()
    /// Client and node links.
    public var network = NetworkConfiguration()
    /// The database's pool, latencies and failures.
    public var store = StoreConfiguration()
    /// The bus between nodes.
    public var bus = BusConfiguration()
    /// The cost and capacity of each operation on a gateway node.
    public var capacity = CapacityConfiguration()
    /// How the synthetic clients reconnect and retry.
    public var clients = ClientConfiguration()
    /// Deliberately faulty components (none by default), to prove the checkers.
    public var faults = FaultConfiguration()

    public init() {}

    /// Checks every section; the error names the key path.
    public func validate() throws(ConfigurationError) {
        try gateway.validate(at: "system.gateway")
        try rooms.validate(at: "system.rooms")
        try delivery.validate(at: "system.delivery")
        try signals.validate(at: "system.signals")
        try notifications.validate(at: "system.notifications")
        try network.validate(at: "system.network")
        try store.validate(at: "system.store")
        try capacity.validate(at: "system.capacity")
        try clients.validate(at: "system.clients")
    }
}

extension SystemConfiguration: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case gateway, rooms, delivery, signals, notifications, network, store, bus, capacity, clients, faults
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        gateway = try container.decode(.gateway, default: gateway)
        rooms = try container.decode(.rooms, default: rooms)
        delivery = try container.decode(.delivery, default: delivery)
        signals = try container.decode(.signals, default: signals)
        notifications = try container.decode(.notifications, default: notifications)
        network = try container.decode(.network, default: network)
        store = try container.decode(.store, default: store)
        bus = try container.decode(.bus, default: bus)
        capacity = try container.decode(.capacity, default: capacity)
        clients = try container.decode(.clients, default: clients)
        faults = try container.decode(.faults, default: faults)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(gateway, forKey: .gateway)
        try container.encode(rooms, forKey: .rooms)
        try container.encode(delivery, forKey: .delivery)
        try container.encode(signals, forKey: .signals)
        try container.encode(notifications, forKey: .notifications)
        try container.encode(network, forKey: .network)
        try container.encode(store, forKey: .store)
        try container.encode(bus, forKey: .bus)
        try container.encode(capacity, forKey: .capacity)
        try container.encode(clients, forKey: .clients)
        try container.encode(faults, forKey: .faults)
    }
}
