import Testing
import SimEvents
@testable import SimModel
import SimRuntime
import SimSupport

@Suite("Rate limiter")
struct RateLimiterTests {
    /// Offers requests at `times` (milliseconds) and returns the admitted ones.
    private func admitted(_ policy: RateLimitPolicy, at times: [Int64]) -> [Int64] {
        var limiter = RateLimiter(policy: policy)
        return times.filter { limiter.decide(at: SimulationInstant(nanoseconds: $0 * 1_000_000)) == .admitted }
    }

    /// The largest number of `times` inside any half-open window of `length` milliseconds.
    private func busiestWindow(_ times: [Int64], length: Int64) -> Int {
        var best = 0
        var start = 0
        for end in times.indices {
            while times[end] - times[start] >= length { start += 1 }
            best = max(best, end - start + 1)
        }
        return best
    }

    /// 2,000 request times (milliseconds) with random gaps below `maxGap`: bursts and lulls.
    private func requestTimes(seed: UInt64, maxGap: UInt64) -> [Int64] {
        var random = RandomStream(seed: seed, stream: "requests")
        var now: Int64 = 0
        return (0..<2_000).map { _ in
            now += Int64(random.next(below: maxGap))
            return now
        }
    }

    @Test(arguments: 1...20)
    func aSlidingWindowNeverAdmitsMoreThanItsLimitInAnyWindow(seed: UInt64) {
        let times = requestTimes(seed: seed, maxGap: 2_000)
        let accepted = admitted(.slidingWindow(limit: 60, window: .seconds(60)), at: times)
        #expect(busiestWindow(accepted, length: 60_000) <= 60)
        #expect(accepted.count > 60)
    }

    @Test func aSlidingWindowAdmitsTheLimitThenSaysWhenToRetry() {
        var limiter = RateLimiter(policy: .slidingWindow(limit: 3, window: .seconds(10)))
        for second in 0..<3 {
            #expect(limiter.decide(at: SimulationInstant(nanoseconds: Int64(second) * 1_000_000_000)) == .admitted)
        }
        #expect(limiter.decide(at: SimulationInstant(nanoseconds: 4_000_000_000)) == .limited(retryAfter: .seconds(6)))
        #expect(limiter.decide(at: SimulationInstant(nanoseconds: 9_999_999_999)) == .limited(retryAfter: .nanoseconds(1)))
        #expect(limiter.decide(at: SimulationInstant(nanoseconds: 10_000_000_000)) == .admitted)
    }

    @Test(arguments: 1...10)
    func aTokenBucketStaysWithinItsBurstPlusRefill(seed: UInt64) {
        let times = requestTimes(seed: seed, maxGap: 400)
        let policy = RateLimitPolicy.tokenBucket(capacity: 10, refillPerSecond: 2)
        let accepted = admitted(policy, at: times)
        for length in [1_000, 5_000, 60_000] as [Int64] {
            #expect(busiestWindow(accepted, length: length) <= policy.admissionBound(over: .milliseconds(length)))
        }
    }

    @Test func aTokenBucketBurstsThenRefills() {
        var limiter = RateLimiter(policy: .tokenBucket(capacity: 2, refillPerSecond: 4))
        #expect(limiter.decide(at: .start) == .admitted)
        #expect(limiter.decide(at: .start) == .admitted)
        #expect(limiter.decide(at: .start) == .limited(retryAfter: .milliseconds(250)))
        #expect(limiter.decide(at: SimulationInstant(nanoseconds: 250_000_000)) == .admitted)
    }

    @Test func invalidPoliciesAreRefused() {
        #expect(throws: ConfigurationError.self) {
            try RateLimitPolicy.slidingWindow(limit: 0, window: .seconds(60)).validate(at: "gateway.rate_limit")
        }
        #expect(throws: ConfigurationError.self) {
            try RateLimitPolicy.tokenBucket(capacity: 5, refillPerSecond: 0).validate(at: "gateway.rate_limit")
        }
        #expect(throws: Never.self) { try RateLimitPolicy.default.validate(at: "gateway.rate_limit") }
    }
}
