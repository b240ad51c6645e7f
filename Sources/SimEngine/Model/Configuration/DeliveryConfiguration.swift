public import SimSupport
public import SimEvents

/// What the system promises about each message, and the timings of that promise.
public struct DeliveryConfiguration: Equatable, Sendable {
    /// The guarantee. Default at-most-once (Socket.IO's and Redis pub/sub's default).
    public var guarantee = DeliveryGuarantee.atMostOnce
    /// How long a client waits for the server's acknowledgement before retrying (at-least-once
    /// and effectively-once). Default 5 s.
    public var ackTimeout: Duration = .seconds(5)
    /// How long the server remembers client message ids to drop retried duplicates
    /// (effectively-once). Default 120 s (Ably's 2 minutes).
    public var dedupWindow: Duration = .seconds(120)

    public init() {}

    /// Checks the parameters.
    public func validate(at location: String) throws(ConfigurationError) {
        guard ackTimeout > .zero else {
            throw ConfigurationError(location: "\(location).ack_timeout", problem: "must be longer than zero",
                                     remedy: "give a duration such as 5s")
        }
        guard dedupWindow > .zero else {
            throw ConfigurationError(location: "\(location).dedup_window", problem: "must be longer than zero",
                                     remedy: "give a duration such as 2m")
        }
        try ConfigurationError.requireDuration(ackTimeout, in: .milliseconds(1)...ConfigurationError.longest,
                                               at: "\(location).ack_timeout")
        try ConfigurationError.requireDuration(dedupWindow, in: .zero...ConfigurationError.longest,
                                               at: "\(location).dedup_window")
    }
}

extension DeliveryConfiguration: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case guarantee, ackTimeout = "ack_timeout", dedupWindow = "dedup_window"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        guarantee = try container.decode(.guarantee, default: guarantee)
        ackTimeout = try container.decodeDuration(.ackTimeout, default: ackTimeout)
        dedupWindow = try container.decodeDuration(.dedupWindow, default: dedupWindow)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(guarantee, forKey: .guarantee)
        try container.encodeDuration(ackTimeout, forKey: .ackTimeout)
        try container.encodeDuration(dedupWindow, forKey: .dedupWindow)
    }
}
