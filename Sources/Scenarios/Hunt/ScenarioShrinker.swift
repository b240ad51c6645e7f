import SimSupport
import SimModel
import SimRuntime
import SimReports

/// Delta-debugs a failing scenario: from a scenario and a seed at which it fails a guarantee
/// (or a threshold), finds a much smaller scenario that still fails it.
///
/// The shrink tries reductions one at a time, largest first (half the duration, half the
/// clients, a fault fewer, a habit switched off, a distribution made constant, …, see
/// ``candidates(of:)``), runs each, and keeps the first that still fails the same way with a
/// smaller run (fewer engine events); then it starts over from the smaller scenario, until no
/// reduction keeps the failure or the budget of runs is spent. The result runs back with
/// `simrun run minimal.yaml --seed N`.
///
/// A reduction changes what every seed draws, and a race needs its timing: the same seed rarely
/// shows it in a much smaller scenario. So each reduction may be tried at `tries` seeds, the
/// current one and those after it, and keeps the first at which it fails; the report gives the
/// seed the minimal scenario fails at. With one try, the seed never changes.
///
/// ```swift
/// let shrinker = ScenarioShrinker(scenario: raceDemo, seed: 4, target: .guarantee("no_duplicate_within_dedup_window"))
/// if let report = await shrinker.run() { print(report.reduction, report.seed) }
/// ```
///
/// With `jobs` above one, that many reductions are run at once and the first in order that is
/// kept wins, so the result does not depend on the number of jobs.
public struct ScenarioShrinker: Sendable {
    /// Runs a shrink tries by default.
    public static let defaultBudget = 300
    /// Seeds a reduction is tried at by default.
    public static let defaultTries = 8

    public var scenario: ChatScenario
    /// The seed the scenario fails at.
    public var seed: UInt64
    public var target: ShrinkTarget
    public var extraThresholds: [String]
    /// The most runs to make, the first included.
    public var budget: Int
    /// Seeds each reduction is tried at: the current one and the ones after it.
    public var tries: Int
    /// Runs at once.
    public var jobs: Int

    public init(scenario: ChatScenario, seed: UInt64, target: ShrinkTarget, extraThresholds: [String] = [],
                budget: Int = ScenarioShrinker.defaultBudget, tries: Int = ScenarioShrinker.defaultTries, jobs: Int = 1) {
        self.scenario = scenario
        self.seed = seed
        self.target = target
        self.extraThresholds = extraThresholds
        self.budget = budget
        self.tries = Swift.max(1, tries)
        self.jobs = Swift.max(1, jobs)
    }

    /// A run that failed the target: its seed and its engine events.
    private struct Failing: Sendable {
        var seed: UInt64
        var events: UInt64
    }

    /// Shrinks the scenario; nil when it does not fail the target at the seed to begin with.
    ///
    /// - Parameter interrupted: asked during every run; answering true ends the shrink with
    ///   what it found so far.
    public func run(interrupted: @escaping @Sendable () -> Bool = { false }) async -> ShrinkReport? {
        // Sized values are what ran: the shrink changes them directly.
        var current = scenario
        current.sizing = nil
        let spent = RunBudget(budget)
        guard let first = await failure(of: current, seeds: [seed], spent: spent, interrupted: interrupted) else { return nil }
        var kept = first
        var steps: [String] = []
        // Each round tries every reduction at the current seed, and only when none is kept, at
        // the other seeds; a kept reduction starts the next round.
        var widened = false
        search: while !interrupted() {
            let candidates = Self.candidates(of: current).filter { isRunnable($0.scenario) }
            let seeds = widened ? (1..<UInt64(tries)).map { kept.seed &+ $0 } : [kept.seed]
            let limit = kept.events
            for start in stride(from: 0, to: candidates.count, by: jobs) {
                guard spent.remains else { break search }
                let batch = Array(candidates[start..<Swift.min(start + jobs, candidates.count)])
                let outcomes = await withTaskGroup(of: (Int, Failing?).self) { group in
                    for (index, candidate) in batch.enumerated() {
                        group.addTask {
                            (index, await failure(of: candidate.scenario, seeds: seeds, smallerThan: limit, spent: spent,
                                                  interrupted: interrupted))
                        }
                    }
                    var outcomes = [Failing?](repeating: nil, count: batch.count)
                    for await (index, outcome) in group { outcomes[index] = outcome }
                    return outcomes
                }
                if let index = outcomes.firstIndex(where: { $0 != nil }), let failing = outcomes[index] {
                    current = batch[index].scenario
                    steps.append(batch[index].step + (failing.seed == kept.seed ? "" : " (at seed \(failing.seed))"))
                    kept = failing
                    widened = false
                    continue search
                }
                if interrupted() { break search }
            }
            guard !widened, tries > 1 else { break }
            widened = true
        }
        return ShrinkReport(original: scenario, minimal: current, originalSeed: seed, seed: kept.seed, target: target,
                            steps: steps, runs: spent.runs, events: (first.events, kept.events))
    }

    /// Whether `candidate` may run: valid, with thresholds its metrics can judge.
    private func isRunnable(_ candidate: ChatScenario) -> Bool {
        do throws(ConfigurationError) {
            try candidate.validate()
            _ = try ScenarioRunner(scenario: candidate, seed: seed).thresholds(adding: extraThresholds)
            return true
        } catch {
            return false
        }
    }

