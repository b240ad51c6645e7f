import SimMetrics
import SimSupport

/// A new result set beside a baseline, as `simrun compare` judges it for a CI gate: per metric
/// the two values, the change, and whether it is a regression; and any guarantee the new result
/// violates that the baseline did not.
///
/// Either side is a search (`explore.json`, several seeds) or a single run seen as a search of
/// one seed. Each metric's value is taken over a side's seeds together (their histograms
/// merged); with at least two seeds on each side, a change counts only if the per-seed values
/// also differ significantly (``MannWhitneyTest``, two-sided, at ``level``), so that the
/// scatter between seeds cannot fail a gate on its own. With fewer seeds than that test can
/// ever call significant, the tolerance alone decides, and the report says so.
///
/// ```swift
/// let comparison = RunComparison(baseline: base, baselineLabel: "main", new: head, newLabel: "pr",
///                                tolerances: [ComparisonTolerance(metric: "default", percent: 5)])
/// print(comparison.regressed, comparison.markdown)
/// ```
public struct RunComparison: Codable, Equatable, Sendable, JSONReport {
    /// The version of `compare.json`'s layout.
    public static let currentSchemaVersion = 1
    public var schemaVersion = RunComparison.currentSchemaVersion
    /// Where each side came from (the folders given) and the scenario it ran.
    public var baseline: String
    public var new: String
    public var baselineScenario: String
    public var newScenario: String
    /// The significance level of the test over seeds.
    public var level: Double
    /// Every metric both sides measured: `delivery_ratio`, then each latency metric's mean,
    /// p50, p95 and p99, by name.
    public var metrics: [MetricComparison]
    /// Guarantees some new seed violated and no baseline seed did.
    public var newlyViolated: [String]
    /// Guarantees some baseline seed violated and no new seed does.
    public var noLongerViolated: [String]
    /// Whether anything regressed: a metric, or a guarantee newly violated.
    public var regressed: Bool

    /// The statistics compared for each latency metric, as thresholds name them.
    public static let statistics = ["avg", "p50", "p95", "p99"]

    /// Compares `new` with `baseline`, allowing each metric the tolerance that names it, else
    /// the one named `default`, else ``ComparisonTolerance/latencyDefault`` (latencies) or
    /// ``ComparisonTolerance/ratioDefault`` (`delivery_ratio`).
    public init(baseline: ExplorationSummary, baselineLabel: String, new: ExplorationSummary, newLabel: String,
                tolerances: [ComparisonTolerance], level: Double = 0.05) {
        self.baseline = baselineLabel
        self.new = newLabel
        baselineScenario = baseline.scenario
        newScenario = new.scenario
        self.level = level
        func tolerance(_ metric: String, fallback: Double) -> Double {
            tolerances.last { $0.metric == metric }?.percent ?? tolerances.last { $0.metric == "default" }?.percent ?? fallback
        }
        var metrics = [Self.judge(metric: "delivery_ratio", unit: "", higherIsWorse: false,
                                  baseline: Self.ratio(baseline.messages), new: Self.ratio(new.messages),
                                  baselineSamples: baseline.runs.map { Self.ratio($0.messages) },
                                  newSamples: new.runs.map { Self.ratio($0.messages) },
                                  tolerance: tolerance("delivery_ratio", fallback: ComparisonTolerance.ratioDefault), level: level)]
        let baseSummaries = baseline.histograms.summaries, newSummaries = new.histograms.summaries
        for name in baseSummaries.keys.sorted() {
            guard let base = baseSummaries[name], let head = newSummaries[name], base.count > 0, head.count > 0 else { continue }
            for statistic in Self.statistics {
                guard let baseValue = base.value(of: statistic), let newValue = head.value(of: statistic) else { continue }
                let metric = "\(name).\(statistic)"
                metrics.append(Self.judge(metric: metric, unit: "ms", higherIsWorse: true, baseline: baseValue, new: newValue,
                                          baselineSamples: Self.samples(of: name, statistic, in: baseline),
                                          newSamples: Self.samples(of: name, statistic, in: new),
                                          tolerance: tolerance(metric, fallback: ComparisonTolerance.latencyDefault),
                                          level: level))
            }
        }
        self.metrics = metrics
        let violatedBefore = Set(baseline.runs.flatMap { $0.violated.map(\.name) })
        let violatedNow = Set(new.runs.flatMap { $0.violated.map(\.name) })
        newlyViolated = violatedNow.subtracting(violatedBefore).sorted()
        noLongerViolated = violatedBefore.subtracting(violatedNow).sorted()
        regressed = !newlyViolated.isEmpty || metrics.contains { $0.outcome == .regressed }
    }

