import SimSupport

/// Support-desk routing: a share of the clients are agents (admins of the conversations they
/// take); every other client is a customer who, on arrival, gets a conversation of its own with
/// the least busy agent that has room under its capacity, or waits (priority customers first)
/// until a conversation ends.
public struct AgentRouting: Equatable, Sendable {
    /// The share of clients who are agents.
    public var share: Double
    /// Conversations one agent takes at once.
    public var capacity: Int
    /// The share of customers with priority, who go ahead of the others in the queue. Default 0.
    public var priorityShare: Double

    public init(share: Double, capacity: Int, priorityShare: Double = 0) {
        self.share = share
        self.capacity = capacity
        self.priorityShare = priorityShare
    }

    /// Agents among `clients` clients: at least one.
    func agents(of clients: Int) -> Int { Swift.max(1, Int((Double(clients) * share).rounded())) }

    /// Checks the parameters.
    func validate(at location: String) throws(ConfigurationError) {
        guard share > 0, share < 1 else {
            throw ConfigurationError(location: "\(location).share", problem: "must be above 0 and below 1, got \(share)",
                                     remedy: "give the share of agents, such as 0.1")
        }
        try ConfigurationError.requireShare(priorityShare, at: "\(location).priority_share", example: "0.1")
        guard capacity >= 1 else {
            throw ConfigurationError(location: "\(location).capacity", problem: "must be at least 1, got \(capacity)",
                                     remedy: "give the conversations one agent takes at once, such as 5")
        }
    }
}

extension AgentRouting: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case share, capacity, priorityShare = "priority_share"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(share: try container.decode(Double.self, forKey: .share), capacity: try container.decode(Int.self, forKey: .capacity),
                  priorityShare: try container.decode(.priorityShare, default: 0))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(share, forKey: .share)
        try container.encode(capacity, forKey: .capacity)
        try container.encode(priorityShare, forKey: .priorityShare)
    }
}
