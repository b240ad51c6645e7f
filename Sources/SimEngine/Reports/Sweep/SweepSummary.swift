import SimMetrics

/// What `simrun sweep` found: for each setting of the other parameter, the knee of the load
/// parameter (the largest value at which every SLO and guarantee holds on every seed), the
/// points the search ran, and the station nearest saturation there.
///
/// Written as `sweep.json`, `sweep.csv`, `sweep.md` and `sweep.html`.
public struct SweepSummary: Codable, Equatable, Sendable, JSONReport {
    /// The version of `sweep.json`'s layout.
    public static let currentSchemaVersion = 1
    public var schemaVersion = SweepSummary.currentSchemaVersion
    public var scenario: String
    /// The parameter searched (`clients`) and its range (`1000..50000`).
    public var parameter: String
    public var range: String
    /// Seeds run at each point.
    public var seeds: Int
    /// The thresholds each point was judged by, as written.
    public var thresholds: [String]
    public var levels: [SweepLevel]

    public init(scenario: String, parameter: String, range: String, seeds: Int, thresholds: [String], levels: [SweepLevel]) {
        self.scenario = scenario
        self.parameter = parameter
        self.range = range
        self.seeds = seeds
        self.thresholds = thresholds
        self.levels = levels
    }


    /// `sweep.csv`: one row per point, `fixed,value,passed,seeds,p50_ms,p95_ms,p99_ms,bottleneck,utilization,failures`.
    public var csv: String {
        var rows = ["fixed,\(parameter),passed,seeds,p50_ms,p95_ms,p99_ms,bottleneck,utilization,failures"]
        for level in levels {
            for point in level.points {
                let figures = [point.deliveryP50Ms, point.deliveryP95Ms, point.deliveryP99Ms].map { $0.map { "\($0)" } ?? "" }
                let leading = [Self.cell(level.fixed ?? ""), "\(point.value)", "\(point.passed)", "\(point.seeds)"]
                let trailing = [Self.cell(point.bottleneck?.name ?? ""), point.bottleneck.map { "\($0.utilization)" } ?? "",
                                Self.cell(point.failures.joined(separator: "; "))]
                rows.append((leading + figures + trailing).joined(separator: ","))
            }
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// `sweep.md`: each level's answer, then its points.
    public var markdown: String {
        var lines = ["### simrun sweep: \(scenario), \(parameter) over \(range), \(seeds) seed(s) a point", ""]
        for level in levels { lines.append("- " + level.answer) }
        for level in levels {
            lines += ["", "#### " + (level.fixed ?? parameter), "",
                      "| \(parameter) | verdict | p50 ms | p95 ms | p99 ms | busiest station | ρ | what failed |",
                      "|---|---|---|---|---|---|---|---|"]
            for point in level.points {
                let figures = [point.deliveryP50Ms, point.deliveryP95Ms, point.deliveryP99Ms]
                    .map { $0.map { MarkdownSummary.format($0) } ?? "–" }
                lines.append("| \(point.value)\(point.value == level.knee ? " (knee)" : "") | \(point.passed ? "pass" : "**fail**") | "
                             + figures.joined(separator: " | ") + " | \(point.bottleneck?.name ?? "–") | "
                             + "\(point.bottleneck.map { MarkdownSummary.format($0.utilization) } ?? "–") | "
                             + "\(point.failures.joined(separator: ", ")) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `sweep.html`: the answers and a chart of delivery p99 against the load, one line per level,
    /// with the SLOs on message delivery at their limits.
    public func html(limits: [(label: String, milliseconds: Double)]) -> String {
        let colors = ["#d1495b", "#2b7bb9", "#00798c", "#edae49", "#30638e", "#66a182", "#8d6a9f", "#c17c74"]
        let series = levels.enumerated().map { index, level in
            SVGLineChart.Series(name: level.fixed ?? "p99", color: colors[index % colors.count],
                                points: level.points.compactMap { point in point.deliveryP99Ms.map { (Double(point.value), $0) } })
        }
        let chart = SVGLineChart(title: "Message delivery p99 against \(parameter)", xLabel: parameter, yLabel: "ms",
                                 series: series, xMax: nil,
                                 limits: limits.map { SVGLineChart.Limit(label: $0.label, value: $0.milliseconds, color: "#555") })
            .svg()
        let answers = levels.map { "<li>\(JUnitReport.escape($0.answer))</li>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>simrun sweep: \(JUnitReport.escape(scenario))</title>
            <style>
            body { font: 14px/1.4 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 24px; color: #222; }
            svg .title { font-weight: 600; font-size: 14px; }
            svg .tick { font-size: 11px; fill: #555; }
            svg .label { font-size: 12px; fill: #333; }
            svg .axis { stroke: #333; }
            svg .grid { stroke: #e6e6e6; }
            svg .limit { stroke-width: 1.2; stroke-dasharray: 6 4; }
            svg .limitlabel { font-size: 11px; }
            </style>
            </head>
            <body>
            <h1>simrun sweep: \(JUnitReport.escape(scenario)), \(JUnitReport.escape(parameter)) over \(JUnitReport.escape(range))</h1>
            <ul>
            \(answers)
            </ul>
            \(chart)
            </body>
            </html>

            """
    }

    /// `text` as one CSV cell: quoted when it holds a comma, a quote or a line break.
    private static func cell(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        var quoted = "\""
        for character in text { quoted += character == "\"" ? "\"\"" : String(character) }
        return quoted + "\""
    }
}
