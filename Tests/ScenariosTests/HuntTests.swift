import Testing
import Scenarios
import SimReports
import SimSupport
import SimModel

@Suite("The hunt: explore, shrink, merge")
struct HuntTests {
    private let raceDemo = ScenarioCatalog.named("race-demo")!
    private let race = "no_duplicate_within_dedup_window"

    private func explore(_ scenario: ChatScenario, seeds: ClosedRange<UInt64>, shard: Shard = .whole, jobs: Int = 2,
                         swarm: Bool = false, stopOnFirst: Bool = false) async throws -> SeedExplorer.Outcome {
        let seeds = SeedRange(first: seeds.lowerBound, last: seeds.upperBound).seeds(in: shard)
        return try await SeedExplorer(scenario: scenario, seeds: seeds, jobs: jobs, swarm: swarm, stopOnFirst: stopOnFirst).run()
    }

    private func summary(of outcome: SeedExplorer.Outcome, _ scenario: ChatScenario, shard: Shard = .whole) throws
        -> ExplorationSummary {
        ExplorationSummary(scenario: scenario.name, seeds: "1..24", shards: [shard.description], swarm: false, jobs: 2,
                           wallSeconds: 0, stoppedEarly: outcome.stoppedEarly, judgement: .each, allowedBreaches: 0,
                           guarantees: outcome.guarantees, runs: outcome.runs, histograms: outcome.histograms,
                           thresholds: try ScenarioRunner(scenario: scenario, seed: 1).thresholds(adding: []), config: nil)
    }

    @Test func theRaceShowsInSomeSeedsOnlyAndOnlyWithItsFaultPlanted() async throws {
        let planted = try await explore(raceDemo, seeds: 1...40)
        let failing = planted.runs.filter { $0.verdict == .fail }
        #expect(failing.map(\.seed) == [4, 21, 31])
        #expect(failing.allSatisfy { $0.violated.map(\.name) == [race] })
        #expect(planted.runs.count == 40 && !planted.stoppedEarly)
        var fixed = raceDemo
        fixed.system.faults.retryWrittenTwice = false
        let clean = try await explore(fixed, seeds: 1...40)
        #expect(clean.runs.allSatisfy { $0.verdict == .pass })
    }

    @Test func aSeedExploredIsThatSeedRunAlone() async throws {
        let outcome = try await explore(raceDemo, seeds: 20...23, jobs: 3)
        for seed: UInt64 in [21, 23] {
            let alone = try await ScenarioRunner(scenario: raceDemo, seed: seed).runOnOwnThread().summary
            #expect(outcome.runs.first { $0.seed == seed }?.traceHash == alone.traceHash)
        }
    }

    @Test(arguments: [1, 3])
    func stoppingAtTheFirstFailureRunsEverySeedBeforeItAndNoneAfter(jobs: Int) async throws {
        let outcome = try await explore(raceDemo, seeds: 1...40, jobs: jobs, stopOnFirst: true)
        #expect(outcome.runs.map(\.seed) == [1, 2, 3, 4])
        #expect(outcome.runs.last?.verdict == .fail)
        #expect(outcome.stoppedEarly)
    }

