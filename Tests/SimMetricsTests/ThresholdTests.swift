import Testing
import SimEvents
import SimMetrics

@Suite("Thresholds")
struct ThresholdTests {
    /// Three nodes and a mobile profile: delivery splits by node and by profile.
    private let catalog = MetricCatalog(nodes: 3, profiles: ["mobile"])

    @Test(arguments: [
        ("message_delivery.p99<100ms", "message_delivery.p99", Threshold.Comparison.lessThan, 100.0),
        ("message_delivery.p99.9 <= 0.25s", "message_delivery.p99.9", .atMost, 250),
        ("message_delivery.max>500us", "message_delivery.max", .greaterThan, 0.5),
        ("delivery_ratio>=0.999", "delivery_ratio", .atLeast, 0.999),
        ("typing.p99<50ms", "typing.p99", .lessThan, 50),
        ("message_delivery[room=large].p99.9<1s", "message_delivery[room=large].p99.9", .lessThan, 1_000),
        ("stage.store_write.p50<10ms", "stage.store_write.p50", .lessThan, 10),
        ("message_delivery[node=2].p99<1s", "message_delivery[node=2].p99", .lessThan, 1_000),
        ("message_delivery[profile=mobile].p50<80ms", "message_delivery[profile=mobile].p50", .lessThan, 80),
    ])
    func thresholdsParseWithTheirUnits(text: String, metric: String, comparison: Threshold.Comparison, limit: Double) throws {
        let threshold = try Threshold.parse(text, catalog: catalog)
        #expect(threshold.metricName == metric)
        #expect(threshold.comparison == comparison)
        #expect(threshold.limit == limit)
    }

    @Test(arguments: [
        ("message_delivery.p99 100ms", "has no comparison"),
        ("message_delivery.p99<100", "at character 22: '100' is not a latency"),
        ("message_delivery.p98<100ms", "unknown statistic 'p98'"),
        ("typng.p99<100ms", "unknown metric 'typng'. Did you mean 'typing'?"),
        ("stage.bogus.p99<1ms", "unknown metric 'stage.bogus'. Did you mean 'stage.parse'?"),
        ("message_delivery..p99<1ms", "at character 17: 'message_delivery..p99' is not a metric name"),
        ("message_delivery[.p99<1ms", "at character 17: 'message_delivery[.p99' is not a metric name"),
        (".p99<1ms", "at character 1: '.p99' is not a metric name"),
        ("message delivery.p99<1ms", "at character 8: has ' ' in its metric"),
        ("<1ms", "at character 1: names no metric"),
        ("message_delivery.p99<<1ms", "at character 22: '<1ms' is not a latency"),
        ("message_delivery[node=3].p99<1s", "unknown metric 'message_delivery[node=3]'"),
        ("message_delivery[profile=desktop].p99<1s", "unknown metric 'message_delivery[profile=desktop]'"),
        ("message_delivery<100ms", "names no statistic"),
        ("delivery_ratio>=most", "at character 17: 'most' is not a ratio from 0 to 1"),
        ("delivery_ratio>=0x10", "'0x10' is not a ratio"),
        ("delivery_ratio>=inf", "'inf' is not a ratio"),
        ("delivery_ratio>=1.5", "'1.5' is not a ratio"),
    ])
    func malformedThresholdsSayWhatIsWrong(text: String, problem: String) {
        do {
            _ = try Threshold.parse(text, catalog: catalog)
            Issue.record("'\(text)' was accepted")
        } catch {
            #expect(error.problem.contains(problem), "\(error.problem)")
            #expect(error.location == "--threshold '\(text)'")
        }
    }

    @Test func observedValuesAreComparedWithTheLimit() throws {
        let latency = ["message_delivery": LatencySummary(count: 10, p50Ms: 20, p90Ms: 40, p99Ms: 90, p999Ms: 120, maxMs: 150)]
        let fast = try Threshold.parse("message_delivery.p99<100ms", catalog: catalog)
        let faster = try Threshold.parse("message_delivery.p99<50ms", catalog: catalog)
        #expect(fast.holds(for: fast.observed(latency: latency, delivered: 0, owed: 0)))
        #expect(!faster.holds(for: faster.observed(latency: latency, delivered: 0, owed: 0)))
        let ratio = try Threshold.parse("delivery_ratio>=0.999", catalog: catalog)
        #expect(ratio.observed(latency: [:], delivered: 998, owed: 1_000) == 0.998)
        #expect(!ratio.holds(for: 0.998))
        #expect(ratio.holds(for: ratio.observed(latency: [:], delivered: 0, owed: 0)))
        // A latency the run never produced cannot meet its threshold.
        #expect(!fast.holds(for: fast.observed(latency: [:], delivered: 0, owed: 0)))
    }
}
