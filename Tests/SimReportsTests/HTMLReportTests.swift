import Foundation
import Testing
@testable import SimRuntime
@testable import SimEvents
@testable import SimCheckers
@testable import SimMetrics
@testable import SimReports

@Suite("HTML report")
struct HTMLReportTests {
    private func page(violated: Bool) -> String {
        let metrics = MetricsRecorder(catalog: MetricCatalog(), interval: .seconds(1))
        let delivery = metrics.catalog.handle(.messageDelivery)
        metrics.set(.connectedClients, to: 40, at: .start)
        for second in 0..<10 {
            let time = SimulationInstant(nanoseconds: Int64(second) * 1_000_000_000)
            metrics.add(.messagesSent, 5, at: time)
            for sample in 1...50 { metrics.record(delivery, nanoseconds: Int64(sample) * 1_000_000, at: time) }
        }
        var report = DeliveryReport()
        report.accepted = 50
        report.owed = 500
        report.delivered = 500
        if violated { report.orderViolations = 1; report.firstOrderViolation = "seq 5 <before> seq 4 & more" }
        let snapshot = metrics.snapshot
        let judgement = Judgement(delivery: report, findings: DeliveryChecker.findings(for: report, lossIsViolation: true))
        let summary = RunSummary(scenario: "quickstart", seed: 3, mode: .sim, clients: 40, trace: (TraceHasher(), 0),
                                 statistics: EngineStatistics(), judgement: judgement, latency: snapshot.summaries,
                                 command: "simrun run quickstart --seed 3", allocator: "system")
        return HTMLReport.html(for: RunResult(summary: summary, timeSeries: snapshot.timeSeries))
    }

    @Test func thePageHasItsThreeChartsWithLinesDrawn() {
        let html = page(violated: false)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 3)
        for title in ["Message delivery latency", "Throughput", "Connected clients"] {
            #expect(html.contains("aria-label=\"\(title)\""))
        }
        // Every series draws a line through its ten intervals.
        let polylines = html.components(separatedBy: "<polyline points=\"").dropFirst()
        #expect(polylines.count == 5)
        #expect(polylines.allSatisfy { $0.prefix { $0 != "\"" }.split(separator: " ").count == 10 })
        #expect(html.contains("<span class=\"verdict\">pass</span>"))
    }

    @Test func thePageNeedsNoNetworkAndEscapesWhatItShows() {
        let html = page(violated: true)
        let links = html.components(separatedBy: "http").dropFirst()
        #expect(links.allSatisfy { $0.hasPrefix("://www.w3.org/2000/svg") })  // the SVG namespace only
        #expect(!html.contains("<script"))
        #expect(html.contains("seq 5 &lt;before&gt; seq 4 &amp; more"))
        #expect(html.contains("<span class=\"verdict\">fail</span>"))
    }

    @Test func ticksAreRoundNumbers() {
        #expect(SVGLineChart.niceCeiling(73) == 100)
        #expect(SVGLineChart.niceCeiling(120) == 200)
        #expect(SVGLineChart.niceCeiling(0.031) == 0.05)
        #expect(SVGLineChart.label(2.5) == "2.5")
        #expect(SVGLineChart.label(25) == "25")
    }
}
