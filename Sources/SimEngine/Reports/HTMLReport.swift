import SimMetrics
import SimSupport
import SimCheckers

/// A run as one self-contained HTML page: the message counts, the verdicts (failures first), the
/// latency table, and charts over the run's time of latency percentiles with the SLOs' limits,
/// deliveries, messages sent and connected clients, each on one shared axis with the faults
/// shaded, drawn as inline SVG.
public enum HTMLReport {
    /// The page for `result`: its summary, with charts from its time series.
    public static func html(for result: RunResult) -> String {
        let summary = result.summary
        let (seriesNames, latencyNames, intervals) = (result.timeSeries.series, result.timeSeries.latencies,
                                                      result.timeSeries.intervals)
        let step = result.timeSeries.interval
        let stepSeconds = step.inSeconds
        func column(_ name: String) -> [(x: Double, y: Double)] {
            guard let index = seriesNames.firstIndex(of: name) else { return [] }
            return intervals.map { ($0.start.seconds, Double($0.values[index])) }
        }
        // Every chart spans the whole run, with the faults shaded where they were active.
        let runLength = Swift.max(summary.virtualSeconds, intervals.last.map { $0.start.seconds + stepSeconds } ?? 0)
        let xLabel = summary.mode == .live ? "time (s, wall clock)" : "virtual time (s)"
        func chart(_ title: String, _ yLabel: String, _ series: [SVGLineChart.Series],
                   limits: [SVGLineChart.Limit] = []) -> String {
            SVGLineChart(title: title, xLabel: xLabel, yLabel: yLabel, series: series, xMax: runLength, limits: limits,
                         bands: result.faults).svg()
        }
        var charts: [String] = []
        if let delivery = latencyNames.firstIndex(of: "message_delivery") {
            func percentile(_ value: Double) -> [(x: Double, y: Double)] {
                intervals.compactMap { interval in
                    guard let histogram = interval.latencies[delivery], histogram.count > 0 else { return nil }
                    return (interval.start.seconds, Double(histogram.nanoseconds(atPercentile: value)) / 1e6)
                }
            }
            // The SLOs on message delivery, as lines at their limits.
            let limits = summary.thresholds.compactMap { threshold -> SVGLineChart.Limit? in
                guard threshold.metric.hasPrefix("message_delivery."), threshold.unit == "ms", let limit = threshold.limit else {
                    return nil
                }
                return SVGLineChart.Limit(label: "SLO \(threshold.condition)", value: limit,
                                          color: threshold.passed ? "#2e7d32" : "#c62828")
            }
            charts.append(chart("Message delivery latency", "ms",
                                [.init(name: "p50", color: "#2b7bb9", points: percentile(50)),
                                 .init(name: "p99", color: "#d1495b", points: percentile(99))], limits: limits))
            let delivered = intervals.map { interval in
                (interval.start.seconds, Double(interval.latencies[delivery]?.count ?? 0) / stepSeconds)
            }
            charts.append(chart("Deliveries", "per second", [.init(name: "deliveries", color: "#00798c", points: delivered)]))
        }
        // Messages sent get a chart of their own: beside a fan-out's deliveries they would lie flat on zero.
        let sent = column("messages_sent").map { ($0.x, $0.y / stepSeconds) }
        if !sent.isEmpty {
            charts.append(chart("Messages sent", "per second", [.init(name: "messages sent", color: "#edae49", points: sent)]))
        }
        let connected = column("connected_clients")
        if !connected.isEmpty {
            charts.append(chart("Connected clients", "clients", [.init(name: "connected", color: "#30638e", points: connected)]))
        }

        // What failed first, then what held.
        var verdictRows = summary.invariants.filter { $0.status == .fail }.map { invariant in
            row(["guarantee", invariant.name, "FAIL", "\(invariant.violations) violation(s); first: "
                 + (invariant.firstViolation ?? "not recorded")], failed: true)
        }
        verdictRows += summary.thresholds.filter { !$0.passed }.map { threshold in
            row(["threshold", threshold.condition, "BREACHED",
                 "observed \(threshold.observedText ?? "nothing"), limit \(threshold.limitText)"], failed: true)
        }
        verdictRows += summary.thresholds.filter(\.passed).map { threshold in
            row(["threshold", threshold.condition, "met",
                 "observed \(threshold.observedText ?? "nothing"), limit \(threshold.limitText)"], failed: false)
        }
        verdictRows += summary.invariants.filter { $0.status == .pass }.map { invariant in
            row(["guarantee", invariant.name, "pass", "no violation"], failed: false)
        }
        let messages = summary.messages
        let counts = [("sent", messages.sent), ("accepted", messages.accepted), ("delivered", messages.delivered),
                      ("owed", messages.expectedDeliveries), ("lost (silently)", messages.lost),
                      ("reported missing", messages.reportedLost), ("in flight at the end", messages.inFlight),
                      ("duplicates", messages.duplicates)]
        let countRows = "<tr>" + counts.map { "<th>\(escape($0.0))</th>" }.joined() + "</tr>\n<tr>"
            + counts.map { "<td class=\"count\">\($0.1)</td>" }.joined() + "</tr>"
        let faultText = result.faults.isEmpty ? "" : "<p class=\"meta\">Faults (shaded on the charts): "
            + result.faults.map { escape("\($0.label) at \(SVGLineChart.label($0.start)) s"
                + ($0.end > $0.start ? " for \(SVGLineChart.label($0.end - $0.start)) s" : "")) }.joined(separator: "; ") + "</p>"
        // Each station's utilisation as a bar: the longest is the bottleneck.
        let stationRows = (summary.stations ?? []).map { station in
            let width = Int((station.utilization * 200).rounded())
            let bar = "<div class=\"bar\" style=\"width: \(width)px\"></div>"
            return "<tr\(station.name == summary.bottleneck?.name ? " class=\"bottleneck\"" : "")>"
                + "<td>\(escape(station.name))</td><td>\(station.servers)</td>"
                + "<td>\(bar) \(MarkdownSummary.percent(station.utilization))</td>"
                + "<td class=\"count\">\(MarkdownSummary.format(station.meanQueueLength))</td>"
                + "<td class=\"count\">\(MarkdownSummary.format(station.arrivalRate))</td>"
                + "<td class=\"count\">\(MarkdownSummary.format(station.meanSojournMs))</td></tr>"
        }
        let stationTable = stationRows.isEmpty ? "" : "<h2>Stations</h2>\n<table><tr><th>station</th><th>servers</th>"
            + "<th>utilisation</th><th>mean queue</th><th>arrivals/s</th><th>mean sojourn ms</th></tr>\n"
            + stationRows.joined(separator: "\n") + "\n</table>"
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
            svg .fault { fill: #f4a261; fill-opacity: 0.25; }
            svg .faultlabel { font-size: 11px; fill: #9a4a00; }
            svg .limit { stroke-width: 1.2; stroke-dasharray: 6 4; }
            svg .limitlabel { font-size: 11px; }
            td.count { text-align: right; }
            h2 { font-size: 16px; margin: 16px 0 4px; }
            div.bar { display: inline-block; height: 10px; background: #30638e; vertical-align: middle; }
            tr.bottleneck td { background: #fff4e5; }
            </style>
            </head>
            <body>
            <h1>simrun: \(escape(summary.scenario)) <span class="verdict">\(passed ? "pass" : "fail")</span></h1>
            <div class="meta">seed \(summary.seed) · \(summary.mode.rawValue) mode · \(summary.clients) clients · \
            \(MarkdownSummary.format(summary.virtualSeconds)) s \(summary.mode == .live ? "of wall clock" : "virtual") in \(MarkdownSummary.format(summary.wallSeconds)) s · \
            \(summary.events) events · trace <code>\(summary.traceHash)</code></div>
            <p>Reproduce: <code>\(escape(summary.command))</code></p>
            <table>\(countRows)</table>
            \(faultText)
            <table><tr><th>kind</th><th>name</th><th>status</th><th>detail</th></tr>
            \(verdictRows.joined(separator: "\n"))
            </table>
            <table><tr><th>latency</th><th>count</th>\(LatencySummary.columns.map { "<th>\($0) ms</th>" }.joined())</tr>
            \(latencyRows.joined(separator: "\n"))
            </table>
            \(stationTable)
            \(charts.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    private static func row(_ cells: [String], failed: Bool) -> String {
        "<tr\(failed ? " class=\"failed\"" : "")>" + cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>"
    }

    private static func escape(_ text: String) -> String { JUnitReport.escape(text) }
}
