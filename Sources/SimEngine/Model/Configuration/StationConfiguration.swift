public import SimSupport
public import SimRuntime

/// One pipeline stage's capacity: how many requests it serves at once and how long each takes.
///
/// A service time of zero makes the stage instantaneous; a busy stage queues work, and that
/// wait is part of every latency measured.
///
/// ```yaml
/// parse: { servers: 4, service_time: { kind: lognormal, median: 0.0002, sigma: 0.4 } }
/// ```
public struct StationConfiguration: Equatable, Sendable {
    /// Requests served at once.
    public var servers: Int
    /// Seconds one request takes once it has a server.
    public var serviceTime: Distribution

    public init(servers: Int, serviceTime: Distribution) {
        self.servers = servers
        self.serviceTime = serviceTime
    }

    /// Checks the parameters.
    public func validate(at location: String) throws(ConfigurationError) {
        try ConfigurationError.requireCount(servers, in: 1...1_000_000, at: "\(location).servers",
                                            unit: "requests the stage serves at once")
        try serviceTime.validate(at: "\(location).service_time")
    }
}

extension StationConfiguration: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case servers, serviceTime = "service_time"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        servers = try container.decode(Int.self, forKey: .servers)
        serviceTime = try container.decode(Distribution.self, forKey: .serviceTime)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(servers, forKey: .servers)
        try container.encode(serviceTime, forKey: .serviceTime)
    }
}
