public import ArgumentParser
import Foundation
import Scenarios
import SimSupport
public import SimRuntime
import SimCheckers
import SimMetrics
import SimModel
import SimReports
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `simrun run SCENARIO`: runs a scenario, checks it and writes its reports.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario and write its reports.",
        discussion: "With no scenario, runs '\(ScenarioCatalog.defaultName)'. 'simrun list' shows every scenario."
    )

    @OptionGroup var options: ScenarioOptions

    @Option(help: "The seed: the same seed replays the same run in sim mode.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp(
        "Replay the seed's random draws under another interleaving of simultaneous work (default: the seed).",
        valueName: "seed"))
    var interleavingSeed: UInt64?

    @Flag(help: "Let the seed draw faults and parameters from the scenario's swarm block, as 'explore --swarm' does.")
    var swarm = false

    @Option(help: "sim (one thread, virtual time, deterministic) or live (all cores, wall clock).")
    var mode: RunMode = .sim

    @Option(help: "The folder that receives the reports; created if missing.")
    var out: String = "reports"

    @Flag(help: "Also write every model event to OUT/trace.jsonl.")
    var trace = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Option(help: .hidden, transform: ScenarioOptions.parseDuration)
    var progressInterval: Duration?

    func run() throws {
        let resolved = try options.resolve()
        let scenario = swarm ? resolved.swarmed(seed: seed) : resolved
        if swarm { try ScenarioOptions.check(scenario, insist: options.insist) }
        let runner = ScenarioRunner(scenario: scenario, seed: seed, interleavingSeed: interleavingSeed, mode: mode,
                                    extraThresholds: options.thresholdTexts, traceFile: trace ? "\(out)/trace.jsonl" : nil,
                                    command: reproduction(resolved), allocator: Allocator.name)
        let folder = try ReportFolder(out, names: Self.reportNames)
        Interruption.install(cleaning: out)

        // A herd of clients arriving at one instant makes a few events each; far more than that
        // at one instant is a loop.
        let runaway = Guarded(RunawayGuard(memoryLimit: Int(Double(ProcessInfo.processInfo.physicalMemory) * 0.9),
                                         eventsWithoutTime: UInt64(max(10_000_000, 50 * scenario.clients))))
        let cause = Guarded<RunawayGuard.Cause?>(nil)
        let result: RunResult
        do throws(ScenarioRunner.Failure) {
            let progress = quiet ? nil : ProgressReporter(
                line: ProgressLine(length: scenario.duration + scenario.drain, load: scenario.duration, mode: mode),
                interval: progressInterval)
            defer { progress?.finish() }
            result = try runner.run { state in
                progress?.show(state)
                if let found = runaway.withLock({ $0.observe(state, residentBytes: ResidentMemory.peakBytes()) }) {
                    cause.withLock { $0 = found }
                    return true
                }
                return Interruption.isRequested()
            }
        } catch {
            switch error {
            case .trace(let problem): throw fail(.badInput, "\(problem.description); choose a writable --out folder")
            case .engine(.interrupted(let at)):
                if let found = cause.withLock({ $0 }) {
                    throw fail(.internalError, "the run ran away and was stopped: \(found)\nno reports were written; "
                               + "reproduce with: \(reproduction(resolved))")
                }
                throw interrupted("\(Interruption.signalName) at virtual time \(at)", in: folder)
            case .engine(let problem):
                throw fail(.internalError, problem.description + "\nreproduce with: \(reproduction(resolved))")
            }
        }

        let summary = result.summary
        try folder.write(Self.reports(for: result))
        let violations = summary.violations
        if !quiet { printSummary(summary, violations: violations) }
        if !violations.isEmpty { throw ExitStatus.guaranteeViolated.exitCode }
        if summary.thresholds.contains(where: { !$0.passed }) { throw ExitStatus.thresholdBreached.exitCode }
    }

    /// The files a run writes into `--out`.
    static let reportNames = ["summary.json", "junit.xml", "summary.md", "latency.csv", "timeseries.csv",
                                      "report.html", "histograms.json", "trace.jsonl"]

    /// Every report of `result`, by file name, for ``ReportFolder/write(_:)``.
    static func reports(for result: RunResult) -> [(name: String, text: () throws -> String)] {
        let summary = result.summary
        return [
            ("junit.xml", { JUnitReport.xml(for: summary) }),
            ("summary.md", { MarkdownSummary.text(for: summary) }),
            ("latency.csv", { LatencyTable.csv(for: summary) }),
            ("timeseries.csv", { TimeSeriesTable.csv(for: result.timeSeries) }),
            ("report.html", { HTMLReport.html(for: result) }),
            ("histograms.json", { try result.histograms.jsonText() }),
            ("summary.json", { try summary.jsonText() }),
        ]
    }

    /// Prints that the run was interrupted, and returns the exit code for the signal.
    private func interrupted(_ what: String, in folder: ReportFolder) -> ExitCode {
        if trace { unlink("\(out)/trace.jsonl") }
        return folder.interrupted(what)
    }

    /// The command that reruns the run, given the scenario as resolved before any swarm draw.
    private func reproduction(_ resolved: ChatScenario) -> String {
        "simrun run \(options.scenario) --seed \(seed)"
            + (interleavingSeed.map { " --interleaving-seed \($0)" } ?? "")
            + (swarm ? " --swarm" : "") + " --mode \(mode.rawValue)" + options.arguments(for: resolved)
    }

    private func printSummary(_ summary: RunSummary, violations: [String]) {
        let messages = summary.messages
        let style = TerminalStyle.standardOutput
        let time = summary.mode == .live ? "s of wall clock" : "s virtual"
        print("""
            \(summary.scenario)  seed \(summary.seed)  \(summary.mode.rawValue) mode  \(summary.clients) clients
              messages   \(messages.sent) sent, \(messages.accepted) accepted, \(messages.delivered)/\(messages.expectedDeliveries) \
            deliveries, \(messages.lost) lost, \(messages.reportedLost) reported missing, \(messages.inFlight) in flight
              latency    \(latencyLine(summary.latency["message_delivery"]))
              run        \(summary.events) events, \(format(summary.virtualSeconds)) \(time) in \
            \(format(summary.wallSeconds)) s wall
              trace      \(summary.traceHash) (\(summary.traceEvents) events)
            """)
        for violation in violations { print("  " + style.fail("VIOLATED   \(violation)")) }
        if !violations.isEmpty { print("  reproduce  \(summary.command)") }
        for threshold in summary.thresholds {
            let text = "\(threshold.condition) (observed \(threshold.observedText ?? "nothing"), limit \(threshold.limitText))"
            print("  " + (threshold.passed ? style.pass("SLO met      " + text) : style.fail("SLO BREACHED " + text)))
        }
        let verdict = summary.verdict.rawValue.uppercased()
        print("  verdict    \(summary.verdict == .pass ? style.pass(verdict) : style.fail(verdict))   reports in \(out)/")
    }

    private func latencyLine(_ latency: LatencySummary?) -> String {
        guard let latency, latency.count > 0 else { return "no deliveries" }
        return "delivery mean \(latency.meanMs.map(format) ?? "–") ms, p50 \(format(latency.p50Ms)) ms, "
            + "p95 \(latency.p95Ms.map(format) ?? "–") ms, p99 \(format(latency.p99Ms)) ms, "
            + "p99.9 \(format(latency.p999Ms)) ms, max \(format(latency.maxMs)) ms"
    }

    private func format(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    /// Prints `message` to standard error and returns the exit code to throw.
    private func fail(_ status: ExitStatus, _ message: String) -> ExitCode {
        status.reported(message)
    }
}

extension RunMode: ExpressibleByArgument {}
