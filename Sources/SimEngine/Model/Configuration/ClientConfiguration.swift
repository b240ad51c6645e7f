public import SimSupport

/// How the synthetic clients behave towards the system.
public struct ClientConfiguration: Equatable, Sendable {
    /// When a client whose connection closed tries again. Default: see ``ReconnectPolicy``.
    public var reconnect = ReconnectPolicy()
    /// Attempts a client makes to send one message under at-least-once and effectively-once
    /// before it gives up. Default 5.
    public var sendAttempts = 5
    /// Whether a client keeps what the user sends while disconnected and sends it, in order,
    /// once connected again; without it those messages are lost (the marketplace's weakness).
    /// Default true.
    public var offlineQueue = true

    public init() {}

    /// Checks the parameters.
    public func validate(at location: String) throws(ConfigurationError) {
        try reconnect.validate(at: "\(location).reconnect")
        try ConfigurationError.requireCount(sendAttempts, in: 1...100, at: "\(location).send_attempts",
                                            unit: "attempts per message, such as 5")
    }
}

extension ClientConfiguration: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case reconnect, sendAttempts = "send_attempts", offlineQueue = "offline_queue"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        reconnect = try container.decode(.reconnect, default: reconnect)
        sendAttempts = try container.decode(.sendAttempts, default: sendAttempts)
        offlineQueue = try container.decode(.offlineQueue, default: offlineQueue)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reconnect, forKey: .reconnect)
        try container.encode(sendAttempts, forKey: .sendAttempts)
        try container.encode(offlineQueue, forKey: .offlineQueue)
    }
}
