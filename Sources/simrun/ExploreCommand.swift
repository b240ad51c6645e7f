import ArgumentParser
import Foundation
import Scenarios
import SimMetrics
import SimReports
import SimRuntime
import SimSupport

/// `simrun explore SCENARIO --seeds 1..1000`: runs a scenario at many seeds on every core,
/// groups what failed, shrinks each failure, and writes `explore.json`, `explore.md` and
/// `junit.xml`.
struct ExploreCommand: ParsableCommand, Sendable {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Run a scenario at many seeds, group the failures and shrink each.",
        discussion: """
            Each seed runs as 'simrun run SCENARIO --seed N' does, several at once. Failures are grouped by \
            guarantee and by threshold, each with its first seed and the commands that reproduce and shrink it. \
            Exit code: the worst over the seeds (2 a guarantee violated, 1 a threshold failed over the seeds).
            """
    )

    @OptionGroup var options: ScenarioOptions

    @Option(help: ArgumentHelp("The seeds to run: a range such as 1..1000, or one seed.", valueName: "first..last"))
    var seeds: String = "1..100"

    @Option(help: "Runs at once (default: one per core).")
    var jobs: Int = Engine.coreCount

    @Flag(help: "Let each seed draw faults and parameters from the scenario's swarm block.")
    var swarm = false

    @Flag(help: "Stop at the first failing seed: later seeds are not run, earlier ones all are.")
    var stopOnFirst = false

    @Option(help: ArgumentHelp("Run every N-th seed, starting with the I-th (from 0): one of N machines sharing the search.",
                               valueName: "I/N"))
    var shard: String = "0/1"

    @Option(help: ArgumentHelp("Seeds that may breach each threshold before the search fails it (judged seed by seed).",
                               valueName: "K"))
    var allowedBreaches: Int = 0

    @Flag(help: "Judge thresholds on the merged histograms and counts of all the seeds instead of seed by seed.")
    var merged = false

    @Flag(help: "Do not shrink the failures.")
    var noShrink = false

    @Option(help: "Runs a shrink may try for each failure.")
    var shrinkBudget: Int = ScenarioShrinker.defaultBudget

    @Option(help: "The folder that receives the reports; created if missing.")
    var out: String = "reports/explore"

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    /// The most seeds one explore runs; more are shared among machines with `--shard`.
    static let mostSeedsPerShard: UInt64 = 1_000_000

    /// The files a search writes into `--out`.
    static let reportNames = ["explore.json", "explore.md", "junit.xml"]

    func run() throws {
        try Blocking.wait { try await search() }
    }

    private func search() async throws {
        let scenario = try options.resolve()
        let range: SeedRange
        let shard: Shard
        do throws(ConfigurationError) {
            range = try SeedRange(parsing: seeds)
            shard = try Shard(parsing: self.shard)
        } catch {
            throw ExitStatus.badInput.reported(error.description)
        }
        guard (1...1_024).contains(jobs) else { throw ExitStatus.badInput.reported("--jobs \(jobs): give 1 to 1,024 runs at once") }
        guard allowedBreaches >= 0 else { throw ExitStatus.badInput.reported("--allowed-breaches \(allowedBreaches): give 0 or more") }
        let thresholds = try parsedThresholds(for: scenario)
        let folder = try ReportFolder(out, names: Self.reportNames) { $0.hasPrefix("minimal-") && $0.hasSuffix(".yaml") }
        Interruption.install(cleaning: out)

        // Each seed's result is kept (about a kilobyte) and written to explore.json.
        guard range.count / UInt64(shard.count) < Self.mostSeedsPerShard else {
            throw ExitStatus.badInput.reported("--seeds \(range) --shard \(shard): more than \(Self.mostSeedsPerShard) seeds for one "
                                               + "machine; split the search with --shard I/N")
        }
        let seedsToRun = range.seeds(in: shard)
        let explorer = SeedExplorer(scenario: scenario, seeds: seedsToRun, jobs: jobs, swarm: swarm, stopOnFirst: stopOnFirst,
                                    extraThresholds: options.thresholdTexts, command: { reproduction(seed: $0, scenario) })
        if !quiet {
            print("explore \(scenario.name): seeds \(range) shard \(shard), \(seedsToRun.count) to run, \(jobs) at once"
                  + (swarm ? ", swarm" : "") + (stopOnFirst ? ", stopping at the first failure" : ""))
        }
        let start = ContinuousClock.now
        let outcome: SeedExplorer.Outcome
        do throws(SeedExplorer.Failure) {
            outcome = try await explorer.run(
                monitor: { _, _ in Interruption.isRequested() },
                finished: { [quiet] run, count in
                    guard !quiet, run.verdict == .fail else { return }
                    let failed = run.violated.map(\.name) + run.thresholds.filter { !$0.passed }.map(\.condition)
                    print("  seed \(run.seed): FAIL \(failed.joined(separator: ", "))  (\(count) run)")
                })
        } catch {
            switch error {
            case .engine(_, .interrupted(let at)) where Interruption.isRequested():
                throw folder.interrupted("\(Interruption.signalName) at virtual time \(at)")
            case .engine(let seed, let problem):
                throw ExitStatus.internalError.reported("seed \(seed): \(problem.description)\nreproduce with: "
                                                        + reproduction(seed: seed, scenario))
            case .invalidDraw(let seed, let problem):
                throw ExitStatus.badInput.reported("seed \(seed) drew an invalid scenario from its swarm block: "
                                                   + "\(problem.description)")
            }
        }
        let elapsed = start.duration(to: .now)
        let summary = ExplorationSummary(
            scenario: scenario.name, seeds: range.description, shards: [shard.description], swarm: swarm, jobs: jobs,
            wallSeconds: elapsed.inSeconds, stoppedEarly: outcome.stoppedEarly,
            judgement: merged ? .merged : .each, allowedBreaches: allowedBreaches, guarantees: outcome.guarantees,
            runs: outcome.runs, histograms: outcome.histograms, thresholds: thresholds,
            config: try? JSONValue(encoding: scenario))

        var shrinks: [(label: String, report: ShrinkReport)] = []
        if !noShrink {
            for group in summary.groups {
                guard let failure = ShrinkTarget(label: group.label) else { continue }
                if !quiet { print("  shrinking \(group.label) from seed \(group.seeds[0]) …") }
                let base = swarm ? scenario.swarmed(seed: group.seeds[0]) : scenario
                let shrinker = ScenarioShrinker(scenario: base, seed: group.seeds[0], target: failure,
                                                extraThresholds: options.thresholdTexts, budget: shrinkBudget, jobs: jobs)
                guard let report = await shrinker.run(interrupted: { Interruption.isRequested() }) else { continue }
                shrinks.append((group.label, report))
            }
        }
        var reports: [(name: String, text: () throws -> String)] = [
            ("explore.json", { try summary.jsonText() }),
            ("explore.md", { ExplorationReport.markdown(for: summary) + Self.shrinkSection(shrinks, folder: out) }),
            ("junit.xml", { ExplorationReport.junit(for: summary) }),
        ]
        for (index, shrink) in shrinks.enumerated() {
            let name = "minimal-\(index + 1).yaml"
            reports.append((name, { try ScenarioSource.text(of: shrink.report.minimal, json: false) }))
        }
        try folder.write(reports)
        if !quiet { printSummary(summary, shrinks: shrinks) }
        throw ExitStatus.worst([summary.violatedGuarantees ? .guaranteeViolated : .pass,
                                summary.thresholds.contains { !$0.passed } ? .thresholdBreached : .pass]).exitCode
    }

    /// The scenario's thresholds and the extra ones, parsed against its metrics.
    private func parsedThresholds(for scenario: ChatScenario) throws -> [Threshold] {
        do throws(ConfigurationError) {
            return try ScenarioRunner(scenario: scenario, seed: 1).thresholds(adding: options.thresholdTexts)
        } catch {
            throw ExitStatus.badInput.reported(error.description)
        }
    }

    private func reproduction(seed: UInt64, _ scenario: ChatScenario) -> String {
        "simrun run \(options.scenario) --seed \(seed)" + (swarm ? " --swarm" : "") + options.arguments(for: scenario)
    }

    /// The shrinks, as explore.md lists them.
    static func shrinkSection(_ shrinks: [(label: String, report: ShrinkReport)], folder: String) -> String {
        guard !shrinks.isEmpty else { return "" }
        var lines = ["", "## Shrunk", ""]
        for (index, shrink) in shrinks.enumerated() {
            lines.append("- `\(shrink.label)`: \(shrink.report.reduction); `simrun run \(folder)/minimal-\(index + 1).yaml "
                         + "--seed \(shrink.report.seed)` still fails it.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func printSummary(_ summary: ExplorationSummary, shrinks: [(label: String, report: ShrinkReport)]) {
        let failing = summary.runs.filter { $0.verdict == .fail }.count
        print("  seeds      \(summary.runs.count) run, \(failing) failing\(summary.stoppedEarly ? " (stopped at the first)" : "") "
              + "in \(String(format: "%.2f", summary.wallSeconds)) s wall")
        for group in summary.groups {
            print("  FAILED     \(group.label): \(group.seeds.count) seed(s), first \(group.seeds[0])")
            print("             reproduce  \(group.command)")
            if let shrink = shrinks.first(where: { $0.label == group.label }) {
                print("             shrunk     \(shrink.report.reduction)")
            }
        }
        for threshold in summary.thresholds where !threshold.passed {
            print("  SLO FAILED \(threshold.condition): breached in \(threshold.breaches) of \(threshold.seeds) seeds")
        }
        print("  verdict    \(summary.verdict.rawValue.uppercased())   reports in \(out)/")
    }
}
