public import SimSupport

/// A kind of user, mixed into a scenario by weight: how active it is and what network it has.
///
/// ```yaml
/// profiles:
///   - { name: broadband, weight: 6, think_time_scale: 1 }
///   - { name: mobile, weight: 3, link: { latency: { kind: lognormal, median: 0.06, sigma: 0.6 } } }
///   - { name: flaky, weight: 1, network_drops: { every: 2m, lasting: 20s } }
/// ```
public struct ClientProfile: Equatable, Sendable {
    /// The profile's name, which tags its latency (`message_delivery[profile=NAME]`).
    public var name: String
    /// Its share of the clients, relative to the other profiles' weights.
    public var weight: Double
    /// Multiplies the scenario's think time: 0.5 is twice as chatty, 4 a lurker. Default 1.
    public var thinkTimeScale: Double
    /// The profile's network; nil keeps the system's client link.
    public var link: LinkProfile?
    /// How often the network drops (mean of an exponential gap) and for how long; nil for never.
    public var networkDrops: NetworkDrops?

    /// Network drops: a mean gap between drops and how long each lasts.
    public struct NetworkDrops: Equatable, Sendable {
        /// The mean time between drops (exponentially distributed).
        public var every: Duration
        /// How long each drop lasts.
        public var lasting: Duration

        public init(every: Duration, lasting: Duration) {
            self.every = every
            self.lasting = lasting
        }
    }

    public init(name: String, weight: Double, thinkTimeScale: Double = 1, link: LinkProfile? = nil,
                networkDrops: NetworkDrops? = nil) {
        self.name = name
        self.weight = weight
        self.thinkTimeScale = thinkTimeScale
        self.link = link
        self.networkDrops = networkDrops
    }

    /// Checks the parameters.
    public func validate(at location: String) throws(ConfigurationError) {
        guard weight > 0, weight.isFinite, weight <= 1e9 else {
            throw ConfigurationError(location: "\(location).weight", problem: "must be above 0 and at most 1e9, got \(weight)",
                                     remedy: "give the profile's relative share, such as 3")
        }
        guard thinkTimeScale >= 0.001, thinkTimeScale <= 1_000 else {
            throw ConfigurationError(location: "\(location).think_time_scale", problem: "must be from 0.001 to 1000, got \(thinkTimeScale)",
                                     remedy: "give a factor such as 0.5 (chatty) or 4 (lurker)")
        }
        try link?.validate(at: "\(location).link")
        if let drops = networkDrops, drops.every < .milliseconds(100) || drops.lasting <= .zero
            || drops.every > ConfigurationError.longest || drops.lasting > ConfigurationError.longest {
            throw ConfigurationError(location: "\(location).network_drops",
                                     problem: "needs every from 100ms to 30 days and lasting above 0s and at most 30 days",
                                     remedy: "give durations such as { every: 2m, lasting: 20s }")
        }
    }
}

extension ClientProfile: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case name, weight, thinkTimeScale = "think_time_scale", link, networkDrops = "network_drops"
    }

    private enum DropKeys: String, CodingKey, CaseIterable {
        case every, lasting
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try container.decode(String.self, forKey: .name), weight: try container.decode(.weight, default: 1))
        thinkTimeScale = try container.decode(.thinkTimeScale, default: thinkTimeScale)
        link = try container.decodeIfPresent(LinkProfile.self, forKey: .link)
        if container.contains(.networkDrops) {
            let nested = try container.superDecoder(forKey: .networkDrops)
            try nested.rejectUnknownKeys(known: DropKeys.allCases.map(\.rawValue))
            let drops = try nested.container(keyedBy: DropKeys.self)
            networkDrops = NetworkDrops(every: try drops.decodeDuration(.every, default: .zero),
                                        lasting: try drops.decodeDuration(.lasting, default: .zero))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(weight, forKey: .weight)
        try container.encode(thinkTimeScale, forKey: .thinkTimeScale)
        try container.encodeIfPresent(link, forKey: .link)
        if let networkDrops {
            var drops = container.nestedContainer(keyedBy: DropKeys.self, forKey: .networkDrops)
            try drops.encodeDuration(networkDrops.every, forKey: .every)
            try drops.encodeDuration(networkDrops.lasting, forKey: .lasting)
        }
    }
}
