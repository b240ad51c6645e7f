import SimSupport

/// One stage of an open load: over `duration`, the rate moves linearly to `target` messages
/// per second.
public struct LoadStage: Equatable, Sendable {
    /// How long the stage lasts.
    public var duration: Duration
    /// The rate, in messages per second, reached at the stage's end.
    public var target: Double

    public init(duration: Duration, target: Double) {
        self.duration = duration
        self.target = target
    }
}

extension LoadStage: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case duration, target
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(duration: try container.decodeDuration(.duration, default: .zero),
                  target: try container.decode(Double.self, forKey: .target))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeDuration(duration, forKey: .duration)
        try container.encode(target, forKey: .target)
    }
}
