import Testing
import Scenarios

@Suite("Scenario sizing")
struct ScenarioSizingTests {
    @Test func theSystemFollowsTheClientCount() throws {
        var scale = try #require(ScenarioCatalog.named("scale"))
        scale.clients = 100_000
        let sized = scale.sized()
        #expect(sized.rooms == 20_000)
        #expect(sized.system.gateway.nodes == 50)
        #expect(sized.system.store.poolSize == 500)
        #expect(sized.system.capacity.connect.servers == 4)
        #expect(sized.notifications?.perMinute == 30_000)
        #expect(sized.sized() == sized)
    }

    @Test func smallCountsKeepTheFloors() throws {
        var scale = try #require(ScenarioCatalog.named("scale"))
        scale.clients = 7
        let sized = scale.sized()
        #expect(sized.rooms == 3)  // at least rooms_per_client
        #expect(sized.system.gateway.nodes == 1)
        #expect(sized.system.store.poolSize == 10)
        #expect(sized.system.capacity.connect.servers == 4)
    }

    @Test func aScenarioWithoutSizingIsLeftAsItIs() throws {
        var quickstart = try #require(ScenarioCatalog.named("quickstart"))
        quickstart.clients = 100_000
        #expect(quickstart.sized() == quickstart)
    }

    @Test func overridesAreSizedAndExplainedSized() throws {
        let scenario = try ScenarioSource.load("scale", overrides: ["clients=40000"])
        #expect(scenario.rooms == 8_000 && scenario.system.gateway.nodes == 20)
        let text = try ScenarioSource.text(of: scenario, json: false)
        #expect(text.contains("sizing:\n  clients_per_room: 5\n"))
    }
}
