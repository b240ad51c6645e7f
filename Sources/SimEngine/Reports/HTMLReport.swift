import SimMetrics
import SimCheckers

/// A run as one self-contained HTML page: the verdicts, the latency table, and charts of
/// latency percentiles, throughput and connected clients over time, drawn as inline SVG.
public enum HTMLReport {
    /// The page for `result`: its summary, with charts from its time series.
    public static func html(for result: RunResult) -> String {
        let summary = result.summary
        let (seriesNames, latencyNames, intervals) = (result.timeSeries.series, result.timeSeries.latencies,
                                                      result.timeSeries.intervals)
        let step = result.timeSeries.interval
        let stepSeconds = Double(step.components.seconds) + Double(step.components.attoseconds) / 1e18
        func column(_ name: String) -> [(x: Double, y: Double)] {
            guard let index = seriesNames.firstIndex(of: name) else { return [] }
            return intervals.map { ($0.start.seconds, Double($0.values[index])) }
        }
        var charts: [String] = []
        if let delivery = latencyNames.firstIndex(of: "message_delivery") {
            func percentile(_ value: Double) -> [(x: Double, y: Double)] {
                intervals.compactMap { interval in
                    guard let histogram = interval.latencies[delivery], histogram.count > 0 else { return nil }
                    return (interval.start.seconds, Double(histogram.nanoseconds(atPercentile: value)) / 1e6)
                }
            }
            charts.append(SVGLineChart(title: "Message delivery latency", xLabel: "virtual time (s)", yLabel: "ms",
                                       series: [.init(name: "p50", color: "#2b7bb9", points: percentile(50)),
                                                .init(name: "p99", color: "#d1495b", points: percentile(99))]).svg())
            let delivered = intervals.map { interval in
                (interval.start.seconds,
                 Double(interval.latencies[delivery]?.count ?? 0) / stepSeconds)
            }
            let sent = column("messages_sent").map { ($0.x, $0.y / stepSeconds) }
            charts.append(SVGLineChart(title: "Throughput", xLabel: "virtual time (s)", yLabel: "per second",
                                       series: [.init(name: "messages sent", color: "#edae49", points: sent),
                                                .init(name: "deliveries", color: "#00798c", points: delivered)]).svg())
        }
        let connected = column("connected_clients")
        if !connected.isEmpty {
            charts.append(SVGLineChart(title: "Connected clients", xLabel: "virtual time (s)", yLabel: "clients",
                                       series: [.init(name: "connected", color: "#30638e", points: connected)]).svg())
        }

        var verdictRows = summary.invariants.map { invariant in
            row(["guarantee", invariant.name, invariant.status == .pass ? "pass" : "FAIL",
                 invariant.firstViolation ?? "\(invariant.violations) violations"], failed: invariant.status == .fail)
        }
        verdictRows += summary.thresholds.map { threshold in
            row(["threshold", threshold.condition, threshold.passed ? "met" : "BREACHED",
                 "observed \(threshold.observedText ?? "nothing"), limit \(threshold.limitText)"], failed: !threshold.passed)
        }
        let latencyRows = summary.latency.sorted { $0.key < $1.key }.map { name, latency in
            row([name, "\(latency.count)"] + latency.figures.map { $0.map { MarkdownSummary.format($0) } ?? "–" }, failed: false)
        }
        let passed = summary.verdict == .pass
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>simrun: \(escape(summary.scenario)) — \(passed ? "pass" : "fail")</title>
            <style>
            body { font: 14px/1.4 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 24px; color: #222; }
            h1 { font-size: 20px; margin: 0 0 4px; }
            .verdict { display: inline-block; padding: 2px 10px; border-radius: 4px; color: #fff;
                       background: \(passed ? "#2e7d32" : "#c62828"); }
            .meta { color: #555; margin-bottom: 16px; }
            table { border-collapse: collapse; margin: 8px 0 20px; }
            th, td { border: 1px solid #ddd; padding: 4px 10px; text-align: left; }
            tr.failed td { background: #fdecea; }
            code { background: #f4f4f4; padding: 1px 4px; }
            svg { display: block; margin: 8px 0 16px; }
            svg .title { font-weight: 600; font-size: 14px; }
            svg .tick { font-size: 11px; fill: #555; }
            svg .label { font-size: 12px; fill: #333; }
            svg .axis { stroke: #333; }
            svg .grid { stroke: #e6e6e6; }
            </style>
            </head>
            <body>
            <h1>simrun: \(escape(summary.scenario)) <span class="verdict">\(passed ? "pass" : "fail")</span></h1>
            <div class="meta">seed \(summary.seed) · \(summary.mode.rawValue) mode · \(summary.clients) clients · \
            \(MarkdownSummary.format(summary.virtualSeconds)) s virtual in \(MarkdownSummary.format(summary.wallSeconds)) s · \
            \(summary.events) events · trace <code>\(summary.traceHash)</code></div>
            <table><tr><th>kind</th><th>name</th><th>status</th><th>detail</th></tr>
            \(verdictRows.joined(separator: "\n"))
            </table>
            <table><tr><th>latency</th><th>count</th>\(LatencySummary.columns.map { "<th>\($0) ms</th>" }.joined())</tr>
            \(latencyRows.joined(separator: "\n"))
            </table>
            \(charts.joined(separator: "\n"))
            <p>Reproduce: <code>\(escape(summary.command))</code></p>
            </body>
            </html>

            """
    }

    private static func row(_ cells: [String], failed: Bool) -> String {
        "<tr\(failed ? " class=\"failed\"" : "")>" + cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>"
    }

    private static func escape(_ text: String) -> String { JUnitReport.escape(text) }
}
