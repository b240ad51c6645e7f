import Testing
import Scenarios
import SimEvents
import SimRuntime

/// The stations' measurements agree with queueing theory's identities on a real run's steady
/// state: Little's law (L = λW) and the utilisation law (ρ = λ E[S] / c). Both hold in a
/// window only while the queue is stable (ρ < 1): a queue that grows through the window holds
/// work from before it and leaves work after it.
@Suite("Station load")
struct StationLoadTests {
    private func storePool(clients: Int, poolSize: Int) async throws -> (StationLoad, ChatScenario) {
        var scenario = try #require(ScenarioCatalog.named("slow-store"))
        scenario.clients = clients
        scenario.rooms = clients / 5
        scenario.duration = .seconds(60)
        scenario.system.store.poolSize = poolSize
        let summary = try await ScenarioRunner(scenario: scenario, seed: 11).runOnOwnThread().summary
        return (try #require(summary.stations?.first { $0.name == "store.pool" }), scenario)
    }

    @Test(arguments: [(600, 4), (1_200, 4)])
    func littlesLawAndTheUtilisationLawHold(clients: Int, poolSize: Int) async throws {
        let (pool, scenario) = try await storePool(clients: clients, poolSize: poolSize)
        #expect(pool.arrivals > 5_000)
        #expect(pool.servers == poolSize)
        // The steady state: from the end of the 10 s ramp-up to the end of the load.
        #expect(pool.from == 10 && pool.seconds == 50)
        #expect(pool.utilization > 0.2 && pool.utilization < 0.95)
        // L = λW: the time-averaged number at the station against arrivals per second times the
        // mean sojourn, measured apart (areas under the queue against each request's times).
        let littles = pool.arrivalRate * pool.meanSojournMs / 1_000
        #expect(abs(pool.meanInSystem - littles) / pool.meanInSystem < 0.02, "L \(pool.meanInSystem), λW \(littles)")
        // ρ = λ E[S] / c, with E[S] the configured write latency's mean.
        let expected = pool.throughput * scenario.system.store.writeLatency.mean / Double(poolSize)
        #expect(abs(pool.utilization - expected) / expected < 0.03, "ρ \(pool.utilization), λE[S]/c \(expected)")
        #expect(pool.meanInSystem >= pool.meanQueueLength)
    }

    @Test func theSaturatedStoreIsTheBottleneckAndQueues() async throws {
        var scenario = try #require(ScenarioCatalog.named("slow-store"))
        scenario.duration = .seconds(20)
        let summary = try await ScenarioRunner(scenario: scenario, seed: 11).runOnOwnThread().summary
        let bottleneck = try #require(summary.bottleneck)
        #expect(bottleneck.name == "store.pool")
        #expect(bottleneck.meanQueueLength > 100)
        let names = summary.stations?.map(\.name) ?? []
        #expect(names == names.sorted())
        #expect(names.contains("gateway.parse[node=0]") && names.contains("provider.push"))
    }
}
