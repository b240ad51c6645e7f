import SimSupport
public import SimRuntime

/// The rate-limit state of one user: decides each request from the policy and the request's
/// time, with no clock or I/O of its own.
///
/// ```swift
/// var limiter = RateLimiter(policy: .default)
/// switch limiter.decide(at: now) {
/// case .admitted: handle(request)
/// case .limited(let retryAfter): reply(.rateLimited(retryAfter: retryAfter))
/// }
/// ```
///
/// Times must not decrease between calls. A sliding window keeps the times of at most `limit`
/// admitted requests in a ring; a token bucket keeps two numbers.
///
/// - Complexity: O(1) per decision.
public struct RateLimiter: Sendable {
    /// The policy this limiter enforces.
    public let policy: RateLimitPolicy

    // Sliding window: the admission times of the last `limit` admitted requests, oldest at `head`.
    private var admissions: [Int64] = []
    private var head = 0
    // Token bucket: tokens available at `lastRefill` (nanoseconds).
    private var tokens: Double
    private var lastRefill: Int64 = .min

    public init(policy: RateLimitPolicy) {
        self.policy = policy
        switch policy {
        case .slidingWindow: tokens = 0
        case .tokenBucket(let capacity, _): tokens = Double(capacity)
        }
    }

    /// Decides the request made at `time`, and counts it if admitted.
    public mutating func decide(at time: SimulationInstant) -> RateLimitDecision {
        let now = time.nanoseconds
        switch policy {
        case .slidingWindow(let limit, let window):
            let length = window.wholeNanoseconds
            if admissions.count < limit {
                admissions.append(now)
                return .admitted
            }
            // The ring is full: the oldest of the last `limit` admissions decides.
            let oldest = admissions[head]
            if now - oldest >= length {
                admissions[head] = now
                head = (head + 1) % limit
                return .admitted
            }
            return .limited(retryAfter: .nanoseconds(oldest + length - now))
        case .tokenBucket(let capacity, let rate):
            if lastRefill != .min {
                let elapsed = Double(now - lastRefill) / 1e9
                tokens = Swift.min(Double(capacity), tokens + elapsed * rate)
            }
            lastRefill = now
            if tokens >= 1 {
                tokens -= 1
                return .admitted
            }
            let wait = (1 - tokens) / rate
            return .limited(retryAfter: .nanoseconds(Int64((wait * 1e9).rounded(.up))))
        }
    }
}
