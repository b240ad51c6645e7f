extension Distribution {
    /// The distribution of `factor` times a draw of this one: the same shape, every value
    /// scaled (a log-normal keeps its sigma, an exponential its shape).
    ///
    /// ```swift
    /// Distribution.lognormal(median: 0.01, sigma: 0.5).scaled(by: 3)   // median 0.03, sigma 0.5
    /// ```
    public func scaled(by factor: Double) -> Distribution {
        switch self {
        case .constant(let value): .constant(value * factor)
        case .uniform(let low, let high): .uniform(min: low * factor, max: high * factor)
        case .exponential(let mean): .exponential(mean: mean * factor)
        case .normal(let mean, let deviation): .normal(mean: mean * factor, standardDeviation: deviation * factor)
        case .lognormal(let median, let sigma): .lognormal(median: median * factor, sigma: sigma)
        case .empirical(let values): .empirical(values.map { $0 * factor })
        }
    }
}
