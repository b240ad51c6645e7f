public import SimSupport

/// The WebSocket gateway nodes.
public struct GatewayConfiguration: Equatable, Sendable {
    /// Gateway nodes. Default 1.
    public var nodes = 1
    /// How often a node pings each connection. Default 25 s (Socket.IO).
    public var heartbeatInterval: Duration = .seconds(25)
    /// How long a ping may go unanswered before the connection is declared dead. Default 20 s
    /// (Socket.IO).
    public var heartbeatTimeout: Duration = .seconds(20)
    /// The most bytes a connection's outbound queue holds. Default 1 MiB.
    public var outboxByteCap = 1 << 20
    /// What happens when the outbound queue is full. Default: disconnect.
    public var slowConsumer = SlowConsumerPolicy.disconnect
    /// Each user's request limit. Default 60 per minute, sliding window (the B2B portal's).
    public var rateLimit = RateLimitPolicy.default
    /// How long a disconnected client's session is kept for recovery. Default 120 s (Socket.IO).
    public var sessionKeep: Duration = .seconds(120)

    public init() {}

    /// Checks the parameters.
    public func validate(at location: String) throws(ConfigurationError) {
        func require(_ condition: Bool, _ key: String, _ problem: String, _ remedy: String) throws(ConfigurationError) {
            if !condition { throw ConfigurationError(location: "\(location).\(key)", problem: problem, remedy: remedy) }
        }
        try ConfigurationError.requireCount(nodes, in: 1...1_024, at: "\(location).nodes", unit: "gateway nodes")
        try ConfigurationError.requireDuration(heartbeatInterval, in: .milliseconds(100)...ConfigurationError.longest,
                                               at: "\(location).heartbeat_interval")
        try ConfigurationError.requireDuration(heartbeatTimeout, in: .milliseconds(100)...ConfigurationError.longest,
                                               at: "\(location).heartbeat_timeout")
        try ConfigurationError.requireCount(outboxByteCap, in: 1...(1 << 30), at: "\(location).outbox_byte_cap", unit: "bytes")
        try require(sessionKeep >= .zero && sessionKeep <= ConfigurationError.longest, "session_keep",
                    "must be from 0s to 30 days", "give 0s to keep no session")
        try rateLimit.validate(at: "\(location).rate_limit")
    }
}

extension GatewayConfiguration: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case nodes, heartbeatInterval = "heartbeat_interval", heartbeatTimeout = "heartbeat_timeout"
        case outboxByteCap = "outbox_byte_cap", slowConsumer = "slow_consumer", rateLimit = "rate_limit"
        case sessionKeep = "session_keep"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        nodes = try container.decode(.nodes, default: nodes)
        heartbeatInterval = try container.decodeDuration(.heartbeatInterval, default: heartbeatInterval)
        heartbeatTimeout = try container.decodeDuration(.heartbeatTimeout, default: heartbeatTimeout)
        outboxByteCap = try container.decode(.outboxByteCap, default: outboxByteCap)
        slowConsumer = try container.decode(.slowConsumer, default: slowConsumer)
        rateLimit = try container.decode(.rateLimit, default: rateLimit)
        sessionKeep = try container.decodeDuration(.sessionKeep, default: sessionKeep)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(nodes, forKey: .nodes)
        try container.encodeDuration(heartbeatInterval, forKey: .heartbeatInterval)
        try container.encodeDuration(heartbeatTimeout, forKey: .heartbeatTimeout)
        try container.encode(outboxByteCap, forKey: .outboxByteCap)
        try container.encode(slowConsumer, forKey: .slowConsumer)
        try container.encode(rateLimit, forKey: .rateLimit)
        try container.encodeDuration(sessionKeep, forKey: .sessionKeep)
    }
}
