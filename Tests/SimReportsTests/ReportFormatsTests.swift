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
    private func summary(violated: Bool) -> RunSummary {
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
        return RunSummary(scenario: "quickstart", seed: 7, mode: .sim, clients: 2, trace: (TraceHasher(), 0),
                          statistics: EngineStatistics(), judgement: judgement, latency: metrics.snapshot.summaries,
                          command: "simrun run quickstart --seed 7", allocator: "system")
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

    @Test func aCleanRunHasNoJUnitFailures() {
        let (counter, parsed) = parse(JUnitReport.xml(for: summary(violated: false)))
        #expect(parsed)
        #expect(counter.testCases.count == 5)
        #expect(counter.failures.isEmpty)
    }

    @Test func theMarkdownSummaryHasTheVerdictGuaranteesAndLatency() {
        let text = MarkdownSummary.text(for: summary(violated: true))
        #expect(text.hasPrefix("### simrun: quickstart — ❌ fail"))
        #expect(text.contains("| per_room_order | **fail** | 1 |"))
        #expect(text.contains("| message_delivery | 100 | 50.0"))
        #expect(text.contains("reproduce: `simrun run quickstart --seed 7`"))
        #expect(MarkdownSummary.format(3.14159) == "3.14")
        #expect(MarkdownSummary.format(10) == "10.00")
    }

    @Test func theLatencyTableHasALadderPerMetric() {
        let rows = LatencyTable.csv(for: summary(violated: false)).split(separator: "\n")
        #expect(rows.first == "metric,percentile,latency_ms")
        #expect(rows.dropFirst().map { $0.split(separator: ",")[1] } == ["50", "90", "99", "99.9", "100"])
    }

    @Test(arguments: [("delivery_ratio", 0.99548, "0.9955"), ("delivery_ratio", 1.0, "1.0000"), ("delivery_ratio", 0.05, "0.0500"),
                      ("message_delivery.p99", 66.946, "66.95"), ("message_delivery.p99", 1_104.2, "1104.20")])
    func observedValuesPrintWithTheDigitsTheirKindNeeds(metric: String, observed: Double, text: String) {
        let result = RunSummary.ThresholdResult(metric: metric, condition: "", observed: observed, passed: true)
        #expect(result.observedText == text)
    }
}