    /// The first of `seeds` at which `candidate` fails the target with fewer than `limit`
    /// events, counting each run in `spent` and stopping at the budget; nil if none does.
    private func failure(of candidate: ChatScenario, seeds: [UInt64], smallerThan limit: UInt64 = .max, spent: RunBudget,
                         interrupted: @escaping @Sendable () -> Bool) async -> Failing? {
        for seed in seeds {
            guard !interrupted(), spent.take() else { return nil }
            let runner = ScenarioRunner(scenario: candidate, seed: seed, extraThresholds: extraThresholds)
            guard let summary = try? await runner.runOnOwnThread(monitor: { _ in interrupted() }).summary else { return nil }
            if target.isFailed(by: summary), summary.events < limit { return Failing(seed: seed, events: summary.events) }
        }
        return nil
    }

    /// The reductions of `scenario` a shrink tries, largest first, each with a description:
    /// fewer clients, a shorter run, fewer faults, fewer rooms and nodes, less load, features
    /// switched off, simpler distributions.
    public static func candidates(of scenario: ChatScenario) -> [(step: String, scenario: ChatScenario)] {
        var candidates: [(String, ChatScenario)] = []
        func attempt(_ step: String, _ change: (inout ChatScenario) -> Void) {
            var changed = scenario
            change(&changed)
            if changed != scenario { candidates.append((step, changed)) }
        }
        let clients = scenario.clients
        if clients > 1 {
            attempt("clients \(clients) → \(clients / 2)") { $0.clients = Swift.max(1, clients / 2) }
            if clients <= 16 { attempt("clients \(clients) → \(clients - 1)") { $0.clients = clients - 1 } }
        }
        let duration = scenario.duration
        // A half first; where the failure comes later than that, three quarters, so that the
        // duration closes in on the moment of the failure.
        for fraction in [0.5, 0.75] where duration > .milliseconds(500) {
            let shorter = Self.rounded(duration * fraction)
            attempt("duration \(DurationText.format(duration)) → \(DurationText.format(shorter))") {
                $0.duration = shorter
                $0.rampUp = Swift.min($0.rampUp, shorter)
            }
        }
        for (index, fault) in scenario.faults.enumerated() {
            attempt("without fault \(index) (\(fault.kind.rawValue) at \(DurationText.format(fault.at)))") {
                $0.faults.remove(at: index)
            }
        }
        if scenario.rampUp > .zero {
            attempt("ramp_up \(DurationText.format(scenario.rampUp)) → 0s") { $0.rampUp = .zero }
        }
        let rooms = scenario.rooms
        if rooms > scenario.roomsPerClient {
            let fewer = Swift.max(scenario.roomsPerClient, rooms / 2)
            attempt("rooms \(rooms) → \(fewer)") { $0.rooms = fewer }
        }
        if scenario.roomsPerClient > 1 {
            attempt("rooms_per_client \(scenario.roomsPerClient) → 1") { $0.roomsPerClient = 1 }
        }
        let nodes = scenario.system.gateway.nodes
        if nodes > 1 {
            attempt("nodes \(nodes) → \(nodes / 2)") { $0.system.gateway.nodes = nodes / 2 }
        }
        for (index, fault) in scenario.faults.enumerated() {
            guard let length = fault.length, length > .milliseconds(100) else { continue }
            let half = Self.rounded(length / 2)
            attempt("fault \(index) lasting \(DurationText.format(length)) → \(DurationText.format(half))") {
                $0.faults[index] = fault.lasting(half)
            }
        }
        attempt("no notifications") { $0.notifications = nil }
        attempt("no typing") { $0.habits.typesBeforeSending = false }
        attempt("no receipts") { $0.habits.sendsReceipts = false }
        attempt("no reading of notifications") { $0.habits.readsNotifications = false }
        attempt("no cursors") { $0.habits.cursorUpdatesPerSecond = 0 }
        attempt("no edits") {
            $0.habits.editsPerMinute = 0
            $0.habits.keepsDocuments = false
        }
        attempt("no admin actions") { $0.habits.adminActionsPerMinute = 0 }
        attempt("no client profiles") { $0.profiles = [] }
        attempt("no sessions ending") {
            $0.sessionLength = nil
            $0.sessionsPerSecond = nil
        }
        attempt("no admins or viewers") {
            $0.adminShare = 0
            $0.viewerShare = 0
        }
        attempt("half the load (think time doubled)") { $0.thinkTime = $0.thinkTime.scaled(by: 2) }
        attempt("constant think time") { $0.thinkTime = .constant($0.thinkTime.mean) }
        attempt("constant client latency") { $0.system.network.clientLink.latency = .constant($0.system.network.clientLink.latency.mean) }
        attempt("constant node latency") { $0.system.network.nodeLink.latency = .constant($0.system.network.nodeLink.latency.mean) }
        attempt("constant store reads") { $0.system.store.readLatency = .constant($0.system.store.readLatency.mean) }
        attempt("constant store writes") { $0.system.store.writeLatency = .constant($0.system.store.writeLatency.mean) }
        if scenario.drain > .seconds(1) {
            attempt("drain \(DurationText.format(scenario.drain)) → 1s") { $0.drain = .seconds(1) }
        }
        return candidates
    }

    /// `duration` to whole milliseconds, so that shrunk durations read cleanly.
    private static func rounded(_ duration: Duration) -> Duration {
        .milliseconds(Swift.max(1, duration.wholeNanoseconds / 1_000_000))
    }

    /// The runs a shrink may still make, shared by its concurrent runs.
    private final class RunBudget: Sendable {
        private let limit: Int
        private let made = Guarded(0)

        init(_ limit: Int) {
            self.limit = limit
        }

        /// Takes one run from the budget; false when it is spent.
        func take() -> Bool {
            made.withLock { made in
                guard made < limit else { return false }
                made += 1
                return true
            }
        }

        /// Whether runs remain.
        var remains: Bool { made.withLock { $0 < limit } }

        /// Runs made so far.
        var runs: Int { made.withLock { $0 } }
    }
}
