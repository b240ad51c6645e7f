import SimSupport

extension Distribution: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, value, min, max, mean, standardDeviation = "standard_deviation", median, sigma, values
    }

    /// The names accepted for `kind`.
    public static let kindNames = ["constant", "uniform", "exponential", "normal", "lognormal", "empirical"]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "constant": self = .constant(try container.decode(Double.self, forKey: .value))
        case "uniform":
            self = .uniform(min: try container.decode(Double.self, forKey: .min),
                            max: try container.decode(Double.self, forKey: .max))
        case "exponential": self = .exponential(mean: try container.decode(Double.self, forKey: .mean))
        case "normal":
            self = .normal(mean: try container.decode(Double.self, forKey: .mean),
                           standardDeviation: try container.decode(Double.self, forKey: .standardDeviation))
        case "lognormal":
            self = .lognormal(median: try container.decode(Double.self, forKey: .median),
                              sigma: try container.decode(Double.self, forKey: .sigma))
        case "empirical": self = .empirical(try container.decode([Double].self, forKey: .values))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container,
                debugDescription: "unknown distribution kind '\(kind)'; accepted: \(Self.kindNames.joined(separator: ", "))")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .constant(let value):
            try container.encode("constant", forKey: .kind)
            try container.encode(value, forKey: .value)
        case .uniform(let low, let high):
            try container.encode("uniform", forKey: .kind)
            try container.encode(low, forKey: .min)
            try container.encode(high, forKey: .max)
        case .exponential(let mean):
            try container.encode("exponential", forKey: .kind)
            try container.encode(mean, forKey: .mean)
        case .normal(let mean, let deviation):
            try container.encode("normal", forKey: .kind)
            try container.encode(mean, forKey: .mean)
            try container.encode(deviation, forKey: .standardDeviation)
        case .lognormal(let median, let sigma):
            try container.encode("lognormal", forKey: .kind)
            try container.encode(median, forKey: .median)
            try container.encode(sigma, forKey: .sigma)
        case .empirical(let values):
            try container.encode("empirical", forKey: .kind)
            try container.encode(values, forKey: .values)
        }
    }
}
