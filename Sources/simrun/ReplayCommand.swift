#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation
import Scenarios
import SimReports
import SimRuntime

/// `simrun replay RUN_DIR`: reruns a recorded run exactly, from the resolved scenario and seeds
/// its `summary.json` holds, checks that it replays to the recorded trace hash, and writes the
/// trace around its first violation.
struct ReplayCommand: ParsableCommand, Sendable {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Rerun a recorded run from its summary.json, check its trace hash, and show its first violation.",
        discussion: """
            Writes the run's reports, trace.jsonl and, when a guarantee was violated, first-violation.jsonl: the \
            trace lines around the event that showed it. Exits 70 when the replay's trace hash differs from the \
            recorded one (the build or the platform changed the run); otherwise as 'simrun run' does.
            """
    )

    @Argument(help: "A folder a run wrote its reports into (it holds summary.json).")
    var runFolder: String

    @Option(help: "The folder that receives the replay's reports (default: RUN_DIR/replay).")
    var out: String?

    @Option(help: "Trace lines to show before the first violation's event.")
    var context: Int = 20

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        try Blocking.wait { try await search() }
    }

    private func search() async throws {
        let summaryPath = "\(runFolder)/summary.json"
        guard let data = FileManager.default.contents(atPath: summaryPath) else {
            throw ExitStatus.badInput.reported("\(summaryPath): no such file; give a folder a run wrote its reports into")
        }
        let recorded: RunSummary
        do {
            recorded = try RunSummary.decode(data)
        } catch {
            throw ExitStatus.badInput.reported("\(summaryPath): not a run's summary (\(error)); give a folder 'simrun run' wrote")
        }
        guard recorded.mode == .sim else {
            throw ExitStatus.badInput.reported("\(summaryPath): a live-mode run depends on the machine's timing and cannot be "
                                               + "replayed; replay a run made in sim mode")
        }
        guard let config = recorded.config, let configData = try? JSONEncoder().encode(config) else {
            throw ExitStatus.badInput.reported("\(summaryPath): holds no resolved scenario ('config'); replay a run this "
                                               + "version of simrun wrote")
        }
        guard (0...100_000).contains(context) else { throw ExitStatus.badInput.reported("--context \(context): give 0 to 100,000 lines") }
        let scenario: ChatScenario
        do throws(ConfigurationFileError) {
            scenario = try ScenarioSource.recorded(String(decoding: configData, as: UTF8.self), file: summaryPath)
        } catch {
            throw ExitStatus.badInput.reported(error.description)
        }
        let extra = recorded.thresholds.map(\.condition).filter { !scenario.thresholds.contains($0) }
        let out = out ?? "\(runFolder)/replay"
        let folder = try ReportFolder(out, names: RunCommand.reportNames + ["first-violation.jsonl"])
        Interruption.install(cleaning: out)
        let runner = ScenarioRunner(scenario: scenario, seed: recorded.seed, interleavingSeed: recorded.interleavingSeed,
                                    extraThresholds: extra, traceFile: "\(out)/trace.jsonl", command: recorded.command,
                                    allocator: Allocator.name)
        let result: RunResult
        do throws(ScenarioRunner.Failure) {
            result = try await runner.runOnOwnThread { _ in Interruption.isRequested() }
        } catch {
            switch error {
            case .engine(.interrupted(let at)): throw folder.interrupted("\(Interruption.signalName) at virtual time \(at)")
            case .engine(let problem): throw ExitStatus.internalError.reported(problem.description)
            case .trace(let problem): throw ExitStatus.badInput.reported("\(problem.description); choose a writable --out folder")
            }
        }
        let summary = result.summary
        let matches = summary.traceHash == recorded.traceHash
        var reports = RunCommand.reports(for: result)
        let first = summary.invariants.first { $0.status == .fail }
        if let line = first?.firstLine {
            let lines = try Self.lines(of: "\(out)/trace.jsonl", around: line, before: context, after: 5)
            reports.append(("first-violation.jsonl", { lines.map(\.text).joined(separator: "\n") + "\n" }))
        }
        try folder.write(reports)
        if !quiet {
            print("replay \(recorded.scenario) seed \(recorded.seed): trace \(summary.traceHash) "
                  + (matches ? "matches the recorded run" : "DIFFERS from the recorded \(recorded.traceHash)"))
            if let first {
                print("  first violation  \(first.name): \(first.firstViolation ?? "not recorded")")
                if first.firstLine != nil { print("  trace around it  \(out)/first-violation.jsonl") }
            }
            print("  reports in \(out)/")
        }
        guard matches else {
            throw ExitStatus.internalError.reported("the replay's trace hash \(summary.traceHash) differs from the recorded "
                                                    + "\(recorded.traceHash): this build or platform runs the scenario differently")
        }
        if !summary.violations.isEmpty { throw ExitStatus.guaranteeViolated.exitCode }
        if summary.thresholds.contains(where: { !$0.passed }) { throw ExitStatus.thresholdBreached.exitCode }
    }

    /// The lines of the file at `path` from `before` lines before line `line` to `after` after
    /// it (lines count from 1), read without holding the file in memory.
    static func lines(of path: String, around line: Int, before: Int, after: Int) throws -> [(number: Int, text: String)] {
        guard let file = fopen(path, "r") else {
            throw ExitStatus.internalError.reported("\(path): cannot read the trace just written")
        }
        defer { fclose(file) }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        var number = 0
        var kept: [(number: Int, text: String)] = []
        while getline(&buffer, &capacity, file) > 0, let buffer {
            number += 1
            guard number >= line - before else { continue }
            guard number <= line + after else { break }
            var text = String(cString: buffer)
            if text.hasSuffix("\n") { text.removeLast() }
            kept.append((number, text))
        }
        return kept
    }
}
