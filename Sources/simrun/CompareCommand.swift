import ArgumentParser
import Foundation
import SimReports
import SimSupport

/// `simrun compare BASE NEW`: a CI gate against a baseline. Each folder holds a run
/// (`summary.json` and `histograms.json`) or a search (`explore.json`); with several seeds on
/// each side a change must also stand out from the scatter between seeds.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare a result with a baseline: exit 1 if something regressed beyond its tolerance.",
        discussion: """
            Each folder holds summary.json and histograms.json (from 'simrun run') or explore.json (from 'simrun \
            explore' or 'simrun merge'). Compares delivery_ratio and each latency metric's avg, p50, p95 and p99 \
            over each side's seeds together, and the guarantees violated. Latencies may grow by 10 % and \
            delivery_ratio shrink by 0.1 % unless --tolerance says otherwise. With two or more seeds on each side a \
            change counts only if the per-seed values differ significantly (Mann-Whitney U, two-sided, p < 0.05). \
            Writes compare.json and compare.md. Exit 0 when nothing regressed, 1 when something did, 64 on bad input.
            """
    )

    @Argument(help: "The baseline's folder.")
    var baseline: String

    @Argument(help: "The new result's folder.")
    var new: String

    @Option(name: .customLong("tolerance"),
            help: ArgumentHelp("How much worse a metric may get: METRIC=+PERCENT%, or default=+PERCENT%; repeatable.",
                               valueName: "METRIC=+N%"))
    var toleranceTexts: [String] = []

    @Option(help: ArgumentHelp("The significance level of the test over seeds.", valueName: "ALPHA"))
    var level: Double = 0.05

    @Option(help: "The folder that receives compare.json and compare.md; created if missing.")
    var out: String = "reports/compare"

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    static let reportNames = ["compare.json", "compare.md"]

    func run() throws {
        guard level > 0, level < 1 else { throw ExitStatus.badInput.reported("--level: give a level between 0 and 1, such as 0.05") }
        var tolerances: [ComparisonTolerance] = []
        for text in toleranceTexts {
            do throws(ConfigurationError) { tolerances.append(try ComparisonTolerance.parse(text)) } catch {
                throw ExitStatus.badInput.reported(error.description)
            }
        }
        let base = try MergeCommand.result(in: baseline)
        let head = try MergeCommand.result(in: new)
        let comparison = RunComparison(baseline: base, baselineLabel: baseline, new: head, newLabel: new,
                                       tolerances: tolerances, level: level)
        let known = Set(comparison.metrics.map(\.metric) + ["default"])
        if let unknown = tolerances.first(where: { !known.contains($0.metric) }) {
            throw ExitStatus.badInput.reported("--tolerance '\(unknown.metric)': no such metric in both results; they have "
                                               + comparison.metrics.map(\.metric).joined(separator: ", "))
        }
        let folder = try ReportFolder(out, names: Self.reportNames)
        try folder.write([
            ("compare.json", { try comparison.jsonText() }),
            ("compare.md", { comparison.markdown }),
        ])
        if !quiet { printSummary(comparison) }
        if comparison.regressed { throw ExitStatus.thresholdBreached.exitCode }
    }

    private func printSummary(_ comparison: RunComparison) {
        let style = TerminalStyle.standardOutput
        for name in comparison.newlyViolated { print("  " + style.fail("guarantee \(name) violated, held in the baseline")) }
        for metric in comparison.metrics where metric.outcome != .unchanged {
            let p = metric.pValue.map { ", p = " + DecimalText.fixed($0, digits: 4) } ?? ""
            let text = "\(metric.metric) \(metric.changeText) (tolerance \(DecimalText.fixed(metric.tolerancePercent, digits: 1)) %\(p))"
            switch metric.outcome {
            case .regressed: print("  " + style.fail("REGRESSED " + text))
            case .improved: print("  " + style.pass("improved  " + text))
            case .noise: print("  within the seeds' scatter: " + text)
            case .unchanged: break
            }
        }
        let verdict = comparison.regressed ? style.fail("REGRESSED") : style.pass("NO REGRESSION")
        print("  verdict    \(verdict)   \(comparison.metrics.count) metrics compared; reports in \(out)/")
    }
}
