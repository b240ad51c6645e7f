import ArgumentParser
import Foundation
import Scenarios
import SimReports
import SimRuntime

/// `simrun shrink SCENARIO --seed N`: from a scenario that fails at a seed, finds a much
/// smaller one that still fails the same way, and writes it as `minimal.yaml`.
struct ShrinkCommand: ParsableCommand, Sendable {
    static let configuration = CommandConfiguration(
        commandName: "shrink",
        abstract: "Shrink a failing scenario to a minimal one that still fails the same way at the same seed.",
        discussion: """
            Tries fewer clients and rooms, a shorter run, fewer and shorter faults, lower load, features switched \
            off and simpler distributions, one at a time, keeping each that still fails. Writes minimal.yaml, which \
            'simrun run OUT/minimal.yaml --seed N' reproduces, and shrink.md. Exits 2 (or 1 for a threshold) when \
            the scenario fails at the seed, 0 when it does not fail there.
            """
    )

    @OptionGroup var options: ScenarioOptions

    @Option(help: "The seed the scenario fails at.")
    var seed: UInt64

    @Option(help: ArgumentHelp("The guarantee to keep failing (default: the run's first failure).", valueName: "name"))
    var guarantee: String?

    @Option(help: ArgumentHelp("A threshold to keep breaching, as written, instead of a guarantee.", valueName: "slo"))
    var breached: String?

    @Flag(help: "Shrink the scenario the seed draws from its swarm block, as 'explore --swarm' ran it.")
    var swarm = false

    @Option(help: "The most runs the shrink may make.")
    var budget: Int = ScenarioShrinker.defaultBudget

    @Option(help: "Seeds each reduction may be tried at when none keeps the failure at the current seed: it and the next ones.")
    var tries: Int = ScenarioShrinker.defaultTries

    @Option(help: "Runs at once (default: one per core).")
    var jobs: Int = Engine.coreCount

    @Option(help: "The folder that receives minimal.yaml and shrink.md; created if missing.")
    var out: String = "reports/shrink"

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        try Blocking.wait { try await search() }
    }

    private func search() async throws {
        let resolved = try options.resolve()
        let scenario = swarm ? resolved.swarmed(seed: seed) : resolved
        try ScenarioOptions.check(scenario, insist: options.insist)
        guard guarantee == nil || breached == nil else {
            throw ExitStatus.badInput.reported("--guarantee and --breached: give one failure to keep, not both")
        }
        guard (1...100_000).contains(budget) else { throw ExitStatus.badInput.reported("--budget \(budget): give 1 to 100,000 runs") }
        guard (1...1_000).contains(tries) else { throw ExitStatus.badInput.reported("--tries \(tries): give 1 to 1,000 seeds") }
        guard (1...1_024).contains(jobs) else { throw ExitStatus.badInput.reported("--jobs \(jobs): give 1 to 1,024 runs at once") }
        let folder = try ReportFolder(out, names: ["minimal.yaml", "shrink.md"])
        Interruption.install(cleaning: out)

        let target: ShrinkTarget
        if let guarantee {
            target = .guarantee(guarantee)
        } else if let breached {
            target = .threshold(breached)
        } else {
            let runner = ScenarioRunner(scenario: scenario, seed: seed, extraThresholds: options.thresholdTexts)
            guard let summary = try? await runner.runOnOwnThread(monitor: { _ in Interruption.isRequested() }).summary else {
                throw interruptedOrFailed(folder)
            }
            guard let first = ShrinkTarget(firstFailureOf: summary) else {
                if !quiet { print("\(scenario.name) passes at seed \(seed): nothing to shrink") }
                return
            }
            target = first
        }
        if !quiet { print("shrink \(scenario.name) at seed \(seed), keeping \(target) failing (at most \(budget) runs)") }
        let shrinker = ScenarioShrinker(scenario: scenario, seed: seed, target: target, extraThresholds: options.thresholdTexts,
                                        budget: budget, tries: tries, jobs: jobs)
        guard let report = await shrinker.run(interrupted: { Interruption.isRequested() }) else {
            if Interruption.isRequested() { throw interruptedOrFailed(folder) }
            if !quiet { print("\(scenario.name) does not fail \(target) at seed \(seed): nothing to shrink") }
            return
        }
        if Interruption.isRequested() { throw interruptedOrFailed(folder) }
        try folder.write([
            ("minimal.yaml", { try ScenarioSource.text(of: report.minimal, json: false) }),
            ("shrink.md", { Self.markdown(report, folder: out) }),
        ])
        if !quiet {
            print("  shrunk     \(report.reduction)")
            print("  reproduce  simrun run \(out)/minimal.yaml --seed \(seed)")
        }
        throw (target.isGuarantee ? ExitStatus.guaranteeViolated : .thresholdBreached).exitCode
    }

    private func interruptedOrFailed(_ folder: ReportFolder) -> ExitCode {
        if Interruption.isRequested() { return folder.interrupted(Interruption.signalName) }
        return ExitStatus.internalError.reported("the run at seed \(seed) could not finish; run it with 'simrun run' to see why")
    }

    /// `shrink.md`: what was kept failing, the reduction, and each step.
    static func markdown(_ report: ShrinkReport, folder: String) -> String {
        ([
            "# simrun shrink \(report.original.name) at seed \(report.seed)",
            "",
            "Keeps \(report.target) failing. \(report.reduction).",
            "",
            "Reproduce: `simrun run \(folder)/minimal.yaml --seed \(report.seed)`",
            "",
            "## Reductions kept",
            "",
        ] + report.steps.enumerated().map { "\($0.offset + 1). \($0.element)" }).joined(separator: "\n") + "\n"
    }
}
