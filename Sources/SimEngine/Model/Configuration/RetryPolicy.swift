public import SimSupport

/// How often and how patiently a channel is tried before falling back to the next one.
public struct RetryPolicy: Equatable, Sendable {
    /// Attempts on one channel, the first included. Default 3.
    public var maxAttempts: Int
    /// The wait before the second attempt. Default 1 s.
    public var initialBackoff: Duration
    /// Each further wait is the previous one times this. Default 2.
    public var backoffMultiplier: Double
    /// The longest wait between attempts. Default 30 s.
    public var maxBackoff: Duration
    /// How long an attempt may go unanswered before it counts as failed. Default 10 s.
    public var attemptTimeout: Duration

    public init(maxAttempts: Int = 3, initialBackoff: Duration = .seconds(1), backoffMultiplier: Double = 2,
                maxBackoff: Duration = .seconds(30), attemptTimeout: Duration = .seconds(10)) {
        self.maxAttempts = maxAttempts
        self.initialBackoff = initialBackoff
        self.backoffMultiplier = backoffMultiplier
        self.maxBackoff = maxBackoff
        self.attemptTimeout = attemptTimeout
    }

    /// The wait after failed attempt `attempt` (from 1) before the next.
    public func backoff(after attempt: Int) -> Duration {
        let initial = Double(initialBackoff.wholeNanoseconds)
        var scaled = initial
        for _ in 1..<Swift.max(1, attempt) { scaled *= backoffMultiplier }
        return .nanoseconds(Int64(Swift.min(scaled, Double(maxBackoff.wholeNanoseconds))))
    }

    /// Checks the parameters.
    public func validate(at location: String) throws(ConfigurationError) {
        func require(_ condition: Bool, _ key: String, _ problem: String, _ remedy: String) throws(ConfigurationError) {
            if !condition { throw ConfigurationError(location: "\(location).\(key)", problem: problem, remedy: remedy) }
        }
        try ConfigurationError.requireCount(maxAttempts, in: 1...100, at: "\(location).max_attempts", unit: "attempts (1 for no retries)")
        try require(initialBackoff >= .zero, "initial_backoff", "must not be negative", "give a duration such as 1s")
        try require(backoffMultiplier.isFinite && (1...100).contains(backoffMultiplier), "backoff_multiplier",
                    "must be from 1 to 100, got \(backoffMultiplier)", "give 2 to double each wait")
        try require(maxBackoff >= initialBackoff, "max_backoff", "must not be shorter than initial_backoff",
                    "raise max_backoff")
        try require(attemptTimeout > .zero, "attempt_timeout", "must be longer than zero", "give a duration such as 10s")
        try require(maxBackoff <= ConfigurationError.longest && attemptTimeout <= ConfigurationError.longest,
                    "max_backoff", "and attempt_timeout must be at most 30 days", "give shorter durations")
    }
}
