import Testing
import SimEngine

@Suite("Thresholds")
struct ThresholdTests {
    @Test(arguments: [
        ("message_delivery.p99<100ms", "message_delivery.p99", Threshold.Comparison.lessThan, 100.0),
        ("message_delivery.p99.9 <= 0.25s", "message_delivery.p99.9", .atMost, 250),
        ("message_delivery.max>500us", "message_delivery.max", .greaterThan, 0.5),
        ("delivery_ratio>=0.999", "delivery_ratio", .atLeast, 0.999),
        ("typing.p99<50ms", "typing.p99", .lessThan, 50),
        ("message_delivery[room=large].p99.9<1s", "message_delivery[room=large].p99.9", .lessThan, 1_000),
        ("stage.store.p50<10ms", "stage.store.p50", .lessThan, 10),
    ])
    func thresholdsParseWithTheirUnits(text: String, metric: String, comparison: Threshold.Comparison, limit: Double) throws {
        let threshold = try Threshold.parse(text)
        #expect(threshold.metricName == metric)
        #expect(threshold.comparison == comparison)
        #expect(threshold.limit == limit)
    }

    @Test(arguments: [
        ("message_delivery.p99 100ms", "has no comparison"),
        ("message_delivery.p99<100", "'100' is not a latency"),
        ("message_delivery.p98<100ms", "unknown statistic 'p98'"),
        ("typng.p99<100ms", "unknown metric 'typng'"),
        ("message_delivery<100ms", "unknown statistic 'message_delivery'"),
        ("delivery_ratio>=most", "'most' is not a number"),
    ])
    func malformedThresholdsSayWhatIsWrong(text: String, problem: String) {
        do {
            _ = try Threshold.parse(text)
            Issue.record("'\(text)' was accepted")
        } catch {
            #expect(error.problem.contains(problem), "\(error.problem)")
            #expect(error.location == "--threshold '\(text)'")
        }
    }

    @Test func observedValuesAreComparedWithTheLimit() throws {
        let latency = ["message_delivery": LatencySummary(count: 10, p50Ms: 20, p90Ms: 40, p99Ms: 90, p999Ms: 120, maxMs: 150)]
        let fast = try Threshold.parse("message_delivery.p99<100ms")
        let faster = try Threshold.parse("message_delivery.p99<50ms")
        #expect(fast.holds(for: fast.observed(latency: latency, delivered: 0, owed: 0)))
        #expect(!faster.holds(for: faster.observed(latency: latency, delivered: 0, owed: 0)))
        let ratio = try Threshold.parse("delivery_ratio>=0.999")
        #expect(ratio.observed(latency: [:], delivered: 998, owed: 1_000) == 0.998)
        #expect(!ratio.holds(for: 0.998))
        #expect(ratio.holds(for: ratio.observed(latency: [:], delivered: 0, owed: 0)))
        // A latency the run never produced cannot meet its threshold.
        #expect(!fast.holds(for: fast.observed(latency: [:], delivered: 0, owed: 0)))
    }
}
