public import SimEngine

/// Support-desk routing: a share of the clients are agents (admins of the conversations they
/// take); every other client is a customer who, on arrival, gets a conversation of its own with
/// the least busy agent that has room under its capacity, or waits while every agent is full.
public struct AgentRouting: Equatable, Sendable {
    /// The share of clients who are agents.
    public var share: Double
    /// Conversations one agent takes at once.
    public var capacity: Int

    public init(share: Double, capacity: Int) {
        self.share = share
        self.capacity = capacity
    }

    /// Agents among `clients` clients: at least one.
    func agents(of clients: Int) -> Int { Swift.max(1, Int((Double(clients) * share).rounded())) }

    /// Checks the parameters.
    func validate(at location: String) throws(ConfigurationError) {
        guard share > 0, share < 1 else {
            throw ConfigurationError(location: "\(location).share", problem: "must be above 0 and below 1, got \(share)",
                                     remedy: "give the share of agents, such as 0.1")
        }
        guard capacity >= 1 else {
            throw ConfigurationError(location: "\(location).capacity", problem: "must be at least 1, got \(capacity)",
                                     remedy: "give the conversations one agent takes at once, such as 5")
        }
    }

    /// The agent (from 0) of each customer, in the customers' order, routed in order of arrival
    /// to the least loaded agent (the lowest number on ties); nil for a customer left waiting.
    public static func route(arrivals: [SimulationInstant], agents: Int, capacity: Int) -> [Int?] {
        var load = Array(repeating: 0, count: agents)
        var assigned = [Int?](repeating: nil, count: arrivals.count)
        for customer in arrivals.indices.sorted(by: { (arrivals[$0], $0) < (arrivals[$1], $1) }) {
            guard let agent = load.indices.filter({ load[$0] < capacity }).min(by: { (load[$0], $0) < (load[$1], $1) }) else {
                continue
            }
            load[agent] += 1
            assigned[customer] = agent
        }
        return assigned
    }
}

extension AgentRouting: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case share, capacity
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(share: try container.decode(Double.self, forKey: .share), capacity: try container.decode(Int.self, forKey: .capacity))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(share, forKey: .share)
        try container.encode(capacity, forKey: .capacity)
    }
}