    @Test func twoShardsMergedAreTheWholeSearch() async throws {
        let whole = try summary(of: try await explore(raceDemo, seeds: 1...24, jobs: 2), raceDemo)
        var shards: [ExplorationSummary] = []
        for index in 0..<2 {
            let shard = Shard(index: index, count: 2)
            shards.append(try summary(of: try await explore(raceDemo, seeds: 1...24, shard: shard, jobs: 1), raceDemo, shard: shard))
        }
        #expect(shards[0].runs.map(\.seed) == Array(stride(from: 1, through: 23, by: 2)))
        let merged = try ExplorationSummary.merged(shards, thresholds: try ScenarioRunner(scenario: raceDemo, seed: 1)
            .thresholds(adding: []))
        // The same runs, but for the wall time each took.
        func timeless(_ runs: [SeedRun]) -> [SeedRun] { runs.map { run in with(run) { $0.wallSeconds = 0 } } }
        #expect(timeless(merged.runs) == timeless(whole.runs))
        #expect(merged.groups == whole.groups)
        #expect(merged.groups.map(\.seeds) == [[4, 21]])
        #expect(merged.messages == whole.messages)
        #expect(merged.thresholds == whole.thresholds)
        #expect(merged.histograms.summaries == whole.histograms.summaries)
        #expect(merged.histograms == whole.histograms)
        // A shard that ran a seed to another trace is not part of the same search.
        var other = shards[1]
        other.runs[0].traceHash = "0000000000000000"
        other.runs[0].seed = shards[0].runs[0].seed
        #expect(throws: ExplorationSummary.MergeError.self) { try ExplorationSummary.merged([shards[0], other], thresholds: []) }
    }

    @Test func aShrunkScenarioStillFailsTheSameWayAndIsSmaller() async throws {
        let shrinker = ScenarioShrinker(scenario: raceDemo, seed: 4, target: .guarantee(race), budget: 120, jobs: 2)
        let report = try #require(await shrinker.run())
        #expect(report.minimal.clients < raceDemo.clients / 4)
        #expect(report.events.minimal < report.events.original / 4)
        #expect(report.runs <= 120)
        #expect(!report.steps.isEmpty)
        let rerun = try await ScenarioRunner(scenario: report.minimal, seed: report.seed).runOnOwnThread().summary
        #expect(ShrinkTarget.guarantee(race).isFailed(by: rerun))
        #expect(rerun.events == report.events.minimal)
        // It round-trips through its file.
        let file = try ScenarioSource.text(of: report.minimal, json: false)
        #expect(file.contains("clients: \(report.minimal.clients)"))
    }

    @Test func aScenarioThatDoesNotFailHasNothingToShrink() async throws {
        let shrinker = ScenarioShrinker(scenario: raceDemo, seed: 1, target: .guarantee(race), budget: 10)
        #expect(await shrinker.run() == nil)
    }

    @Test func everyReductionIsValidAndChangesTheScenario() throws {
        var quickstart = try #require(ScenarioCatalog.named("node-crash"))
        quickstart.habits = ClientHabits(typesBeforeSending: true, sendsReceipts: true, readsNotifications: true)
        let candidates = ScenarioShrinker.candidates(of: quickstart)
        #expect(candidates.count > 15)
        for candidate in candidates { #expect(candidate.scenario != quickstart, "\(candidate.step)") }
        let steps = candidates.map(\.step)
        #expect(steps.contains("clients 2000 → 1000"))
        #expect(steps.contains("duration 1m → 30s"))
        #expect(steps.contains { $0.hasPrefix("without fault 0 (crash_node") })
        #expect(steps.contains("nodes 3 → 1"))
        let valid = candidates.filter { (try? $0.scenario.validate()) != nil }
        #expect(valid.count >= candidates.count - 1, "only the node halving may leave the crash naming a node that is gone")
    }

    @Test func aSwarmSearchDrawsPerSeedAndASeedReplaysItsDraw() async throws {
        var crash = try #require(ScenarioCatalog.named("node-crash"))
        crash.clients = 60
        crash.duration = .seconds(8)
        crash.faults = []
        let outcome = try await explore(crash, seeds: 1...4, swarm: true)
        #expect(Set(outcome.runs.map(\.faults)).count > 1)
        #expect(Set(outcome.runs.map(\.clients)).count > 1)
        let seed = try #require(outcome.runs.first { !$0.faults.isEmpty })
        let alone = try await ScenarioRunner(scenario: crash.swarmed(seed: seed.seed), seed: seed.seed).runOnOwnThread().summary
        #expect(alone.traceHash == seed.traceHash)
    }
}

/// `value` changed by `change`.
private func with<Value>(_ value: Value, _ change: (inout Value) -> Void) -> Value {
    var changed = value
    change(&changed)
    return changed
}
