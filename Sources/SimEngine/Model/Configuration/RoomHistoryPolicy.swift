public import SimSupport

/// How much of its history a room keeps and serves.
public struct RoomHistoryPolicy: Equatable, Sendable {
    /// The most messages kept; older ones are dropped. Default 1,000.
    public var maxMessages: Int
    /// The oldest a kept message may be. Default 5 minutes (Centrifugo's default history TTL
    /// order of magnitude; Socket.IO keeps sessions for 2 minutes).
    public var maxAge: Duration
    /// Messages per history page. Default 50 (the marketplace spec's page size).
    public var pageSize: Int
    /// The most missed messages a reconnecting client may recover; beyond it the answer is
    /// "not recovered". Default 300 (Centrifugo's recovery cap).
    public var recoveryLimit: Int

    public init(maxMessages: Int = 1_000, maxAge: Duration = .seconds(300), pageSize: Int = 50,
                recoveryLimit: Int = 300) {
        self.maxMessages = maxMessages
        self.maxAge = maxAge
        self.pageSize = pageSize
        self.recoveryLimit = recoveryLimit
    }

    /// Checks the parameters.
    public func validate(at location: String) throws(ConfigurationError) {
        func require(_ condition: Bool, _ key: String, _ problem: String) throws(ConfigurationError) {
            if !condition {
                throw ConfigurationError(location: "\(location).\(key)", problem: problem, remedy: "give a positive value")
            }
        }
        try ConfigurationError.requireCount(maxMessages, in: 1...100_000_000, at: "\(location).max_messages", unit: "messages")
        try require(maxAge > .zero, "max_age", "must be longer than zero")
        try ConfigurationError.requireDuration(maxAge, in: .zero...ConfigurationError.longest, at: "\(location).max_age")
        try ConfigurationError.requireCount(pageSize, in: 1...100_000, at: "\(location).page_size", unit: "messages per page")
        try ConfigurationError.requireCount(recoveryLimit, in: 0...100_000_000, at: "\(location).recovery_limit", unit: "messages")
    }
}
