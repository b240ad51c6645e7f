public import SimSupport
public import SimRuntime

/// The database behind rooms, receipts and notifications.
public struct StoreConfiguration: Equatable, Sendable {
    /// Connections in the pool: requests served at once. Default 10.
    public var poolSize = 10
    /// Seconds a read takes once it has a connection. Default: log-normal, 2 ms median.
    public var readLatency = Distribution.lognormal(median: 0.002, sigma: 0.5)
    /// Seconds a write takes once it has a connection. Default: log-normal, 5 ms median.
    public var writeLatency = Distribution.lognormal(median: 0.005, sigma: 0.5)
    /// The share of requests that fail, from 0 to 1. Default 0.
    public var failureRate = 0.0

    public init() {}

    /// Checks the parameters.
    public func validate(at location: String) throws(ConfigurationError) {
        try ConfigurationError.requireCount(poolSize, in: 1...1_000_000, at: "\(location).pool_size",
                                            unit: "pooled connections")
        try readLatency.validate(at: "\(location).read_latency")
        try writeLatency.validate(at: "\(location).write_latency")
        try ConfigurationError.requireShare(failureRate, at: "\(location).failure_rate", example: "0.001")
    }
}

extension StoreConfiguration: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case poolSize = "pool_size", readLatency = "read_latency", writeLatency = "write_latency"
        case failureRate = "failure_rate"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        poolSize = try container.decode(.poolSize, default: poolSize)
        readLatency = try container.decode(.readLatency, default: readLatency)
        writeLatency = try container.decode(.writeLatency, default: writeLatency)
        failureRate = try container.decode(.failureRate, default: failureRate)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(poolSize, forKey: .poolSize)
        try container.encode(readLatency, forKey: .readLatency)
        try container.encode(writeLatency, forKey: .writeLatency)
        try container.encode(failureRate, forKey: .failureRate)
    }
}
