public import SimSupport
public import SimRuntime

/// The character of a network link: how long frames take and how often they vanish.
public struct LinkProfile: Equatable, Sendable {
    /// Seconds a frame takes, one way. Default: log-normal with a 20 ms median.
    public var latency: Distribution
    /// The share of frames lost, from 0 to 1. Default 0.
    public var lossRate: Double

    public init(latency: Distribution = .lognormal(median: 0.02, sigma: 0.5), lossRate: Double = 0) {
        self.latency = latency
        self.lossRate = lossRate
    }

    /// Checks the parameters.
    public func validate(at location: String) throws(ConfigurationError) {
        try latency.validate(at: "\(location).latency")
        try ConfigurationError.requireShare(lossRate, at: "\(location).loss_rate", example: "0.001 for one frame in a thousand")
    }
}
