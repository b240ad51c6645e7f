import SimSupport
import SimCheckers
import SimMetrics

/// A run as a short Markdown summary, fit for a pull-request comment: what failed first, with
/// the first violation and the command that reproduces the run, then the message counts, the
/// thresholds and latencies with their units, and every guarantee folded away.
public enum MarkdownSummary {
    /// The Markdown text for `summary`.
    public static func text(for summary: RunSummary) -> String {
        let verdict = summary.verdict == .pass ? "✅ pass" : "❌ fail"
        var lines = [
            "### simrun: \(summary.scenario) — \(verdict)",
            "",
            "seed `\(summary.seed)` · \(summary.mode.rawValue) mode · \(summary.clients) clients · "
                + "\(format(summary.virtualSeconds)) s \(summary.mode == .live ? "of wall-clock run" : "virtual") "
                + "in \(format(summary.wallSeconds)) s · trace `\(summary.traceHash)`",
        ]
        let violated = summary.invariants.filter { $0.status == .fail }
        let breached = summary.thresholds.filter { !$0.passed }
        if !violated.isEmpty || !breached.isEmpty {
            lines += ["", "**What failed**", ""]
            for invariant in violated {
                let line = invariant.firstLine.map { " (trace line \($0))" } ?? ""
                lines.append("- guarantee `\(invariant.name)`: \(invariant.violations) violation(s); first\(line): "
                             + (invariant.firstViolation.map { cell($0) } ?? "not recorded"))
            }
            for threshold in breached {
                lines.append("- threshold `\(threshold.condition)`: observed \(threshold.observedText ?? "nothing"), "
                             + "limit \(threshold.limitText)")
            }
            lines += ["", "reproduce: `\(summary.command)`"]
        }
        let messages = summary.messages
        lines += ["", "| sent | accepted | delivered | owed | lost | reported missing | in flight | duplicates |",
                  "|---|---|---|---|---|---|---|---|",
                  "| \(messages.sent) | \(messages.accepted) | \(messages.delivered) | \(messages.expectedDeliveries) | "
                      + "\(messages.lost) | \(messages.reportedLost) | \(messages.inFlight) | \(messages.duplicates) |"]
        if !summary.thresholds.isEmpty {
            lines += ["", "| threshold | observed | limit | status |", "|---|---|---|---|"]
            for threshold in summary.thresholds {
                lines.append("| `\(threshold.condition)` | \(threshold.observedText ?? "none") | \(threshold.limitText) | "
                             + "\(threshold.passed ? "met" : "**breached**") |")
            }
        }
        if !summary.latency.isEmpty {
            lines += ["", "| latency (ms) | count | " + LatencySummary.columns.joined(separator: " | ") + " |",
                      "|---|---|" + String(repeating: "---|", count: LatencySummary.columns.count)]
            for (name, latency) in summary.latency.sorted(by: { $0.key < $1.key }) {
                let figures = latency.figures.map { $0.map { format($0) } ?? "–" }
                lines.append("| \(name) | \(latency.count) | " + figures.joined(separator: " | ") + " |")
            }
        }
        if let stations = summary.stations, let bottleneck = summary.bottleneck {
            lines += ["", "Bottleneck: `\(bottleneck.name)`, busy \(percent(bottleneck.utilization)) of the run "
                      + "(\(bottleneck.servers) server(s), mean queue \(format(bottleneck.meanQueueLength)))."]
            lines += ["", "<details><summary>\(stations.count) stations</summary>", "",
                      "| station | servers | utilisation | mean queue | mean in system | arrivals/s | mean sojourn ms | longest queue |",
                      "|---|---|---|---|---|---|---|---|"]
            for station in stations {
                lines.append("| \(station.name) | \(station.servers) | \(percent(station.utilization)) | "
                             + "\(format(station.meanQueueLength)) | \(format(station.meanInSystem)) | \(format(station.arrivalRate)) | "
                             + "\(format(station.meanSojournMs)) | \(station.longestQueue) |")
            }
            lines += ["", "</details>"]
        }
        let held = summary.invariants.count - violated.count
        lines += ["", "<details><summary>\(summary.invariants.count) guarantees: \(held) held, \(violated.count) violated</summary>",
                  "", "| guarantee | status | violations |", "|---|---|---|"]
        for invariant in summary.invariants {
            lines.append("| \(invariant.name) | \(invariant.status == .pass ? "pass" : "**fail**") | \(invariant.violations) |")
        }
        lines += ["", "</details>"]
        if violated.isEmpty && breached.isEmpty { lines += ["", "reproduce: `\(summary.command)`"] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `value` with `digits` decimals.
    static func format(_ value: Double, digits: Int = 2) -> String {
        DecimalText.fixed(value, digits: digits)
    }

    /// `share` (0 to 1) as a percentage with one decimal.
    static func percent(_ share: Double) -> String { DecimalText.fixed(share * 100, digits: 1) + " %" }

    /// `text` fit for one line of a Markdown list: no line breaks, no stray table bars.
    private static func cell(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character.isNewline { escaped.append(" ") } else if character == "|" { escaped += "\\|" } else { escaped.append(character) }
        }
        return escaped
    }
}
