#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif
public import SimCheckers
public import SimMetrics

/// The result of a search over seeds, as `explore.json` holds it: every seed's run, the
/// failures grouped by guarantee and by threshold (each with its first seed and the commands
/// that reproduce and shrink it), the thresholds judged over all the seeds, and the merged
/// latency histograms.
///
/// Shards of one search merge into the same summary as the whole search run on one machine:
/// the runs are put together by seed and everything else is derived from them and from the
/// histograms, which add up exactly (``merged(_:)``).
///
/// ```swift
/// let summary = ExplorationSummary(scenario: "race-demo", …, runs: runs, histograms: merged, …)
/// print(summary.groups.first?.command ?? "no failures")
/// ```
public struct ExplorationSummary: Codable, Equatable, Sendable, JSONReport {
    /// The version of this layout.
    public static let currentSchemaVersion = 1

    public var schemaVersion = ExplorationSummary.currentSchemaVersion
    public var scenario: String
    /// The seeds asked for, as written (`1..1000`).
    public var seeds: String
    /// The shards whose runs this summary holds (`0/1` for a whole search on one machine).
    public var shards: [String]
    /// Whether each seed drew its own faults and parameters.
    public var swarm: Bool
    /// Runs that ran at once.
    public var jobs: Int
    /// The wall time of the search (of its longest shard, once merged).
    public var wallSeconds: Double
    /// Whether the search stopped at its first failure, leaving later seeds unrun.
    public var stoppedEarly: Bool
    /// How thresholds are judged: `each` (seed by seed, with `allowedBreaches`) or `merged`.
    public var thresholdJudgement: String
    public var allowedBreaches: Int
    /// Every guarantee the runs were checked for, in the order runs report them.
    public var guarantees: [String]
    /// Every seed run, ascending.
    public var runs: [SeedRun]
    /// The failures, guarantees first, then thresholds, each in order of its first seed.
    public var groups: [FailureGroup]
    /// Each threshold over all the seeds.
    public var thresholds: [ThresholdOverSeeds]
    /// Message counts summed over the seeds.
    public var messages: RunSummary.Messages
    /// Every latency metric's histogram, merged over the seeds.
    public var histograms: RunHistograms
    /// `fail` when a seed violated a guarantee or a threshold failed over the seeds.
    public var verdict: Verdict
    /// The resolved scenario the seeds ran (before any swarm draw).
    public var config: JSONValue?

    /// How a search judges its thresholds.
    public enum Judgement: String, Sendable {
        /// Seed by seed: the search fails a threshold when more than the allowed seeds breach it.
        case each
        /// On the merged histograms and summed counts of every seed.
        case merged
    }

    /// Summarises a search from its runs and merged histograms.
    ///
    /// - Parameters:
    ///   - thresholds: the thresholds every run was judged by, parsed, to judge the merged data.
    public init(scenario: String, seeds: String, shards: [String], swarm: Bool, jobs: Int, wallSeconds: Double,
                stoppedEarly: Bool, judgement: Judgement, allowedBreaches: Int, guarantees: [String], runs: [SeedRun],
                histograms: RunHistograms, thresholds: [Threshold], config: JSONValue?) {
        self.scenario = scenario
        self.seeds = seeds
        self.shards = shards
        self.swarm = swarm
        self.jobs = jobs
        self.wallSeconds = wallSeconds
        self.stoppedEarly = stoppedEarly
        thresholdJudgement = judgement.rawValue
        self.allowedBreaches = allowedBreaches
        self.guarantees = guarantees
        let runs = runs.sorted { $0.seed < $1.seed }
        let totals = Self.total(of: runs)
        self.runs = runs
        self.histograms = histograms
        self.config = config
        messages = totals
        groups = Self.groups(of: runs)
        let latency = histograms.summaries
        let seconds = runs.reduce(0) { $0 + $1.virtualSeconds }
        let judged = thresholds.map { threshold in
            let breaches = runs.filter { run in run.thresholds.contains { $0.condition == threshold.text && !$0.passed } }.count
            let observed = threshold.observed(latency: latency, messages: totals, seconds: seconds)
            let mergedPassed = threshold.holds(for: observed)
            return ThresholdOverSeeds(metric: threshold.metricName, condition: threshold.text, breaches: breaches,
                                      seeds: runs.count, allowedBreaches: allowedBreaches, mergedObserved: observed,
                                      unit: threshold.unit,
                                      mergedPassed: mergedPassed,
                                      passed: judgement == .merged ? mergedPassed : breaches <= allowedBreaches)
        }
        self.thresholds = judged
        verdict = runs.contains { !$0.violated.isEmpty } || judged.contains { !$0.passed } ? .fail : .pass
    }

