import SimSupport

/// A range a swarm draws a factor from, uniformly: `{min: 0.5, max: 2}`.
public struct ScaleRange: Equatable, Sendable {
    public var min: Double
    public var max: Double

    public init(_ min: Double, _ max: Double) {
        self.min = min
        self.max = max
    }

    /// Checks that the range is ordered and inside `bounds`.
    func validate(at location: String, within bounds: ClosedRange<Double>) throws(ConfigurationError) {
        try ConfigurationError.requireNumber(min, in: bounds, at: "\(location).min", unit: "a factor")
        try ConfigurationError.requireNumber(max, in: bounds, at: "\(location).max", unit: "a factor")
        guard min <= max else {
            throw ConfigurationError(location: location, problem: "min (\(min)) is above max (\(max))",
                                     remedy: "give min at most max, such as {min: 0.5, max: 2}")
        }
    }
}

extension ScaleRange: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case min, max
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(Double.self, forKey: .min), try container.decode(Double.self, forKey: .max))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(min, forKey: .min)
        try container.encode(max, forKey: .max)
    }
}
