import SimSupport

extension LinkProfile: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case latency, lossRate = "loss_rate"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = LinkProfile()
        self.init(latency: try container.decode(.latency, default: defaults.latency),
                  lossRate: try container.decode(.lossRate, default: defaults.lossRate))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(latency, forKey: .latency)
        try container.encode(lossRate, forKey: .lossRate)
    }
}
