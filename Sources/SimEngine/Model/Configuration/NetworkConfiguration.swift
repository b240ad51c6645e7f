public import SimSupport

/// The links between clients and nodes, and between nodes.
public struct NetworkConfiguration: Equatable, Sendable {
    /// Each client's connection to its node. Default: log-normal, 20 ms median, no loss.
    public var clientLink = LinkProfile()
    /// Links between nodes (gateway, bus, store). Default: log-normal, 1 ms median, no loss.
    public var nodeLink = LinkProfile(latency: .lognormal(median: 0.001, sigma: 0.3))

    public init() {}

    /// Checks the parameters.
    public func validate(at location: String) throws(ConfigurationError) {
        try clientLink.validate(at: "\(location).client_link")
        try nodeLink.validate(at: "\(location).node_link")
    }
}

extension NetworkConfiguration: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case clientLink = "client_link", nodeLink = "node_link"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        clientLink = try container.decode(.clientLink, default: clientLink)
        nodeLink = try container.decode(.nodeLink, default: nodeLink)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(clientLink, forKey: .clientLink)
        try container.encode(nodeLink, forKey: .nodeLink)
    }
}
