/// How notifications travel.
public struct NotificationConfiguration: Equatable, Sendable {
    /// The channels tried, in order, for a user without preferences. Default realtime, then
    /// push, then email.
    public var channels: [NotificationChannel] = [.realtime, .push, .email]
    /// Retries and timeouts of every channel. Default: see ``RetryPolicy``.
    public var retry = RetryPolicy()
    /// Each channel's provider. Default: ``ProviderProfile/defaults(for:)``.
    public var providers: [NotificationChannel: ProviderProfile] =
        Dictionary(uniqueKeysWithValues: NotificationChannel.allCases.map { ($0, ProviderProfile.defaults(for: $0)) })
    /// Notifications per page. Default 20 (the marketplace's).
    public var pageSize = 20

    public init() {}

    /// Checks the parameters.
    public func validate(at location: String) throws(ConfigurationError) {
        guard Set(channels).count == channels.count else {
            throw ConfigurationError(location: "\(location).channels", problem: "names a channel twice",
                                     remedy: "list each of realtime, push, email at most once")
        }
        guard pageSize > 0 else {
            throw ConfigurationError(location: "\(location).page_size", problem: "must be at least 1, got \(pageSize)",
                                     remedy: "give a page size such as 20")
        }
        try retry.validate(at: "\(location).retry")
        for channel in NotificationChannel.allCases {
            try providers[channel]?.validate(at: "\(location).providers.\(channel.rawValue)")
        }
    }
}

extension NotificationConfiguration: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case channels, retry, providers, pageSize = "page_size"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        channels = try container.decode(.channels, default: channels)
        retry = try container.decode(.retry, default: retry)
        pageSize = try container.decode(.pageSize, default: pageSize)
        if container.contains(.providers) {
            let nested = try container.superDecoder(forKey: .providers)
            try nested.rejectUnknownKeys(known: NotificationChannel.allCases.map(\.rawValue))
            let given = try [String: ProviderProfile](from: nested)
            for (name, profile) in given { providers[NotificationChannel(rawValue: name)!] = profile }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(channels, forKey: .channels)
        try container.encode(retry, forKey: .retry)
        try container.encode(Dictionary(uniqueKeysWithValues: providers.map { ($0.key.rawValue, $0.value) }),
                             forKey: .providers)
        try container.encode(pageSize, forKey: .pageSize)
    }
}
