public import SimSupport
public import SimRuntime

/// When a client whose connection closed tries again: exponential backoff with a cap and
/// jitter, or never. A value type with no clock; the client draws the jitter from its stream.
///
/// Defaults are Socket.IO's: 1 s, doubling, capped at 5 s, ±50 % jitter.
public struct ReconnectPolicy: Equatable, Sendable {
    /// Whether the client reconnects at all (the B2B portal's clients do not).
    public var enabled = true
    /// The delay before the first attempt. Default 1 s.
    public var initialDelay: Duration = .seconds(1)
    /// The longest delay. Default 5 s.
    public var maxDelay: Duration = .seconds(5)
    /// Each delay is the nominal one times a factor drawn from [1 − jitter, 1 + jitter].
    /// Default 0.5.
    public var jitter = 0.5

    public init() {}

    /// The nominal delay before attempt `attempt` (from 1): the initial delay doubled per
    /// earlier attempt, capped.
    public func nominalDelay(attempt: Int) -> Duration {
        let doublings = Swift.min(Swift.max(0, attempt - 1), 32)
        let nanoseconds = Double(initialDelay.wholeNanoseconds) * Double(1 << doublings)
        return .nanoseconds(Int64(Swift.min(nanoseconds, Double(maxDelay.wholeNanoseconds))))
    }

    /// The delay before attempt `attempt`, with jitter drawn from `random`; nil if the client
    /// never reconnects.
    public func delay(attempt: Int, using random: inout RandomStream) -> Duration? {
        guard enabled else { return nil }
        let factor = 1 + jitter * (2 * random.nextUnitInterval() - 1)
        return .nanoseconds(Int64((Double(nominalDelay(attempt: attempt).wholeNanoseconds) * factor).rounded()))
    }

    /// Checks the parameters.
    public func validate(at location: String) throws(ConfigurationError) {
        guard initialDelay > .zero else {
            throw ConfigurationError(location: "\(location).initial_delay", problem: "must be longer than zero",
                                     remedy: "give a duration such as 1s")
        }
        guard maxDelay >= initialDelay else {
            throw ConfigurationError(location: "\(location).max_delay", problem: "must be at least initial_delay",
                                     remedy: "give a duration such as 5s")
        }
        try ConfigurationError.requireDuration(maxDelay, in: .zero...ConfigurationError.longest, at: "\(location).max_delay")
        guard jitter.isFinite, (0...1).contains(jitter) else {
            throw ConfigurationError(location: "\(location).jitter", problem: "must be between 0 and 1, got \(jitter)",
                                     remedy: "give a share such as 0.5 for ±50 %")
        }
    }
}

extension ReconnectPolicy: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case enabled, initialDelay = "initial_delay", maxDelay = "max_delay", jitter
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        enabled = try container.decode(.enabled, default: enabled)
        initialDelay = try container.decodeDuration(.initialDelay, default: initialDelay)
        maxDelay = try container.decodeDuration(.maxDelay, default: maxDelay)
        jitter = try container.decode(.jitter, default: jitter)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(enabled, forKey: .enabled)
        try container.encodeDuration(initialDelay, forKey: .initialDelay)
        try container.encodeDuration(maxDelay, forKey: .maxDelay)
        try container.encode(jitter, forKey: .jitter)
    }
}
