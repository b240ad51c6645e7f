public import SimSupport
public import SimRuntime
public import SimEvents

/// A notification provider (an email or push service) as the system sees it.
public struct ProviderProfile: Equatable, Sendable {
    /// Seconds from the request to the provider's answer.
    public var latency: Distribution
    /// The share of requests the provider fails, from 0 to 1.
    public var failureRate: Double
    /// Requests the provider serves at once; more wait in line, and the wait counts against the
    /// attempt's timeout. 0 means no limit.
    public var concurrency: Int

    public init(latency: Distribution, failureRate: Double, concurrency: Int = 0) {
        self.latency = latency
        self.failureRate = failureRate
        self.concurrency = concurrency
    }

    /// The defaults of each channel: realtime answers within the connection's round trip,
    /// never fails by itself and has no limit; email takes about a second, fails 1 % of the time
    /// and serves 20 requests at once; push takes about 300 ms, fails 2 % and serves 100.
    public static func defaults(for channel: NotificationChannel) -> ProviderProfile {
        switch channel {
        case .realtime: ProviderProfile(latency: .lognormal(median: 0.02, sigma: 0.5), failureRate: 0)
        case .email: ProviderProfile(latency: .lognormal(median: 1.0, sigma: 0.6), failureRate: 0.01, concurrency: 20)
        case .push: ProviderProfile(latency: .lognormal(median: 0.3, sigma: 0.5), failureRate: 0.02, concurrency: 100)
        }
    }

    /// Checks the parameters.
    public func validate(at location: String) throws(ConfigurationError) {
        try latency.validate(at: "\(location).latency")
        try ConfigurationError.requireShare(failureRate, at: "\(location).failure_rate", example: "0.01")
        try ConfigurationError.requireCount(concurrency, in: 0...1_000_000, at: "\(location).concurrency",
                                            unit: "requests served at once (0 for no limit)")
    }
}

extension ProviderProfile: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case latency, failureRate = "failure_rate", concurrency
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(latency: try container.decode(Distribution.self, forKey: .latency),
                  failureRate: try container.decode(.failureRate, default: 0),
                  concurrency: try container.decode(.concurrency, default: 0))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(latency, forKey: .latency)
        try container.encode(failureRate, forKey: .failureRate)
        try container.encode(concurrency, forKey: .concurrency)
    }
}
