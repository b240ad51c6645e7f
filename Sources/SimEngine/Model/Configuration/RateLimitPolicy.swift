public import SimSupport

/// How a gateway limits one user's requests.
///
/// In scenario files:
///
/// ```yaml
/// rate_limit: { kind: sliding_window, limit: 60, window: 60s }
/// rate_limit: { kind: token_bucket, capacity: 10, refill_per_second: 1 }
/// ```
public enum RateLimitPolicy: Equatable, Sendable {
    /// At most `limit` requests in any window of length `window`, exactly. Default: 60 per
    /// minute, the B2B portal's limit. Keeps up to `limit` timestamps per active user.
    case slidingWindow(limit: Int, window: Duration)
    /// A bucket of `capacity` tokens refilled at `refillPerSecond`: bursts up to `capacity`,
    /// then a steady rate. In any window of length w it admits at most
    /// `capacity + refillPerSecond * w` requests.
    case tokenBucket(capacity: Int, refillPerSecond: Double)

    /// The default: 60 requests per minute, sliding window.
    public static let `default` = RateLimitPolicy.slidingWindow(limit: 60, window: .seconds(60))

    /// The most requests the policy may admit in any window of `length`.
    public func admissionBound(over length: Duration) -> Int {
        switch self {
        case .slidingWindow(let limit, let window):
            // Each full or partial window holds at most `limit`.
            let windows = (length.wholeNanoseconds + window.wholeNanoseconds - 1) / window.wholeNanoseconds
            return limit * Int(Swift.max(1, windows))
        case .tokenBucket(let capacity, let rate):
            return capacity + Int((rate * Double(length.wholeNanoseconds) / 1e9).rounded(.down))
        }
    }

    /// Checks the parameters.
    public func validate(at location: String) throws(ConfigurationError) {
        switch self {
        case .slidingWindow(let limit, let window):
            guard (1...1_000_000_000).contains(limit), window > .zero, window <= ConfigurationError.longest else {
                throw ConfigurationError(location: location,
                                         problem: "sliding_window needs a limit from 1 to 1,000,000,000 and a window from 1ns to 30 days",
                                         remedy: "for example { kind: sliding_window, limit: 60, window: 60s }")
            }
        case .tokenBucket(let capacity, let rate):
            guard (1...1_000_000_000).contains(capacity), rate.isFinite, rate > 0, rate <= 1e9 else {
                throw ConfigurationError(location: location,
                                         problem: "token_bucket needs a capacity from 1 to 1,000,000,000 and refill_per_second above 0 and at most 1e9",
                                         remedy: "for example { kind: token_bucket, capacity: 10, refill_per_second: 1 }")
            }
        }
    }
}
