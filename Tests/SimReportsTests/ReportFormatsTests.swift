import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SimRuntime
@testable import SimEvents
@testable import SimCheckers
@testable import SimMetrics
@testable import SimReports

/// Counts a JUnit document's test cases and failures as an XML parser sees them.
private final class JUnitCounter: NSObject, XMLParserDelegate {
    var testCases: [String] = []
    var failures: [String] = []
    var failureText = ""
    private var inFailure = false

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if element == "testcase" { testCases.append(attributes["name"] ?? "") }
        if element == "failure" {
            failures.append(testCases.last ?? "")
            inFailure = true
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inFailure { failureText += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if element == "failure" { inFailure = false }
    }
}

@Suite("Report formats")
struct ReportFormatsTests {
    private func summary(violated: Bool, thresholds: [String] = []) -> RunSummary {
        var delivery = DeliveryReport()
        delivery.sent = 10
        delivery.accepted = 10
        delivery.owed = 20
        delivery.delivered = violated ? 18 : 20
        delivery.lost = violated ? 2 : 0
        if violated {
            delivery.orderViolations = 1
            delivery.firstOrderViolation = "client-3 received seq 5 of room-1 <& \"quoted\"> but expected seq 4"
        }
        let judgement = Judgement(delivery: delivery, findings: DeliveryChecker.findings(for: delivery, lossIsViolation: true))
        let metrics = MetricsRecorder(catalog: MetricCatalog())
        let latency = metrics.catalog.handle(.messageDelivery)
        for millisecond in 1...100 { metrics.record(latency, nanoseconds: Int64(millisecond) * 1_000_000, at: .start) }
        let parsed = thresholds.map { try! Threshold.parse($0, catalog: metrics.catalog) }
        return RunSummary(scenario: "quickstart", seed: 7, mode: .sim, clients: 2, trace: (TraceHasher(), 0),
                          statistics: EngineStatistics(), judgement: judgement, latency: metrics.snapshot.summaries,
                          thresholds: parsed, command: "simrun run quickstart --seed 7", allocator: "system")
    }

    private func parse(_ xml: String) -> (JUnitCounter, Bool) {
        let counter = JUnitCounter()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = counter
        return (counter, parser.parse())
    }

    @Test func theJUnitFileParsesAndFailsEachViolatedGuarantee() {
        let (counter, parsed) = parse(JUnitReport.xml(for: summary(violated: true)))
        #expect(parsed)
        #expect(counter.testCases == ["guarantee.per_room_order", "guarantee.no_duplicate_delivery", "guarantee.no_silent_loss",
                                      "guarantee.delivery_follows_acceptance", "guarantee.delivery_only_to_members"])
        #expect(counter.failures == ["guarantee.per_room_order", "guarantee.no_silent_loss"])
        #expect(counter.failureText.contains("client-3 received seq 5 of room-1 <& \"quoted\"> but expected seq 4"))
        #expect(counter.failureText.contains("reproduce: simrun run quickstart --seed 7"))
    }

    @Test func aBreachedThresholdFailsInJUnitWithTheObservedValueTheLimitAndTheUnit() {
        let (counter, parsed) = parse(JUnitReport.xml(for: summary(violated: false, thresholds: ["message_delivery.p99<50ms"])))
        #expect(parsed)
        #expect(counter.failures == ["threshold.message_delivery.p99<50ms"])
        #expect(counter.failureText.contains("message_delivery.p99 observed 99.0"))
        #expect(counter.failureText.contains(" ms, limit < 50.00 ms"))
    }

    @Test func aCleanRunHasNoJUnitFailures() {
        let (counter, parsed) = parse(JUnitReport.xml(for: summary(violated: false)))
        #expect(parsed)
        #expect(counter.testCases.count == 5)
        #expect(counter.failures.isEmpty)
    }

    @Test func theMarkdownSummaryPutsWhatFailedFirstThenCountsThresholdsAndLatency() throws {
        let text = MarkdownSummary.text(for: summary(violated: true, thresholds: ["message_delivery.p99<50ms",
                                                                                  "messages.lost==0", "delivery_ratio>=0.5"]))
        #expect(text.hasPrefix("### simrun: quickstart — ❌ fail"))
        let failed = try #require(text.range(of: "**What failed**"))
        let guarantees = try #require(text.range(of: "<details>"))
        #expect(failed.upperBound < guarantees.lowerBound)
        #expect(text.contains("- guarantee `per_room_order`: 1 violation(s); first: client-3 received seq 5 of room-1"))
        #expect(text.contains("- threshold `message_delivery.p99<50ms`: observed 99.0"))
        #expect(text.contains("ms, limit < 50.00 ms"))
        #expect(text.contains("- threshold `messages.lost==0`: observed 2, limit == 0"))
        #expect(!text.contains("- threshold `delivery_ratio>=0.5`"), "a threshold met is not among the failures")
        #expect(text.contains("| 10 | 10 | 18 | 20 | 2 | 0 | 0 | 0 |"), "the message counts")
        #expect(text.contains("| latency (ms) | count | mean | p50 | p90 | p95 | p99 | p99.9 | max |"))
        #expect(text.contains("| message_delivery | 100 | 50.5"))
        #expect(text.contains("| per_room_order | **fail** | 1 |"))
        let reproduce = try #require(text.range(of: "reproduce: `simrun run quickstart --seed 7`"))
        #expect(reproduce.upperBound < guarantees.lowerBound)
        #expect(MarkdownSummary.format(3.14159) == "3.14")
        #expect(MarkdownSummary.format(10) == "10.00")
    }

    @Test func theLatencyTableHasALadderPerMetric() {
        let rows = LatencyTable.csv(for: summary(violated: false)).split(separator: "\n")
        #expect(rows.first == "metric,percentile,latency_ms")
        #expect(rows.dropFirst().map { $0.split(separator: ",")[1] } == ["50", "90", "95", "99", "99.9", "100"])
    }

    @Test(arguments: [("delivery_ratio", 0.99548, "0.9955"), ("delivery_ratio", 1.0, "1.0000"), ("delivery_ratio", 0.05, "0.0500"),
                      ("message_delivery.p99", 66.946, "66.95"), ("message_delivery.p99", 1_104.2, "1104.20")])
    func observedValuesPrintWithTheDigitsTheirKindNeeds(metric: String, observed: Double, text: String) {
        // As a summary.json written before units were recorded gives it: the unit follows from the metric.
        let result = RunSummary.ThresholdResult(metric: metric, condition: "", observed: observed, comparison: nil, limit: nil,
                                                unit: nil, passed: true)
        #expect(result.observedText == text + (metric == "delivery_ratio" ? "" : " ms"))
    }
}
