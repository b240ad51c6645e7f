public import SimSupport

/// A probability distribution of non-negative real values, used for latencies, think times,
/// service times and sizes.
///
/// When a distribution describes a duration its values are seconds. Sampling is deterministic
/// for a given ``RandomStream`` state, allocates nothing, and gives the same bits on every
/// platform (``PortableMath`` instead of the platform's libm).
///
/// In scenario files a distribution is written with a `kind` and its parameters:
///
/// ```yaml
/// think_time: { kind: exponential, mean: 2.0 }
/// latency:    { kind: lognormal, median: 0.02, sigma: 0.6 }
/// sizes:      { kind: empirical, values: [120, 480, 4096] }
/// ```
public enum Distribution: Equatable, Sendable {
    /// Always `value`.
    case constant(Double)
    /// Uniform on `[min, max)`.
    case uniform(min: Double, max: Double)
    /// Exponential with the given mean (the gaps of a Poisson process).
    case exponential(mean: Double)
    /// Normal with the given mean and standard deviation, truncated at zero.
    case normal(mean: Double, standardDeviation: Double)
    /// Log-normal whose median is `median` and whose logarithm has standard deviation `sigma`.
    case lognormal(median: Double, sigma: Double)
    /// One of `values`, each equally likely.
    case empirical([Double])

    /// Draws one value, never negative.
    ///
    /// - Complexity: O(1); the normal and log-normal draw two uniforms.
    public func sample(using random: inout RandomStream) -> Double {
        switch self {
        case .constant(let value):
            return value
        case .uniform(let low, let high):
            return low + (high - low) * random.nextUnitInterval()
        case .exponential(let mean):
            // 1 - u lies in (0, 1], so the logarithm is finite.
            return -mean * PortableMath.log(1 - random.nextUnitInterval())
        case .normal(let mean, let deviation):
            return Swift.max(0, mean + deviation * Self.standardNormal(using: &random))
        case .lognormal(let median, let sigma):
            return median * PortableMath.exp(sigma * Self.standardNormal(using: &random))
        case .empirical(let values):
            return values[Int(random.next(below: UInt64(values.count)))]
        }
    }

    /// Draws one value as a duration in whole nanoseconds, reading values as seconds.
    ///
    /// A draw from a long tail is capped at ``longestSample`` seconds (about 31 years), so a
    /// duration added to any instant of a run cannot overflow.
    public func sampleNanoseconds(using random: inout RandomStream) -> Int64 {
        let seconds = sample(using: &random)
        guard seconds < Self.longestSample else { return Int64(Self.longestSample * 1e9) }
        return Int64((seconds * 1e9).rounded())
    }

    /// The largest value a parameter may have, and the cap on a draw read as seconds.
    public static let longestSample = 1e9

    /// The distribution's mean.
    public var mean: Double {
        switch self {
        case .constant(let value): return value
        case .uniform(let low, let high): return (low + high) / 2
        case .exponential(let mean): return mean
        case .normal(let mean, _): return mean
        case .lognormal(let median, let sigma): return median * PortableMath.exp(sigma * sigma / 2)
        case .empirical(let values): return values.reduce(0, +) / Double(values.count)
        }
    }

    /// A standard normal draw (Box–Muller, one output per call so no hidden state).
    static func standardNormal(using random: inout RandomStream) -> Double {
        let u1 = 1 - random.nextUnitInterval()  // (0, 1]
        let u2 = random.nextUnitInterval()
        return (-2 * PortableMath.log(u1)).squareRoot() * PortableMath.cosineOfTurns(u2)
    }

    /// Checks that the parameters describe a real distribution of non-negative values.
    ///
    /// - Parameter location: the key path reported in the error.
    public func validate(at location: String) throws(ConfigurationError) {
        func require(_ condition: Bool, _ problem: String, _ remedy: String) throws(ConfigurationError) {
            if !condition { throw ConfigurationError(location: location, problem: problem, remedy: remedy) }
        }
        func finite(_ values: Double...) -> Bool { values.allSatisfy { $0.isFinite && abs($0) <= Self.longestSample } }
        switch self {
        case .constant(let value):
            try require(finite(value) && value >= 0, "constant \(value) is not a number from 0 to 1e9", "use a value from 0 to 1e9")
        case .uniform(let low, let high):
            try require(finite(low, high) && low >= 0 && low <= high,
                        "uniform needs 0 <= min <= max <= 1e9, got min \(low), max \(high)", "swap or correct the bounds")
        case .exponential(let mean):
            try require(finite(mean) && mean > 0, "exponential mean \(mean) must be above 0 and at most 1e9", "use a mean above 0")
        case .normal(let mean, let deviation):
            try require(finite(mean, deviation) && mean >= 0 && deviation >= 0,
                        "normal needs mean and standard_deviation from 0 to 1e9, got \(mean) and \(deviation)",
                        "correct the parameters")
        case .lognormal(let median, let sigma):
            try require(finite(median, sigma) && median > 0 && (0...10).contains(sigma),
                        "lognormal needs median > 0 and sigma from 0 to 10, got \(median) and \(sigma)", "correct the parameters")
        case .empirical(let values):
            try require(!values.isEmpty, "empirical needs at least one value", "list the observed values")
            try require(values.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= Self.longestSample },
                        "empirical values must be numbers from 0 to 1e9", "remove negative, huge or non-numeric values")
        }
    }
}
