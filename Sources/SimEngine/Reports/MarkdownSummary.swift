import SimCheckers

/// A run as a short Markdown summary, fit for a pull-request comment.
public enum MarkdownSummary {
    /// The Markdown text for `summary`.
    public static func text(for summary: RunSummary) -> String {
        let verdict = summary.verdict == .pass ? "✅ pass" : "❌ fail"
        var lines = [
            "### simrun: \(summary.scenario) — \(verdict)",
            "",
            "seed `\(summary.seed)` · \(summary.mode.rawValue) mode · \(summary.clients) clients · "
                + "\(format(summary.virtualSeconds)) s virtual in \(format(summary.wallSeconds)) s · trace `\(summary.traceHash)`",
            "",
            "| guarantee | status | violations |",
            "|---|---|---|",
        ]
        for invariant in summary.invariants {
            lines.append("| \(invariant.name) | \(invariant.status == .pass ? "pass" : "**fail**") | \(invariant.violations) |")
        }
        if !summary.thresholds.isEmpty {
            lines += ["", "| threshold | observed | status |", "|---|---|---|"]
            for threshold in summary.thresholds {
                let observed = threshold.observedText ?? "none"
                lines.append("| `\(threshold.condition)` | \(observed) | \(threshold.passed ? "met" : "**breached**") |")
            }
        }
        if !summary.latency.isEmpty {
            lines += ["", "| latency | count | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |", "|---|---|---|---|---|---|---|"]
            for (name, latency) in summary.latency.sorted(by: { $0.key < $1.key }) {
                lines.append("| \(name) | \(latency.count) | \(format(latency.p50Ms)) | \(format(latency.p90Ms)) | "
                             + "\(format(latency.p99Ms)) | \(format(latency.p999Ms)) | \(format(latency.maxMs)) |")
            }
        }
        let messages = summary.messages
        lines += ["", "messages: \(messages.accepted) accepted, \(messages.delivered) of \(messages.expectedDeliveries) "
                  + "deliveries made, \(messages.lost) lost", "", "reproduce: `\(summary.command)`"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `value` with two decimals.
    static func format(_ value: Double, digits: Int = 2) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = String(Int(abs(scaled).truncatingRemainder(dividingBy: scale)))
        return "\(whole)." + String(repeating: "0", count: Swift.max(0, digits - fraction.count)) + fraction
    }
}
