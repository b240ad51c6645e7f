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
        ("message_delivery.avg<40ms", "message_delivery.avg", .lessThan, 40),
        ("message_delivery[room=large].p95 <= 75ms", "message_delivery[room=large].p95", .atMost, 75),
        ("messages.lost==0", "messages.lost", .equal, 0),
        ("messages.reported_lost <= 12", "messages.reported_lost", .atMost, 12),
        ("messages.delivered.rate>=1500/s", "messages.delivered.rate", .atLeast, 1_500),
        ("messages.sent.rate < 2.5", "messages.sent.rate", .lessThan, 2.5),
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
        ("message_delivery.mean<1ms", "unknown statistic 'mean'; accepted: avg, p50, p90, p95, p99, p99.9, max"),
        ("message_delivery.p96<1ms", "unknown statistic 'p96'"),
        ("messages.lost=0", "at character 14: '=' is not a comparison; write <, <=, >, >= or =="),
        ("messages.lost=<0", "at character 14: '=' is not a comparison"),
        ("messages.los==0", "unknown message count 'los'; accepted: messages.sent"),
        ("messages.lost==0.5", "at character 16: '0.5' is not a count"),
        ("messages.lost==-1", "'-1' is not a count"),
        ("messages.delivered.rate>fast", "'fast' is not a rate"),
        ("messages.delivered.rate>1000/min", "'1000/min' is not a rate"),
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
        let latency = ["message_delivery": LatencySummary(count: 10, meanMs: 30, p50Ms: 20, p90Ms: 40, p95Ms: 60, p99Ms: 90,
                                                          p999Ms: 120, maxMs: 150)]
        let none = MessageCounts()
        let fast = try Threshold.parse("message_delivery.p99<100ms", catalog: catalog)
        let faster = try Threshold.parse("message_delivery.p99<50ms", catalog: catalog)
        #expect(fast.holds(for: fast.observed(latency: latency, messages: none, seconds: 1)))
        #expect(!faster.holds(for: faster.observed(latency: latency, messages: none, seconds: 1)))
        #expect(try Threshold.parse("message_delivery.avg<31ms", catalog: catalog).observed(latency: latency, messages: none, seconds: 1) == 30)
        #expect(try Threshold.parse("message_delivery.p95<61ms", catalog: catalog).observed(latency: latency, messages: none, seconds: 1) == 60)
        let ratio = try Threshold.parse("delivery_ratio>=0.999", catalog: catalog)
        #expect(ratio.observed(latency: [:], messages: MessageCounts(delivered: 1_000, expectedDeliveries: 1_000, duplicates: 2),
                               seconds: 1) == 0.998)
        #expect(!ratio.holds(for: 0.998))
        #expect(ratio.holds(for: ratio.observed(latency: [:], messages: none, seconds: 1)))
        // A latency the run never produced cannot meet its threshold.
        #expect(!fast.holds(for: fast.observed(latency: [:], messages: none, seconds: 1)))
    }

    @Test func countsAndRatesAreJudgedOnTheRunsMessages() throws {
        let messages = MessageCounts(sent: 600, accepted: 600, delivered: 5_990, expectedDeliveries: 6_000, lost: 3,
                                     reportedLost: 7)
        let noLoss = try Threshold.parse("messages.lost==0", catalog: catalog)
        #expect(noLoss.observed(latency: [:], messages: messages, seconds: 60) == 3)
        #expect(!noLoss.holds(for: 3))
        #expect(noLoss.holds(for: noLoss.observed(latency: [:], messages: MessageCounts(), seconds: 60)))
        let reported = try Threshold.parse("messages.reported_lost<=7", catalog: catalog)
        #expect(reported.holds(for: reported.observed(latency: [:], messages: messages, seconds: 60)))
        let rate = try Threshold.parse("messages.sent.rate>=10/s", catalog: catalog)
        #expect(rate.observed(latency: [:], messages: messages, seconds: 60) == 10)
        #expect(rate.holds(for: 10))
        #expect(!rate.holds(for: 9.99))
        // A run of no length has no rate.
        #expect(rate.observed(latency: [:], messages: messages, seconds: 0) == nil)
    }

    @Test(arguments: [("message_delivery.p99<100ms", 125.404, "125.40 ms"), ("delivery_ratio>=0.999", 0.99548, "0.9955"),
                      ("messages.lost==0", 3, "3"), ("messages.delivered.rate>=1/s", 1_234.5678, "1234.57/s"),
                      ("message_delivery.p99<1ms", 0.001, "0.00100 ms"), ("message_delivery.p99<1ms", 0.5, "0.500 ms"),
                      ("message_delivery.p99<1ms", 0, "0.00 ms")])
    func observedValuesPrintWithTheirUnit(text: String, value: Double, printed: String) throws {
        #expect(try Threshold.parse(text, catalog: catalog).format(value) == printed)
    }
}
