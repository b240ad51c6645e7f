import Foundation
import Testing
@testable import SimRuntime
@testable import SimEvents
@testable import SimCheckers
@testable import SimMetrics
@testable import SimReports

@Suite("HTML report")
struct HTMLReportTests {
    private func page(violated: Bool, faults: [FaultWindow] = []) -> String {
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
        var statistics = EngineStatistics()
        statistics.endTime = SimulationInstant(nanoseconds: 13_000_000_000)
        let thresholds = ["message_delivery.p99<100ms", "message_delivery.p50<20ms"].map {
            try! Threshold.parse($0, catalog: metrics.catalog)
        }
        let summary = RunSummary(scenario: "quickstart", seed: 3, mode: .sim, clients: 40, trace: (TraceHasher(), 0),
                                 statistics: statistics, judgement: judgement, latency: snapshot.summaries, thresholds: thresholds,
                                 command: "simrun run quickstart --seed 3", allocator: "system")
        return HTMLReport.html(for: RunResult(summary: summary, timeSeries: snapshot.timeSeries, faults: faults))
    }

    @Test func thePageHasItsFourChartsWithLinesDrawn() {
        let html = page(violated: false)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 4)
        for title in ["Message delivery latency", "Deliveries", "Messages sent", "Connected clients"] {
            #expect(html.contains("aria-label=\"\(title)\""))
        }
        // Every series draws a line through its ten intervals.
        let polylines = html.components(separatedBy: "<polyline points=\"").dropFirst()
        #expect(polylines.count == 5)
        #expect(polylines.allSatisfy { $0.prefix { $0 != "\"" }.split(separator: " ").count == 10 })
        #expect(html.contains("<span class=\"verdict\">fail</span>"), "p50 < 20 ms is breached")
    }

    /// What node-crash's page lacked: the counts that explain a ratio, the SLOs drawn at their
    /// limits, the faults shaded, and one axis with round ticks for every chart.
    @Test func thePageExplainsWithCountsLimitsFaultsAndOneAxis() throws {
        let html = page(violated: false, faults: [FaultWindow(label: "bus_down", start: 4, end: 6),
                                                  FaultWindow(label: "crash_node 1", start: 8, end: 8)])
        #expect(html.contains("<th>reported missing</th>"))
        #expect(html.contains("<td class=\"count\">500</td>"), "deliveries owed and made")
        // The SLO lines, coloured by whether they held.
        #expect(html.contains("stroke=\"#2e7d32\" class=\"limit\""))
        #expect(html.contains("fill=\"#2e7d32\">SLO message_delivery.p99&lt;100ms</text>"))
        #expect(html.contains("fill=\"#c62828\">SLO message_delivery.p50&lt;20ms</text>"))
        // Each fault on each of the four charts, and listed.
        #expect(html.components(separatedBy: "class=\"fault\"><title>bus_down</title>").count - 1 == 4)
        #expect(html.components(separatedBy: "<title>crash_node 1</title>").count - 1 == 4)
        #expect(html.contains("bus_down at 4 s for 2 s; crash_node 1 at 8 s"))
        // The run lasted 13 s: every chart's axis runs 0 to 12 in steps of 2.
        let ticks = html.components(separatedBy: "<svg ").dropFirst().map { chart in
            chart.components(separatedBy: "text-anchor=\"middle\">").dropFirst().compactMap { Double($0.prefix { $0 != "<" }) }
        }
        #expect(ticks.count == 4)
        #expect(ticks.allSatisfy { $0 == [0, 2, 4, 6, 8, 10, 12] }, "\(ticks)")
        // Failures come first.
        let breached = try #require(html.range(of: "BREACHED"))
        let held = try #require(html.range(of: "<td>pass</td>"))
        #expect(breached.lowerBound < held.lowerBound)
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
