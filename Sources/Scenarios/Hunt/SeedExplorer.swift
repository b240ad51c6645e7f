public import SimSupport
public import SimRuntime
public import SimReports
import SimCheckers
import SimMetrics

/// Runs a scenario at many seeds, several at once, and gathers what each run found: the search
/// behind `simrun explore`.
///
/// Each seed runs in an engine of its own on a thread of its own, `jobs` at a time; a run is
/// the same whichever thread runs it, so a seed's result here equals `simrun run` at that seed.
/// With `swarm`, each seed first draws its faults and parameters (``ChatScenario/swarmed(seed:)``).
///
/// With `stopOnFirst`, no seed above the lowest failing one found so far is started, and those
/// running are stopped; the seeds below it all run. So the search reports the lowest failing
/// seed of the range whatever the number of jobs, and every seed before it.
///
/// ```swift
/// let explorer = SeedExplorer(scenario: raceDemo, seeds: Array(1...1000), jobs: 2, stopOnFirst: true)
/// let outcome = try await explorer.run()
/// print(outcome.runs.first { $0.verdict == .fail }?.seed ?? 0)
/// ```
public struct SeedExplorer: Sendable {
    /// The scenario, resolved and sized.
    public var scenario: ChatScenario
    /// The seeds to run, ascending.
    public var seeds: [UInt64]
    /// Runs at once.
    public var jobs: Int
    /// Whether each seed draws its own faults and parameters.
    public var swarm: Bool
    /// Whether to stop at the first failure.
    public var stopOnFirst: Bool
    /// Thresholds besides the scenario's, in `--threshold` syntax.
    public var extraThresholds: [String]
    /// The command that reruns a seed, for the reports.
    public var command: @Sendable (UInt64) -> String

    public init(scenario: ChatScenario, seeds: [UInt64], jobs: Int, swarm: Bool = false, stopOnFirst: Bool = false,
                extraThresholds: [String] = [], command: @escaping @Sendable (UInt64) -> String = { "seed \($0)" }) {
        precondition(jobs >= 1, "a search runs at least one job")
        self.scenario = scenario
        self.seeds = seeds.sorted()
        self.jobs = jobs
        self.swarm = swarm
        self.stopOnFirst = stopOnFirst
        self.extraThresholds = extraThresholds
        self.command = command
    }

    /// What a search found.
    public struct Outcome: Sendable {
        /// Every seed run, ascending.
        public var runs: [SeedRun]
        /// Every latency metric, merged over the runs.
        public var histograms: RunHistograms
        /// The guarantees the runs were checked for.
        public var guarantees: [String]
        /// Whether the search stopped at a failure before every seed ran.
        public var stoppedEarly: Bool
    }

    /// Why a search ended without an outcome.
    public enum Failure: Error, Sendable {
        /// The scenario a seed drew is invalid (a swarm range that leaves it without clients, say).
        case invalidDraw(seed: UInt64, ConfigurationError)
        /// A seed's run could not finish: work escaped, it stalled, or it was interrupted.
        case engine(seed: UInt64, EngineError)
    }

