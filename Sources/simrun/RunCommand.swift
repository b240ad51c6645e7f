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
        let scenario = try options.resolve()
        let runner = ScenarioRunner(scenario: scenario, seed: seed, interleavingSeed: interleavingSeed, mode: mode,
                                    extraThresholds: options.thresholdTexts, traceFile: trace ? "\(out)/trace.jsonl" : nil,
                                    command: reproduction(scenario), allocator: Allocator.name)
        try prepareOutputFolder()
        Interruption.install(cleaning: out)

        // A herd of clients arriving at one instant makes a few events each; far more than that
        // at one instant is a loop.
        let runaway = Guarded(RunawayGuard(memoryLimit: Int(Double(ProcessInfo.processInfo.physicalMemory) * 0.9),
                                         eventsWithoutTime: UInt64(max(10_000_000, 50 * scenario.clients))))
        let cause = Guarded<RunawayGuard.Cause?>(nil)
        let result: RunResult
        do throws(ScenarioRunner.Failure) {
            let progress = quiet ? nil : ProgressReporter(load: scenario.duration, interval: progressInterval)
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
                               + "reproduce with: \(reproduction(scenario))")
                }
                throw interrupted("\(Interruption.signalName) at virtual time \(at)")
            case .engine(let problem):
                throw fail(.internalError, problem.description + "\nreproduce with: \(reproduction(scenario))")
            }
        }

        let summary = result.summary
        try writeReports(result)
        let violations = summary.violations
        if !quiet { printSummary(summary, violations: violations) }
        if !violations.isEmpty { throw ExitStatus.guaranteeViolated.exitCode }
        if summary.thresholds.contains(where: { !$0.passed }) { throw ExitStatus.thresholdBreached.exitCode }
    }

    /// The files a run writes into `--out`.
    private static let reportNames = ["junit.xml", "summary.md", "latency.csv", "timeseries.csv", "report.html",
                                      "histograms.json", "summary.json", "trace.jsonl"]

    /// Makes sure `--out` is a folder this process can write into, before the run rather than
    /// after it, and removes the previous run's reports from it, so that no report of another
    /// run is left beside this one's.
    private func prepareOutputFolder() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { throw fail(.badInput, "--out \(out): is a file, not a folder; give a folder path") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            } catch {
                throw fail(.badInput, "--out \(out): cannot create the folder (\(error.localizedDescription)); give a writable path")
            }
        }
        do {
            try AtomicFile(path: "\(out)/summary.json").discard()
        } catch {
            throw fail(.badInput, "--out \(out): cannot write there (\(error.reason)); give a writable folder")
        }
        for name in Self.reportNames { unlink("\(out)/\(name)") }
    }

    /// Writes every report, or none: each is written in full under a temporary name first, and
    /// only when all are written, and no signal asked the run to end, are they renamed into
    /// place. A signal that arrives while they are renamed removes them again.
    private func writeReports(_ result: RunResult) throws {
        let summary = result.summary
        let reports: [(name: String, text: () throws -> String)] = [
            ("junit.xml", { JUnitReport.xml(for: summary) }),
            ("summary.md", { MarkdownSummary.text(for: summary) }),
            ("latency.csv", { LatencyTable.csv(for: summary) }),
            ("timeseries.csv", { TimeSeriesTable.csv(for: result.timeSeries) }),
            ("report.html", { HTMLReport.html(for: result) }),
            ("histograms.json", { try result.histograms.jsonText() }),
            ("summary.json", { try summary.jsonText() }),
        ]
        var files: [AtomicFile] = []
        do {
            for report in reports {
                let file = try AtomicFile(path: "\(out)/\(report.name)")
                files.append(file)
                try file.write(Array(try report.text().utf8))
                if Interruption.isRequested() { break }
            }
        } catch {
            files.forEach { $0.discard() }
            throw fail(.internalError, "\(error)")
        }
        guard !Interruption.isRequested() else {
            files.forEach { $0.discard() }
            throw interrupted("\(Interruption.signalName) while the reports were written")
        }
        do {
            for file in files { try file.commit() }
        } catch {
            throw fail(.internalError, "\(error)")
        }
        if Interruption.isRequested() {
            for name in Self.reportNames { unlink("\(out)/\(name)") }
            throw interrupted("\(Interruption.signalName) while the reports were written")
        }
    }

    /// Prints that the run was interrupted, and returns the exit code for the signal.
    private func interrupted(_ what: String) -> ExitCode {
        Interruption.removePartialFiles(in: out)
        if trace { unlink("\(out)/trace.jsonl") }
        FileHandle.standardError.write(Data("simrun: interrupted by \(what); no reports were written\n".utf8))
        return ExitCode(Interruption.exitCode)
    }

    private func reproduction(_ scenario: ChatScenario) -> String {
        "simrun run \(options.scenario) --seed \(seed)"
            + (interleavingSeed.map { " --interleaving-seed \($0)" } ?? "")
            + " --mode \(mode.rawValue)" + options.arguments(for: scenario)
    }

    private func printSummary(_ summary: RunSummary, violations: [String]) {
        let messages = summary.messages
        print("""
            \(summary.scenario)  seed \(summary.seed)  \(summary.mode.rawValue) mode  \(summary.clients) clients
              messages   \(messages.accepted) accepted, \(messages.delivered)/\(messages.expectedDeliveries) deliveries, \
            \(messages.lost) lost, \(messages.reportedLost) reported missing
              latency    \(latencyLine(summary.latency["message_delivery"]))
              run        \(summary.events) events, \(format(summary.virtualSeconds)) s virtual in \
            \(format(summary.wallSeconds)) s wall
              trace      \(summary.traceHash) (\(summary.traceEvents) events)
            """)
        for violation in violations { print("  VIOLATED   \(violation)") }
        if !violations.isEmpty { print("  reproduce  \(summary.command)") }
        for threshold in summary.thresholds {
            let observed = threshold.observedText ?? "none"
            print("  \(threshold.passed ? "SLO met  " : "SLO BREACHED") \(threshold.condition) (observed \(observed))")
        }
        print("  verdict    \(summary.verdict.rawValue.uppercased())   reports in \(out)/")
    }

    private func latencyLine(_ latency: LatencySummary?) -> String {
        guard let latency, latency.count > 0 else { return "no deliveries" }
        return "delivery p50 \(format(latency.p50Ms)) ms, p99 \(format(latency.p99Ms)) ms, "
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
