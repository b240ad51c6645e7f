import SimMetrics
/// A search as people and CI systems read it: `explore.md` for a pull-request comment and
/// `junit.xml` for a test tab, both from an ``ExplorationSummary``.
public enum ExplorationReport {
    /// The Markdown page: the verdict, what ran, the failures first with the commands that
    /// reproduce and shrink each, then the thresholds over the seeds and the merged latency.
    public static func markdown(for summary: ExplorationSummary) -> String {
        let failing = summary.runs.filter { $0.verdict == .fail }.count
        var lines = [
            "# simrun explore \(summary.scenario): \(summary.verdict == .pass ? "✓ PASS" : "✗ FAIL")",
            "",
            "Seeds \(summary.seeds) (shards \(summary.shards.joined(separator: ", "))): \(summary.runs.count) run, "
                + "\(failing) failing\(summary.stoppedEarly ? ", stopped at the first failure" : ""); "
                + "\(summary.jobs) at once, \(MarkdownSummary.format(summary.wallSeconds)) s wall; "
                + "swarm \(summary.swarm ? "on" : "off").",
            "",
        ]
        if summary.groups.isEmpty {
            lines += ["No seed violated a guarantee or breached a threshold.", ""]
        } else {
            lines += ["## Failures", "", "| what failed | seeds | first seed | first failure |", "|---|---|---|---|"]
            for group in summary.groups {
                lines.append("| ✗ \(group.kind.rawValue) `\(cell(group.name))` | \(group.seeds.count) | \(first(of: group)) "
                             + "| \(cell(group.firstFailure)) |")
            }
            lines.append("")
            for group in summary.groups {
                lines += ["- `\(cell(group.label))`: reproduce with `\(group.command)`; shrink with `\(group.shrinkCommand)`"]
            }
            lines.append("")
        }
        if !summary.thresholds.isEmpty {
            lines += ["## Thresholds over the seeds (judged \(summary.thresholdJudgement == "merged" ? "on the merged data" : "seed by seed"))",
                      "", "| threshold | seeds breaching | allowed | merged observed | merged | verdict |",
                      "|---|---|---|---|---|---|"]
            for threshold in summary.thresholds {
                let observed = threshold.mergedObservedText ?? "none"
                lines.append("| `\(cell(threshold.condition))` | \(threshold.breaches) of \(threshold.seeds) "
                             + "| \(threshold.allowedBreaches) | \(observed) | \(threshold.mergedPassed ? "met" : "breached") "
                             + "| \(threshold.passed ? "✓" : "✗") |")
            }
            lines.append("")
        }
        let latency = summary.histograms.summaries
        if !latency.isEmpty {
            lines += ["## Latency over all seeds (merged histograms, ms)", "",
                      "| metric | count | " + LatencySummary.columns.joined(separator: " | ") + " |",
                      "|---|---|" + String(repeating: "---|", count: LatencySummary.columns.count)]
            for (name, metric) in latency.sorted(by: { $0.key < $1.key }) {
                let figures = metric.figures.map { $0.map { MarkdownSummary.format($0) } ?? "–" }
                lines.append("| `\(cell(name))` | \(metric.count) | " + figures.joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        let messages = summary.messages
        lines.append("Messages over all seeds: \(messages.sent) sent, \(messages.accepted) accepted, \(messages.delivered) of "
                     + "\(messages.expectedDeliveries) deliveries, \(messages.lost) lost, \(messages.reportedLost) reported missing.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The JUnit XML: one test case per guarantee (failed with its first seed's failure and the
    /// commands) and one per threshold over the seeds.
    public static func junit(for summary: ExplorationSummary) -> String {
        let escape = JUnitReport.escape
        let suite = escape(summary.scenario)
        var cases: [String] = []
        var failures = 0
        for name in summary.guarantees {
            let label = "guarantee.\(escape(name))"
            guard let group = summary.groups.first(where: { $0.kind == .guarantee && $0.name == name }) else {
                cases.append("    <testcase classname=\"\(suite)\" name=\"\(label)\"/>")
                continue
            }
            failures += 1
            let message = "violated in \(group.seeds.count) of \(summary.runs.count) seeds; first seed \(first(of: group))"
            let detail = "first: \(group.firstFailure)\nreproduce: \(group.command)\nshrink: \(group.shrinkCommand)"
            cases += ["    <testcase classname=\"\(suite)\" name=\"\(label)\">",
                      "      <failure message=\"\(escape(message))\">\(escape(detail))</failure>", "    </testcase>"]
        }
        for threshold in summary.thresholds {
            let label = "threshold.\(escape(threshold.condition))"
            guard !threshold.passed else {
                cases.append("    <testcase classname=\"\(suite)\" name=\"\(label)\"/>")
                continue
            }
            failures += 1
            let observed = threshold.mergedObservedText ?? "nothing"
            let message = "breached in \(threshold.breaches) of \(threshold.seeds) seeds (\(threshold.allowedBreaches) allowed); "
                + "merged: observed \(observed) against \(threshold.condition)"
            let group = summary.groups.first { $0.kind == .threshold && $0.name == threshold.condition }
            let detail = group.map { "first: seed \(first(of: $0)), \($0.firstFailure)\nreproduce: \($0.command)" } ?? ""
            cases += ["    <testcase classname=\"\(suite)\" name=\"\(label)\">",
                      "      <failure message=\"\(escape(message))\">\(escape(detail))</failure>", "    </testcase>"]
        }
        let tests = summary.guarantees.count + summary.thresholds.count
        return ([#"<?xml version="1.0" encoding="UTF-8"?>"#,
                 #"<testsuites name="simrun explore" tests="\#(tests)" failures="\#(failures)">"#,
                 "  <testsuite name=\"\(suite)\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" "
                    + "time=\"\(summary.wallSeconds)\">",
                 "    <properties>",
                 "      <property name=\"seeds\" value=\"\(escape(summary.seeds))\"/>",
                 "      <property name=\"seeds_run\" value=\"\(summary.runs.count)\"/>",
                 "      <property name=\"swarm\" value=\"\(summary.swarm)\"/>",
                 "    </properties>"] + cases + ["  </testsuite>", "</testsuites>"]).joined(separator: "\n") + "\n"
    }

    /// The group's first seed as text.
    private static func first(of group: FailureGroup) -> String { group.seeds.first.map(String.init) ?? "none" }

    /// `text` fit for a Markdown table cell: pipes escaped, lines joined.
    private static func cell(_ text: String) -> String {
        text.reduce(into: "") { cell, character in
            switch character {
            case "|": cell += "\\|"
            case "\n": cell += " "
            default: cell.append(character)
            }
        }
    }
}
