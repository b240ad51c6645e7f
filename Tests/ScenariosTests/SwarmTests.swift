import Testing
import Scenarios
import SimRuntime
import SimSupport

@Suite("Seeds, shards and swarms")
struct SwarmTests {
    @Test(arguments: [("1..1000", 1, 1_000), ("42", 42, 42), ("0..0", 0, 0), ("7..9", 7, 9)])
    func seedRangesParseAsWritten(text: String, first: UInt64, last: UInt64) throws {
        let range = try SeedRange(parsing: text)
        #expect(range == SeedRange(first: first, last: last))
        #expect(range.count == last - first + 1)
        #expect(try SeedRange(parsing: range.description) == range)
    }

    @Test(arguments: ["", "..", "1..", "..5", "9..3", "a..b", "1...5", "-1..4", "1..200000000",
                      "0..18446744073709551615"])
    func malformedSeedRangesAreRefused(text: String) {
        #expect(throws: ConfigurationError.self) { try SeedRange(parsing: text) }
    }

    @Test func shardsCoverEverySeedOnceBetweenThem() throws {
        let range = try SeedRange(parsing: "3..1002")
        for count in [1, 2, 3, 7, 1_200] {
            var covered: [UInt64] = []
            for index in 0..<count { covered += range.seeds(in: Shard(index: index, count: count)) }
            #expect(covered.sorted() == Array(3...1_002), "\(count) shards")
        }
        #expect(range.seeds(in: try Shard(parsing: "1/4")).prefix(3) == [4, 8, 12])
    }

    @Test(arguments: ["4/4", "-1/2", "1", "1/0", "a/b", "1/2/3", "0/100001"])
    func malformedShardsAreRefused(text: String) {
        #expect(throws: ConfigurationError.self) { try Shard(parsing: text) }
    }

    @Test func aSeedDrawsTheSameSwarmEveryTimeAndSeedsDrawDifferentOnes() throws {
        let crash = try #require(ScenarioCatalog.named("node-crash"))
        let draws = (1...40).map { crash.swarmed(seed: UInt64($0)) }
        #expect(draws == (1...40).map { crash.swarmed(seed: UInt64($0)) })
        #expect(Set(draws.map(\.clients)).count > 20)
        #expect(Set(draws.map(\.faults.count)) == [1, 2, 3, 4], "the scenario's own crash and up to three drawn")
        let kinds = Set(draws.flatMap { $0.faults.dropFirst().map(\.kind) })
        #expect(kinds == Set(ScheduledFault.Kind.allCases))
        for draw in draws {
            try draw.validate()
            #expect(draw.faults.first == crash.faults.first)
            #expect((1_000...2_000).contains(draw.clients))
            #expect(draw.faults.allSatisfy { $0.at <= crash.duration && ($0.length ?? .zero) <= .seconds(10) })
        }
    }

    @Test func aSwarmDrawsOnlyWhatItAllowsAndWhatTheSystemHas() throws {
        var quickstart = try #require(ScenarioCatalog.named("quickstart"))  // one node, no bus
        quickstart.swarm = SwarmConfiguration(faults: [.busDown, .storeDown, .partitionNode], mostFaults: 5,
                                              clients: ScaleRange(1, 1), thinkTime: ScaleRange(2, 2),
                                              storeLatency: ScaleRange(1, 1), networkLatency: ScaleRange(1, 1))
        for seed in UInt64(1)...30 {
            let draw = quickstart.swarmed(seed: seed)
            #expect(draw.faults.allSatisfy { $0.kind == .storeDown })
            #expect(draw.clients == quickstart.clients)
            #expect(draw.thinkTime == .exponential(mean: 10))
            #expect(draw.system.store == quickstart.system.store)
        }
        quickstart.swarm.mostFaults = 0
        #expect(quickstart.swarmed(seed: 3).faults.isEmpty)
    }

    @Test func aSwarmBlockRoundTripsThroughAScenarioFileAndIsChecked() throws {
        var scenario = try #require(ScenarioCatalog.named("race-demo"))
        scenario.swarm = SwarmConfiguration(faults: [.crashNode], mostFaults: 1, longestFault: .seconds(3),
                                            clients: ScaleRange(0.25, 0.5))
        let text = try ScenarioSource.text(of: scenario, json: false)
        #expect(text.contains("swarm:") && text.contains("most_faults: 1") && text.contains("- crash_node"))
        scenario.swarm.thinkTime = ScaleRange(3, 1)
        #expect(throws: ConfigurationError.self) { try scenario.validate() }
        scenario.swarm.thinkTime = ScaleRange(1, 1)
        scenario.swarm.mostFaults = 101
        #expect(throws: ConfigurationError.self) { try scenario.validate() }
    }

    @Test func scalingADistributionKeepsItsShape() {
        #expect(Distribution.lognormal(median: 0.01, sigma: 0.5).scaled(by: 3) == .lognormal(median: 0.03, sigma: 0.5))
        #expect(Distribution.uniform(min: 1, max: 2).scaled(by: 2) == .uniform(min: 2, max: 4))
        #expect(Distribution.exponential(mean: 4).scaled(by: 0.5).mean == 2)
        #expect(Distribution.empirical([1, 3]).scaled(by: 10) == .empirical([10, 30]))
    }
}
