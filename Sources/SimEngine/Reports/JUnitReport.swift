
/// A run as JUnit XML, for the test tab of a CI system: one test case per guarantee, failed
/// with its first violation and the command that reproduces the run.
public enum JUnitReport {
    /// The XML document for `summary`.
    public static func xml(for summary: RunSummary) -> String {
        let failures = summary.invariants.filter { $0.status == .fail }.count + summary.thresholds.filter { !$0.passed }.count
        let tests = summary.invariants.count + summary.thresholds.count
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<testsuites name="simrun" tests="\#(tests)" failures="\#(failures)">"#,
            "  <testsuite name=\"\(escape(summary.scenario))\" tests=\"\(tests)\" "
                + "failures=\"\(failures)\" errors=\"0\" time=\"\(summary.wallSeconds)\">",
            "    <properties>",
            "      <property name=\"seed\" value=\"\(summary.seed)\"/>",
            "      <property name=\"mode\" value=\"\(summary.mode.rawValue)\"/>",
            "      <property name=\"trace_hash\" value=\"\(summary.traceHash)\"/>",
            "    </properties>",
        ]
        for invariant in summary.invariants {
            let name = "guarantee.\(escape(invariant.name))"
            if invariant.status == .pass {
                lines.append("    <testcase classname=\"\(escape(summary.scenario))\" name=\"\(name)\"/>")
            } else {
                let message = "\(invariant.violations) violation(s)"
                let detail = (invariant.firstViolation.map { "first: \($0)\n" } ?? "") + "reproduce: \(summary.command)"
                lines.append("    <testcase classname=\"\(escape(summary.scenario))\" name=\"\(name)\">")
                lines.append("      <failure message=\"\(escape(message))\">\(escape(detail))</failure>")
                lines.append("    </testcase>")
            }
        }
        for threshold in summary.thresholds {
            let name = "threshold.\(escape(threshold.condition))"
            if threshold.passed {
                lines.append("    <testcase classname=\"\(escape(summary.scenario))\" name=\"\(name)\"/>")
            } else {
                lines.append("    <testcase classname=\"\(escape(summary.scenario))\" name=\"\(name)\">")
                lines.append("      <failure message=\"\(escape("breached: \(threshold.breachText)"))\">"
                             + "\(escape("\(threshold.breachText)\nreproduce: \(summary.command)"))</failure>")
                lines.append("    </testcase>")
            }
        }
        lines.append("  </testsuite>")
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` with XML's special characters escaped.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