    /// Judges one metric: beyond the tolerance in the worse direction, and (when the seeds
    /// can show it) significantly so, is a regression.
    static func judge(metric: String, unit: String, higherIsWorse: Bool, baseline: Double, new: Double,
                      baselineSamples: [Double], newSamples: [Double], tolerance: Double, level: Double) -> MetricComparison {
        let change = baseline == 0 ? nil : (new - baseline) / baseline * 100
        // A zero baseline moves by any amount: beyond the tolerance unless the value stayed.
        let beyond = change.map { abs($0) > tolerance } ?? (new != baseline)
        let worse = higherIsWorse ? new > baseline : new < baseline
        var pValue: Double?
        var significant = true
        if baselineSamples.count >= 2, newSamples.count >= 2 {
            let test = MannWhitneyTest(baselineSamples, newSamples)
            pValue = test.pValue
            // Samples too small to ever reach the level leave the decision to the tolerance.
            if test.smallestPValue < level { significant = test.pValue < level }
        }
        let outcome: MetricComparison.Outcome = !beyond ? .unchanged : !significant ? .noise : worse ? .regressed : .improved
        return MetricComparison(metric: metric, unit: unit, baseline: baseline, new: new, changePercent: change,
                                tolerancePercent: tolerance, baselineSeeds: baselineSamples.count, newSeeds: newSamples.count,
                                pValue: pValue, outcome: outcome)
    }

    /// Deliveries made over deliveries owed.
    private static func ratio(_ messages: MessageCounts) -> Double {
        messages.expectedDeliveries == 0 ? 1 : Double(messages.delivered - messages.duplicates) / Double(messages.expectedDeliveries)
    }

    /// The per-seed values of `name`'s `statistic`, or none when a seed lacks them (a search
    /// written before they were recorded): then no test is made.
    private static func samples(of name: String, _ statistic: String, in side: ExplorationSummary) -> [Double] {
        let values = side.runs.compactMap { $0.latency?[name]?.value(of: statistic) }
        return values.count == side.runs.count ? values : []
    }


    /// `compare.md`, for a pull-request comment: the verdict, what regressed and improved,
    /// then every metric folded.
    public var markdown: String {
        var lines = ["### simrun compare: \(regressed ? "❌ regressed" : "✅ no regression")", "",
                     "baseline `\(baseline)` (\(baselineScenario), \(seedText(metrics.first?.baselineSeeds))) against "
                         + "new `\(new)` (\(newScenario), \(seedText(metrics.first?.newSeeds)))"]
        if baselineScenario != newScenario {
            lines += ["", "⚠️ the two sides ran different scenarios; compare runs of one scenario."]
        }
        let testable = metrics.contains { $0.pValue != nil }
        lines += ["", testable
                  ? "A change counts when it is beyond its tolerance and the per-seed values differ at p < \(level) (Mann–Whitney U, two-sided)."
                  : "One seed on a side: no test over seeds, the tolerance alone decides. Run `simrun explore` with several seeds on each side to tell a change from the scatter between seeds."]
        for name in newlyViolated { lines.append("- ❌ guarantee `\(name)` violated, and held in the baseline") }
        for name in noLongerViolated { lines.append("- ✅ guarantee `\(name)` holds, and was violated in the baseline") }
        let notable = metrics.filter { $0.outcome != .unchanged }
        if !notable.isEmpty {
            lines += ["", "| metric | baseline | new | change | tolerance | p | outcome |", "|---|---|---|---|---|---|---|"]
            for metric in notable.sorted(by: { Self.order($0.outcome) < Self.order($1.outcome) }) { lines.append(row(metric)) }
        }
        lines += ["", "<details><summary>all \(metrics.count) metrics</summary>", "",
                  "| metric | baseline | new | change | tolerance | p | outcome |", "|---|---|---|---|---|---|---|"]
        lines += metrics.map(row)
        lines += ["", "</details>"]
        return lines.joined(separator: "\n") + "\n"
    }

    private func seedText(_ seeds: Int?) -> String {
        seeds == 1 ? "1 seed" : "\(seeds ?? 0) seeds"
    }

    private func row(_ metric: MetricComparison) -> String {
        let value = { (value: Double) in Threshold.text(of: value, unit: metric.unit, metric: metric.metric) }
        let p = metric.pValue.map(Self.number) ?? "–"
        let outcome = switch metric.outcome {
        case .regressed: "**regressed**"
        case .improved: "improved"
        case .unchanged: "unchanged"
        case .noise: "within the seeds' scatter"
        }
        return "| `\(metric.metric)` | \(value(metric.baseline)) | \(value(metric.new)) | \(metric.changeText) | "
            + "\(DecimalText.fixed(metric.tolerancePercent, digits: 1)) % | \(p) | \(outcome) |"
    }

    private static func order(_ outcome: MetricComparison.Outcome) -> Int {
        switch outcome {
        case .regressed: 0
        case .noise: 1
        case .improved: 2
        case .unchanged: 3
        }
    }

    /// A p-value or a level, to four decimals or as `< 0.0001`.
    private static func number(_ value: Double) -> String {
        value < 0.0001 ? "< 0.0001" : DecimalText.fixed(value, digits: 4)
    }
}
