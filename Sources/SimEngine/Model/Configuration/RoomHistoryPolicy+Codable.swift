import SimSupport

extension RoomHistoryPolicy: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case maxMessages = "max_messages", maxAge = "max_age", pageSize = "page_size", recoveryLimit = "recovery_limit"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = RoomHistoryPolicy()
        self.init(maxMessages: try container.decode(.maxMessages, default: defaults.maxMessages),
                  maxAge: try container.decodeDuration(.maxAge, default: defaults.maxAge),
                  pageSize: try container.decode(.pageSize, default: defaults.pageSize),
                  recoveryLimit: try container.decode(.recoveryLimit, default: defaults.recoveryLimit))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(maxMessages, forKey: .maxMessages)
        try container.encodeDuration(maxAge, forKey: .maxAge)
        try container.encode(pageSize, forKey: .pageSize)
        try container.encode(recoveryLimit, forKey: .recoveryLimit)
    }
}