    /// Whether any seed violated a guarantee.
    public var violatedGuarantees: Bool { groups.contains { $0.kind == .guarantee } }

    /// The failure groups of `runs`: per violated guarantee, then per breached threshold.
    private static func groups(of runs: [SeedRun]) -> [FailureGroup] {
        var guarantees: [String: [SeedRun]] = [:]
        var thresholds: [String: [SeedRun]] = [:]
        for run in runs {
            for invariant in run.violated { guarantees[invariant.name, default: []].append(run) }
            for threshold in run.thresholds where !threshold.passed { thresholds[threshold.condition, default: []].append(run) }
        }
        func group(_ kind: FailureGroup.Kind, _ name: String, _ failing: [SeedRun], detail: (SeedRun) -> String) -> FailureGroup {
            let first = failing[0]
            return FailureGroup(kind: kind, name: name, seeds: failing.map(\.seed), firstFailure: detail(first),
                                command: first.command)
        }
        let byFirstSeed: ((key: String, value: [SeedRun]), (key: String, value: [SeedRun])) -> Bool = {
            ($0.value[0].seed, $0.key) < ($1.value[0].seed, $1.key)
        }
        return guarantees.sorted(by: byFirstSeed).map { name, failing in
            group(.guarantee, name, failing) { run in
                let invariant = run.violated.first { $0.name == name }
                return "\(invariant?.violations ?? 0) violation(s); first: \(invariant?.firstViolation ?? "not recorded")"
            }
        } + thresholds.sorted(by: byFirstSeed).map { condition, failing in
            group(.threshold, condition, failing) { run in
                let result = run.thresholds.first { $0.condition == condition }
                return "observed \(result?.observedText ?? "nothing") against \(condition)"
            }
        }
    }

    /// Message counts summed over `runs`.
    private static func total(of runs: [SeedRun]) -> RunSummary.Messages {
        runs.reduce(MessageCounts()) { $0 + $1.messages }
    }

    /// The summary of several searches of one scenario (the shards of one search, say): their
    /// runs together, the histograms added up, and everything else derived again.
    ///
    /// - Throws: ``MergeError`` when they ran different scenarios, or one seed to different
    ///   traces.
    public static func merged(_ parts: [ExplorationSummary], thresholds: [Threshold]) throws(MergeError) -> ExplorationSummary {
        guard let first = parts.first else { throw .nothingToMerge }
        var runs: [UInt64: SeedRun] = [:]
        var histograms = RunHistograms(latency: [:])
        for part in parts {
            guard part.scenario == first.scenario else { throw .differentScenarios(first.scenario, part.scenario) }
            for run in part.runs {
                if let earlier = runs[run.seed], earlier.traceHash != run.traceHash {
                    throw .seedDisagrees(seed: run.seed, earlier.traceHash, run.traceHash)
                }
                runs[run.seed] = run
            }
            histograms.merge(part.histograms)
        }
        let judgement = Judgement(rawValue: first.thresholdJudgement) ?? .each
        return ExplorationSummary(
            scenario: first.scenario, seeds: Array(Set(parts.map(\.seeds))).sorted().joined(separator: ", "),
            shards: parts.flatMap(\.shards).sorted(), swarm: first.swarm, jobs: parts.map(\.jobs).max() ?? 1,
            wallSeconds: parts.map(\.wallSeconds).max() ?? 0, stoppedEarly: parts.contains(where: \.stoppedEarly),
            judgement: judgement, allowedBreaches: first.allowedBreaches,
            guarantees: parts.max { $0.guarantees.count < $1.guarantees.count }?.guarantees ?? [], runs: Array(runs.values),
            histograms: histograms,
            thresholds: thresholds, config: first.config)
    }

    /// Why summaries cannot be merged.
    public enum MergeError: Error, Equatable, Sendable, CustomStringConvertible {
        case nothingToMerge
        case differentScenarios(String, String)
        case seedDisagrees(seed: UInt64, String, String)

        public var description: String {
            switch self {
            case .nothingToMerge: "nothing to merge"
            case .differentScenarios(let first, let other):
                "the results are of different scenarios ('\(first)' and '\(other)'); merge the results of one scenario"
            case .seedDisagrees(let seed, let first, let other):
                "seed \(seed) ran to trace \(first) in one result and \(other) in another: they ran different "
                    + "configurations; merge the results of one search"
            }
        }
    }


    /// Reads `explore.json`.
    public static func decode(_ data: Data) throws -> ExplorationSummary {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ExplorationSummary.self, from: data)
    }
}