    /// Runs the seeds and returns what they found.
    ///
    /// - Parameters:
    ///   - monitor: asked now and then during each run, with its seed and progress; answering
    ///     true interrupts the search (a signal, a run that ran away). It must not touch the model.
    ///   - finished: called once per seed run, as each finishes, with the runs so far.
    /// - Throws: ``Failure`` for the first seed that could not run.
    public func run(monitor: @escaping @Sendable (UInt64, RunProgress) -> Bool = { _, _ in false },
                    finished: @escaping @Sendable (SeedRun, Int) -> Void = { _, _ in }) async throws(Failure) -> Outcome {
        let search = Search(seeds: seeds, stopOnFirst: stopOnFirst)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<Swift.min(jobs, seeds.count) {
                group.addTask { await work(on: search, monitor: monitor, finished: finished) }
            }
        }
        return try search.outcome()
    }

    /// Takes seeds from `search` and runs them until none is left.
    private func work(on search: Search, monitor: @escaping @Sendable (UInt64, RunProgress) -> Bool,
                      finished: @escaping @Sendable (SeedRun, Int) -> Void) async {
        while let seed = search.next() {
            let drawn = swarm ? scenario.swarmed(seed: seed) : scenario
            do throws(ConfigurationError) {
                try drawn.validate()
            } catch {
                search.fail(.invalidDraw(seed: seed, error))
                continue
            }
            let runner = ScenarioRunner(scenario: drawn, seed: seed, extraThresholds: extraThresholds, command: command(seed))
            let result: RunResult
            do throws(ScenarioRunner.Failure) {
                result = try await runner.runOnOwnThread { progress in search.isPassed(seed) || monitor(seed, progress) }
            } catch {
                // A seed stopped because a lower one failed is simply not part of the search.
                guard !search.isPassed(seed) else { continue }
                switch error {
                case .engine(let problem): search.fail(.engine(seed: seed, problem))
                case .trace: preconditionFailure("a search writes no trace")
                }
                continue
            }
            let run = SeedRun(summary: result.summary, faults: drawn.faults.map(\.kind.rawValue))
            let count = search.record(run, histograms: result.histograms, guarantees: result.summary.invariants.map(\.name))
            finished(run, count)
        }
    }

    /// The state the jobs of a search share, under one lock.
    private final class Search: Sendable {
        private struct State {
            var next = 0
            var lowestFailure: UInt64?
            var runs: [SeedRun] = []
            var histograms = RunHistograms(latency: [:])
            /// With `stopOnFirst`, each run's buckets, merged at the end for the runs kept.
            var buckets: [UInt64: [String: [LatencyBucket]]] = [:]
            var guarantees: [String] = []
            var failure: Failure?
        }

        private let seeds: [UInt64]
        private let stopOnFirst: Bool
        private let state = Guarded(State())

        init(seeds: [UInt64], stopOnFirst: Bool) {
            self.seeds = seeds
            self.stopOnFirst = stopOnFirst
        }

        /// The next seed to run, if any is left and none below it failed a search that stops.
        func next() -> UInt64? {
            state.withLock { state in
                guard state.failure == nil, state.next < seeds.count else { return nil }
                let seed = seeds[state.next]
                if stopOnFirst, let lowest = state.lowestFailure, seed > lowest { return nil }
                state.next += 1
                return seed
            }
        }

        /// Whether a lower seed failed, so that `seed` need not run (with `stopOnFirst`), or the
        /// search already failed.
        func isPassed(_ seed: UInt64) -> Bool {
            state.withLock { state in
                state.failure != nil || (stopOnFirst && (state.lowestFailure.map { seed > $0 } ?? false))
            }
        }

        /// Keeps a finished run; returns how many runs are kept.
        func record(_ run: SeedRun, histograms: RunHistograms, guarantees: [String]) -> Int {
            state.withLock { state in
                state.runs.append(run)
                if stopOnFirst {
                    state.buckets[run.seed] = histograms.latency.mapValues(\.buckets)
                } else {
                    state.histograms.merge(histograms)
                }
                if state.guarantees.isEmpty { state.guarantees = guarantees }
                if run.verdict == .fail { state.lowestFailure = Swift.min(state.lowestFailure ?? .max, run.seed) }
                return state.runs.count
            }
        }

        /// Ends the search with `failure`, unless it already ended with one of a lower seed.
        func fail(_ failure: Failure) {
            state.withLock { state in
                if let earlier = state.failure, earlier.seed < failure.seed { return }
                state.failure = failure
            }
        }

        func outcome() throws(Failure) -> Outcome {
            let state = state.withLock { $0 }
            if let failure = state.failure { throw failure }
            var runs = state.runs.sorted { $0.seed < $1.seed }
            var histograms = state.histograms
            if stopOnFirst {
                if let lowest = state.lowestFailure { runs.removeAll { $0.seed > lowest } }
                for run in runs {
                    histograms.merge(RunHistograms(latency: state.buckets[run.seed, default: [:]].mapValues(LatencyHistogram.init)))
                }
            }
            return Outcome(runs: runs, histograms: histograms, guarantees: state.guarantees, stoppedEarly: runs.count < seeds.count)
        }
    }
}

extension SeedExplorer.Failure {
    /// The seed that failed.
    var seed: UInt64 {
        switch self {
        case .invalidDraw(let seed, _), .engine(let seed, _): seed
        }
    }
}
