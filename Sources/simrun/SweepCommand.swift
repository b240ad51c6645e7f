import ArgumentParser
import Foundation
import Scenarios
import SimMetrics
import SimReports
import SimRuntime
import SimSupport

/// `simrun sweep SCENARIO --vary clients=A..B [--vary KEY=C..D]`: capacity planning. Searches
/// for the knee, the largest load at which every SLO and guarantee still holds on every seed,
/// by bisection, and names the station nearest saturation there; with a second `--vary`, once
/// for each of its values (nodes, say).
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Search for the largest load at which every SLO holds, and name the bottleneck there.",
        discussion: """
            The first --vary is the load searched, by bisection, assuming more of it never helps: a point passes \
            when every seed meets every threshold and holds every guarantee. A second --vary repeats the search for \
            each of its values (at most 16). Any key 'simrun explain' shows may be varied, clients included. Writes \
            sweep.json, sweep.csv, sweep.md and sweep.html. Exit 0 when a knee was found or the whole range \
            passes, 1 when even the lowest load fails, 64 on bad input.
            """
    )

    @OptionGroup var options: ScenarioOptions

    @Option(name: .customLong("vary"),
            help: ArgumentHelp("A parameter and its range, KEY=A..B: the load first, such as clients=1000..50000.",
                               valueName: "KEY=A..B"))
    var varied: [String] = []

    @Option(help: "Seeds run at each point (seeds 1 to K).")
    var seeds: Int = 3

    @Option(help: "Runs at once (default: one per core).")
    var jobs: Int = Engine.coreCount

    @Option(help: ArgumentHelp("How close the search comes to the knee, in percent of the range's top.", valueName: "PERCENT"))
    var resolution: Double = 2

    @Option(help: "The folder that receives the reports; created if missing.")
    var out: String = "reports/sweep"

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    static let reportNames = ["sweep.json", "sweep.csv", "sweep.md", "sweep.html"]
    /// The most values a second --vary may take.
    static let mostLevels = 16

    func run() throws {
        try Blocking.wait { try await sweep() }
    }

    private func sweep() async throws {
        guard (1...2).contains(varied.count) else {
            throw ExitStatus.badInput.reported("--vary: give the load to search, such as --vary clients=1000..50000, and at most one more")
        }
        let load = try Self.parse(varied[0])
        let other = try varied.dropFirst().first.map(Self.parse)
        if let other, other.range.count > Self.mostLevels {
            throw ExitStatus.badInput.reported("--vary \(varied[1]): at most \(Self.mostLevels) values; narrow the range")
        }
        guard (1...1_000).contains(seeds) else { throw ExitStatus.badInput.reported("--seeds \(seeds): give 1 to 1,000 seeds a point") }
        guard (1...1_024).contains(jobs) else { throw ExitStatus.badInput.reported("--jobs \(jobs): give 1 to 1,024 runs at once") }
        guard resolution > 0, resolution <= 50 else {
            throw ExitStatus.badInput.reported("--resolution \(resolution): give a percentage above 0 and at most 50")
        }
        // The scenario must resolve at both ends of the ranges before anything runs.
        for value in [load.range.lowerBound, load.range.upperBound] {
            for fixed in [other?.range.lowerBound, other?.range.upperBound] {
                _ = try scenario((load.key, value), other: fixed.map { (other!.key, $0) })
            }
        }
        let folder = try ReportFolder(out, names: Self.reportNames)
        Interruption.install(cleaning: out)
        let base = try options.resolve()
        let thresholds = try parsedThresholds(for: base)
        let step = Swift.max(1, Int((Double(load.range.upperBound) * resolution / 100).rounded()))
        var levels: [SweepLevel] = []
        for fixed in other.map({ Array($0.range) }) ?? [0] {
            let setting = other.map { ($0.key, fixed) }
            var search = KneeSearch(range: load.range, resolution: step)
            var points: [SweepPoint] = []
            while let value = search.next() {
                let point = try await run(scenario((load.key, value), other: setting), value: value, folder: folder)
                if !quiet { print(progressLine(point, key: load.key, setting: setting)) }
                search.record(value, passed: point.passed)
                points.append(point)
            }
            let (outcome, knee, failing): (SweepLevel.Outcome, Int?, Int?) = switch search.outcome {
            case .below: (.below, nil, load.range.lowerBound)
            case .above: (.above, load.range.upperBound, nil)
            case .within(let knee, let firstFailing): (.within, knee, firstFailing)
            }
            levels.append(SweepLevel(fixed: setting.map { "\($0.0)=\($0.1)" }, parameter: load.key, points: points,
                                     outcome: outcome, knee: knee, firstFailing: failing, thresholds: thresholds.map(\.text)))
        }
        let summary = SweepSummary(scenario: base.name, parameter: load.key, range: "\(load.range.lowerBound)..\(load.range.upperBound)",
                                   seeds: seeds, thresholds: thresholds.map(\.text), levels: levels)
        let limits = thresholds.compactMap { threshold -> (label: String, milliseconds: Double)? in
            guard case .latency(let metric, _) = threshold.measure, metric == "message_delivery" else { return nil }
            return ("SLO \(threshold.text)", threshold.limit)
        }
        try folder.write([
            ("sweep.json", { try summary.jsonText() }),
            ("sweep.csv", { summary.csv }),
            ("sweep.md", { summary.markdown }),
            ("sweep.html", { summary.html(limits: limits) }),
        ])
        if !quiet {
            for level in levels { print("  " + level.answer) }
            print("  reports in \(out)/")
        }
        if levels.contains(where: { $0.outcome == .below }) { throw ExitStatus.thresholdBreached.exitCode }
    }

    /// What a point found, as the sweep prints it while it goes.
    private func progressLine(_ point: SweepPoint, key: String, setting: (String, Int)?) -> String {
        let prefix = setting.map { "\($0.0)=\($0.1)  " } ?? ""
        let verdict = point.passed ? "pass" : "FAIL"
        let latency = point.deliveryP99Ms.map { "  p99 " + DecimalText.fixed($0, digits: 2) + " ms" } ?? ""
        let busiest = point.bottleneck.map { "  busiest " + $0.name + " ρ " + DecimalText.fixed($0.utilization, digits: 2) } ?? ""
        return "  " + prefix + "\(key)=\(point.value): " + verdict + latency + busiest
    }

    /// The scenario with the load parameter and the other one (if any) at their settings.
    private func scenario(_ load: (String, Int), other: (String, Int)?) throws -> ChatScenario {
        var options = self.options
        options.overrides += ["\(load.0)=\(load.1)"] + (other.map { ["\($0.0)=\($0.1)"] } ?? [])
        return try options.resolve()
    }

    /// Runs the seeds at one point.
    private func run(_ scenario: ChatScenario, value: Int, folder: ReportFolder) async throws -> SweepPoint {
        let explorer = SeedExplorer(scenario: scenario, seeds: Array(1...UInt64(seeds)), jobs: jobs,
                                    extraThresholds: options.thresholdTexts,
                                    command: { "simrun run \(options.scenario) --seed \($0)" + options.arguments(for: scenario) })
        let outcome: SeedExplorer.Outcome
        do throws(SeedExplorer.Failure) {
            outcome = try await explorer.run(monitor: { _, _ in Interruption.isRequested() })
        } catch {
            switch error {
            case .engine(_, .interrupted(let at)) where Interruption.isRequested():
                throw folder.interrupted("\(Interruption.signalName) at virtual time \(at)")
            case .engine(let seed, let problem):
                throw ExitStatus.internalError.reported("seed \(seed) at \(value): \(problem.description)")
            case .invalidDraw(let seed, let problem):
                throw ExitStatus.badInput.reported("seed \(seed) at \(value): \(problem.description)")
            }
        }
        let thresholds = try parsedThresholds(for: scenario)
        let result = ExplorationSummary(
            scenario: scenario.name, seeds: "1..\(seeds)", shards: ["0/1"], swarm: false, jobs: jobs, wallSeconds: 0,
            stoppedEarly: false, judgement: .each, allowedBreaches: 0, guarantees: outcome.guarantees, runs: outcome.runs,
            histograms: outcome.histograms, thresholds: thresholds, config: nil)
        return SweepPoint(value: value, result: result)
    }

    private func parsedThresholds(for scenario: ChatScenario) throws -> [Threshold] {
        do throws(ConfigurationError) {
            return try ScenarioRunner(scenario: scenario, seed: 1).thresholds(adding: options.thresholdTexts)
        } catch {
            throw ExitStatus.badInput.reported(error.description)
        }
    }

    /// `KEY=A..B` with whole numbers, 0 ≤ A ≤ B.
    static func parse(_ text: String) throws -> (key: String, range: ClosedRange<Int>) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        let bounds = parts.count == 2 ? parts[1].components(separatedBy: "..") : []
        guard parts.count == 2, !parts[0].isEmpty, bounds.count == 2,
              let low = Int(bounds[0].replacingOccurrences(of: "_", with: "")),
              let high = Int(bounds[1].replacingOccurrences(of: "_", with: "")), low >= 0, low <= high else {
            throw ExitStatus.badInput.reported("--vary '\(text)': write KEY=A..B with whole numbers A ≤ B, such as clients=1000..50000")
        }
        return (parts[0], low...high)
    }
}
