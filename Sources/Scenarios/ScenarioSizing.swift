public import SimSupport

/// How a scenario sizes its system from its number of clients, so that one scenario serves at
/// ten thousand clients and at a million: rooms, gateway nodes, the store's pool, the connect
/// stage and the notification rate all follow `clients`.
///
/// ```yaml
/// sizing: { clients_per_room: 5, clients_per_node: 2000, clients_per_store_connection: 200,
///           clients_per_connect_server: 500, notifications_per_client_minute: 0.3 }
/// ```
///
/// Sizing is applied after every override and flag (`--clients`, `--set clients=…`), so the
/// sized values are what a run uses and what `simrun explain` prints; applying it again changes
/// nothing.
public struct ScenarioSizing: Equatable, Sendable {
    /// Clients per room: rooms are `clients / clients_per_room`, at least `rooms_per_client`.
    public var clientsPerRoom: Int
    /// Clients per gateway node, at most 1,024 nodes.
    public var clientsPerNode: Int
    /// Clients per pooled store connection; the pool never shrinks below 10.
    public var clientsPerStoreConnection: Int
    /// Clients per server of each node's connect stage; never below 4 per node.
    public var clientsPerConnectServer: Int
    /// Notifications per client per minute; none when 0.
    public var notificationsPerClientMinute: Double

    public init(clientsPerRoom: Int, clientsPerNode: Int, clientsPerStoreConnection: Int, clientsPerConnectServer: Int,
                notificationsPerClientMinute: Double) {
        self.clientsPerRoom = clientsPerRoom
        self.clientsPerNode = clientsPerNode
        self.clientsPerStoreConnection = clientsPerStoreConnection
        self.clientsPerConnectServer = clientsPerConnectServer
        self.notificationsPerClientMinute = notificationsPerClientMinute
    }

    /// Checks the ratios.
    public func validate(at location: String) throws(ConfigurationError) {
        try ConfigurationError.requireCount(clientsPerRoom, in: 1...1_000_000, at: "\(location).clients_per_room", unit: "clients")
        try ConfigurationError.requireCount(clientsPerNode, in: 1...10_000_000, at: "\(location).clients_per_node", unit: "clients")
        try ConfigurationError.requireCount(clientsPerStoreConnection, in: 1...10_000_000,
                                            at: "\(location).clients_per_store_connection", unit: "clients")
        try ConfigurationError.requireCount(clientsPerConnectServer, in: 1...10_000_000,
                                            at: "\(location).clients_per_connect_server", unit: "clients")
        try ConfigurationError.requireNumber(notificationsPerClientMinute, in: 0...1_000,
                                             at: "\(location).notifications_per_client_minute", unit: "notifications")
    }
}

extension ScenarioSizing: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case clientsPerRoom = "clients_per_room", clientsPerNode = "clients_per_node"
        case clientsPerStoreConnection = "clients_per_store_connection"
        case clientsPerConnectServer = "clients_per_connect_server"
        case notificationsPerClientMinute = "notifications_per_client_minute"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(clientsPerRoom: try container.decode(Int.self, forKey: .clientsPerRoom),
                  clientsPerNode: try container.decode(Int.self, forKey: .clientsPerNode),
                  clientsPerStoreConnection: try container.decode(Int.self, forKey: .clientsPerStoreConnection),
                  clientsPerConnectServer: try container.decode(Int.self, forKey: .clientsPerConnectServer),
                  notificationsPerClientMinute: try container.decode(.notificationsPerClientMinute, default: 0))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(clientsPerRoom, forKey: .clientsPerRoom)
        try container.encode(clientsPerNode, forKey: .clientsPerNode)
        try container.encode(clientsPerStoreConnection, forKey: .clientsPerStoreConnection)
        try container.encode(clientsPerConnectServer, forKey: .clientsPerConnectServer)
        try container.encode(notificationsPerClientMinute, forKey: .notificationsPerClientMinute)
    }
}
