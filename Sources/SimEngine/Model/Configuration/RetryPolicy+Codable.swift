import SimSupport

extension RetryPolicy: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case maxAttempts = "max_attempts", initialBackoff = "initial_backoff", backoffMultiplier = "backoff_multiplier"
        case maxBackoff = "max_backoff", attemptTimeout = "attempt_timeout"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = RetryPolicy()
        self.init(maxAttempts: try container.decode(.maxAttempts, default: defaults.maxAttempts),
                  initialBackoff: try container.decodeDuration(.initialBackoff, default: defaults.initialBackoff),
                  backoffMultiplier: try container.decode(.backoffMultiplier, default: defaults.backoffMultiplier),
                  maxBackoff: try container.decodeDuration(.maxBackoff, default: defaults.maxBackoff),
                  attemptTimeout: try container.decodeDuration(.attemptTimeout, default: defaults.attemptTimeout))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(maxAttempts, forKey: .maxAttempts)
        try container.encodeDuration(initialBackoff, forKey: .initialBackoff)
        try container.encode(backoffMultiplier, forKey: .backoffMultiplier)
        try container.encodeDuration(maxBackoff, forKey: .maxBackoff)
        try container.encodeDuration(attemptTimeout, forKey: .attemptTimeout)
    }
}
