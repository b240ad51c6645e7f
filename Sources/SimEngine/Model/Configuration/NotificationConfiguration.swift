public import SimSupport
public import SimEvents

/// How notifications travel.
public struct NotificationConfiguration: Equatable, Sendable {
    /// The channels tried, in order, for a user without preferences. Default realtime, then
    /// push, then email.
    public var channels: [NotificationChannel] = [.realtime, .push, .email]
    /// The channels tried for notifications of a kind, for users without preferences of their
    /// own, instead of ``channels`` (a digest by email only, say). Default none.
    public var channelsByKind: [NotificationKind: [NotificationChannel]] = [:]
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
        try ConfigurationError.requireCount(pageSize, in: 1...100_000, at: "\(location).page_size",
                                            unit: "notifications per page, such as 20")
        try retry.validate(at: "\(location).retry")
        for channel in NotificationChannel.allCases {
            try providers[channel]?.validate(at: "\(location).providers.\(channel.rawValue)")
        }
    }
}

extension NotificationConfiguration: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case channels, channelsByKind = "channels_by_kind", retry, providers, pageSize = "page_size"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        channels = try container.decode(.channels, default: channels)
        let byKind = try container.decode(.channelsByKind, default: [String: [NotificationChannel]]())
        channelsByKind = Dictionary(uniqueKeysWithValues: byKind.map { (NotificationKind(rawValue: $0.key), $0.value) })
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
        // Maps are written in a fixed order, so that the same configuration is the same text.
        var byKind = container.nestedContainer(keyedBy: ConfigurationKey.self, forKey: .channelsByKind)
        for (kind, channels) in channelsByKind.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            try byKind.encode(channels, forKey: ConfigurationKey(kind.rawValue))
        }
        try container.encode(retry, forKey: .retry)
        var byChannel = container.nestedContainer(keyedBy: ConfigurationKey.self, forKey: .providers)
        for channel in NotificationChannel.allCases {
            if let profile = providers[channel] { try byChannel.encode(profile, forKey: ConfigurationKey(channel.rawValue)) }
        }
        try container.encode(pageSize, forKey: .pageSize)
    }
}
