import SimSupport

extension RateLimitPolicy: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case kind, limit, window, capacity, refillPerSecond = "refill_per_second"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .kind) {
        case "sliding_window":
            self = .slidingWindow(limit: try container.decode(Int.self, forKey: .limit),
                                  window: try container.decodeDuration(.window, default: .seconds(60)))
        case "token_bucket":
            self = .tokenBucket(capacity: try container.decode(Int.self, forKey: .capacity),
                                refillPerSecond: try container.decode(Double.self, forKey: .refillPerSecond))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container,
                debugDescription: "unknown rate limit kind '\(other)'; accepted: sliding_window, token_bucket")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .slidingWindow(let limit, let window):
            try container.encode("sliding_window", forKey: .kind)
            try container.encode(limit, forKey: .limit)
            try container.encodeDuration(window, forKey: .window)
        case .tokenBucket(let capacity, let rate):
            try container.encode("token_bucket", forKey: .kind)
            try container.encode(capacity, forKey: .capacity)
            try container.encode(rate, forKey: .refillPerSecond)
        }
    }
}
