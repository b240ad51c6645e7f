public import ArgumentParser
import Foundation
import Scenarios
import SimSupport
public import SimRuntime
import SimCheckers
import SimMetrics
import SimModel
import SimReports

/// `simrun run SCENARIO`: runs a scenario, checks it and writes its reports.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario and write its reports.",
        discussion: "With no scenario, runs '\(ScenarioCatalog.defaultName)'. 'simrun list' shows every scenario."
    )

    @Argument(help: "The scenario to run: a name from 'simrun list', or a YAML or JSON scenario file.")
    var scenario: String = ScenarioCatalog.defaultName

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Override one parameter of the scenario, such as clients=500, system.gateway.nodes=3 or think_time={kind: constant, value: 2}; repeatable.",
        valueName: "key.path=value"))
    var overrides: [String] = []

    @Option(help: "The seed: the same seed replays the same run in sim mode.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp(
        "Replay the seed's random draws under another interleaving of simultaneous work (default: the seed).",
        valueName: "seed"))
    var interleavingSeed: UInt64?

    @Option(help: "sim (one thread, virtual time, deterministic) or live (all cores, wall clock).")
    var mode: RunMode = .sim

    @Option(help: "The number of synthetic clients (default: the scenario's).")
    var clients: Int?

    @Option(help: "How long clients generate load, such as 90s, 5m or 1h (default: the scenario's).",
            transform: RunCommand.parseDuration)
    var duration: Duration?

    @Option(help: ArgumentHelp(
        "A YAML or JSON file with the system's configuration, replacing the scenario's (keys left out keep their defaults; see 'simrun explain').",
        valueName: "file"))
    var system: String?

    @Option(help: "The folder that receives the reports; created if missing.")
    var out: String = "reports"

    @Option(name: .customLong("threshold"), help: ArgumentHelp(
        "An SLO the run must meet, such as 'message_delivery.p99<100ms' or 'delivery_ratio>=0.999'; repeatable. A breach exits 1.",
        valueName: "slo"))
    var thresholdTexts: [String] = []

    @Flag(help: "Also write every model event to OUT/trace.jsonl.")
    var trace = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Run even when the scenario's estimated cost exceeds a day of wall time or this machine's memory.")
    var insist = false

    @Option(help: .hidden, transform: RunCommand.parseDuration)
    var progressInterval: Duration?

    static func parseDuration(_ text: String) throws -> Duration {
        guard let duration = DurationText.parse(text) else {
            throw ValidationError("'\(text)' is not a duration; write a number and a unit (ns, us, ms, s, m, h), such as 90s, 5m or 1h30m")
        }
        return duration
    }

    func run() throws {
        var scenario: ChatScenario
        do throws(ConfigurationFileError) {
            scenario = try ScenarioSource.load(self.scenario, overrides: overrides)
        } catch {
            throw fail(.badInput, error.description)
        }
        if let clients { scenario.clients = clients }
        if let duration { scenario.duration = duration }
        if let system {
            do throws(ConfigurationFileError) {
                scenario.system = try ConfigurationFile.decode(SystemConfiguration.self, fromFile: system, root: "system") {
                    (configuration: SystemConfiguration) throws(ConfigurationError) in try configuration.validate()
                }
            } catch {
                throw fail(.badInput, "--system \(error.description)")
            }
        }
        do throws(ConfigurationError) {
            try scenario.validate()
        } catch {
            let flag = ["clients": "--clients", "duration": "--duration"][error.location]
            let location = flag.map { "\($0) (\(error.location))" } ?? "scenario '\(scenario.name)', \(error.location)"
            throw fail(.badInput, "\(location): \(error.problem); \(error.remedy)")
        }
        if !insist {
            do throws(ConfigurationError) {
                try RunBudget(for: scenario).check(memoryAvailable: Double(ProcessInfo.processInfo.physicalMemory))
            } catch {
                throw fail(.badInput, "scenario '\(scenario.name)', \(error.location): \(error.problem); \(error.remedy)")
            }
        }
        let runner = ScenarioRunner(scenario: scenario, seed: seed, interleavingSeed: interleavingSeed, mode: mode,
                                    extraThresholds: thresholdTexts, traceFile: trace ? "\(out)/trace.jsonl" : nil,
                                    command: reproduction(scenario), allocator: Allocator.name)
        do throws(ConfigurationError) {
            _ = try runner.thresholds(adding: thresholdTexts)
        } catch {
            throw fail(.badInput, error.description)
        }
        try prepareOutputFolder()
        Interruption.install()

        let result: RunResult
        do throws(ScenarioRunner.Failure) {
            let progress = quiet ? nil : ProgressReporter(load: scenario.duration, interval: progressInterval)
            defer { progress?.finish() }
            result = try runner.run { state in
                progress?.show(state)
                return Interruption.isRequested()
            }
        } catch {
            switch error {
            case .trace(let problem): throw fail(.badInput, "\(problem.description); choose a writable --out folder")
            case .engine(.interrupted(let at)):
                throw fail(.interrupted, "\(EngineError.interrupted(at: at)); no reports were written")
            case .engine(let problem):
                throw fail(.internalError, problem.description + "\nreproduce with: \(reproduction(scenario))")
            }
        }

        let summary = result.summary
        do {
            try AtomicFile.write(JUnitReport.xml(for: summary), to: "\(out)/junit.xml")
            try AtomicFile.write(MarkdownSummary.text(for: summary), to: "\(out)/summary.md")
            try AtomicFile.write(LatencyTable.csv(for: summary), to: "\(out)/latency.csv")
            try AtomicFile.write(TimeSeriesTable.csv(for: result.timeSeries), to: "\(out)/timeseries.csv")
            try AtomicFile.write(HTMLReport.html(for: result), to: "\(out)/report.html")
            try AtomicFile.write(try summary.jsonText(), to: "\(out)/summary.json")
        } catch {
            throw fail(.internalError, "\(error)")
        }
        let violations = summary.violations
        if !quiet { printSummary(summary, violations: violations) }
        if !violations.isEmpty { throw ExitStatus.guaranteeViolated.exitCode }
        if summary.thresholds.contains(where: { !$0.passed }) { throw ExitStatus.thresholdBreached.exitCode }
    }

    private func prepareOutputFolder() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { throw fail(.badInput, "--out \(out): is a file, not a folder; give a folder path") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw fail(.badInput, "--out \(out): cannot create the folder (\(error.localizedDescription)); give a writable path")
        }
    }

    private func reproduction(_ scenario: any Scenario) -> String {
        "simrun run \(self.scenario) --seed \(seed)"
            + (interleavingSeed.map { " --interleaving-seed \($0)" } ?? "")
            + " --mode \(mode.rawValue) --clients \(scenario.clients) --duration \(DurationText.format(scenario.duration))"
            + (system.map { " --system '\($0)'" } ?? "")
            + overrides.map { " --set '\($0)'" }.joined()
            + thresholdTexts.map { " --threshold '\($0)'" }.joined()
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
        FileHandle.standardError.write(Data("simrun: \(message)\n".utf8))
        return status.exitCode
    }
}

extension RunMode: ExpressibleByArgument {}
