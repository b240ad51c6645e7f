/// A rate limiter's answer to one request.
public enum RateLimitDecision: Equatable, Sendable {
    /// The request may proceed.
    case admitted
    /// The request is refused; the earliest instant at which the same request would be admitted.
    case limited(retryAfter: Duration)
}
